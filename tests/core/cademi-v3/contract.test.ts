import { contractEntries, type FieldContract, fieldPath, V3_CONTRACT, V3_ENDPOINTS } from '../../../src/core/cademi-v3/contract';
import { parseUserProgressPage } from '../../../src/core/cademi-v3/responses';
import { progressBody, respond } from './fixtures';

const { endpoints } = V3_CONTRACT;

describe('the v3 contract table', () => {
  it('marks assumed every name the shared notes leave open', () => {
    expect(endpoints.usersByTag.fields.lastAccessAt).toMatchObject({ path: 'last_access_at', knowledge: 'assumed' });
    for (const field of Object.values(endpoints.userProgress.fields)) expect(field.knowledge).toBe('assumed');
    expect(Object.keys(endpoints.userProgress.fields)).toEqual(['productId', 'percent', 'lessonsCompleted', 'lastLessonAt']);
    for (const endpoint of [endpoints.usersByTag, endpoints.userProgress, endpoints.events]) {
      expect(endpoint.list.items).toEqual({ path: 'items', knowledge: 'assumed' });
    }
    expect(V3_CONTRACT.progressEventTypes.knowledge).toBe('assumed');
    expect(V3_CONTRACT.authorization).toMatchObject({
      header: 'Authorization',
      headerKnowledge: 'known',
      schemes: ['bearer', 'raw'],
      schemeKnowledge: 'assumed',
    });
    expect(V3_CONTRACT.ids.restKnowledge).toBe('assumed');
  });

  it('marks known what Cademi’s reference states', () => {
    for (const endpoint of [endpoints.usersByTag, endpoints.userProgress, endpoints.events]) {
      expect(endpoint.list.nextCursor).toEqual({ path: 'page.next_cursor', knowledge: 'known' });
    }
    expect(V3_CONTRACT.errorEnvelope).toEqual({
      path: 'error',
      code: 'code',
      message: 'message',
      requestId: 'request_id',
      details: 'details',
      knowledge: 'known',
    });
    expect(V3_CONTRACT.keys).toEqual({ live: 'ck_live_', test: 'ck_test_', knowledge: 'known' });
    expect(V3_CONTRACT.ids.prefixKnowledge).toBe('known');
    const limits = [endpoints.usersByTag, endpoints.userProgress].map((endpoint) => endpoint.params.find((param) => param.name === 'limit'));
    for (const limit of limits) expect(limit).toMatchObject({ min: 1, max: 200, knowledge: 'known' });
  });

  it('gives each endpoint a label of method and path', () => {
    expect(V3_ENDPOINTS).toEqual({
      usersByTag: 'GET /users',
      userProgress: 'GET /users/{user_id}/progress',
      user: 'GET /users/{user_id}',
      product: 'GET /products/{product_id}',
      events: 'GET /events',
      currentCredential: 'GET /credentials/current',
      openapi: 'GET /openapi.json',
    });
  });

  it('names fields from the body’s root', () => {
    expect(fieldPath(endpoints.userProgress, endpoints.userProgress.fields.percent)).toBe('items[].percent');
    expect(fieldPath(endpoints.events, endpoints.events.fields.userId)).toBe('items[].data.user_id');
    expect(fieldPath(endpoints.user, endpoints.user.fields.tagIds)).toBe('tags[].id');
    expect(fieldPath(endpoints.user, endpoints.user.fields.lastAccessAt)).toBe('last_access_at');
  });

  it('declares a prefix for every id field', () => {
    for (const endpoint of Object.values(endpoints)) {
      for (const field of Object.values(endpoint.fields) as FieldContract[]) {
        if (field.type === 'id' || field.type === 'id-list') expect(field.prefix).toMatch(/^[a-z]{3}_$/);
      }
    }
  });
});

describe('contractEntries (what a doctor compares with /openapi.json)', () => {
  const entries = contractEntries();

  it('lists every path, parameter and field, each with its endpoint, method and knowledge', () => {
    expect(entries.filter((entry) => entry.kind === 'path').map((entry) => `${entry.method} ${entry.path}`)).toEqual(Object.values(V3_ENDPOINTS));
    for (const entry of entries) {
      expect(entry.endpoint).toBe(`${entry.method} ${entry.path}`);
      expect(['known', 'assumed']).toContain(entry.knowledge);
    }
    expect(entries).toContainEqual({
      kind: 'parameter',
      endpoint: 'GET /users',
      method: 'GET',
      path: '/users',
      name: 'tag_id[]',
      in: 'query',
      knowledge: 'known',
    });
    expect(entries).toContainEqual({
      kind: 'parameter',
      endpoint: 'GET /users/{user_id}/progress',
      method: 'GET',
      path: '/users/{user_id}/progress',
      name: 'user_id',
      in: 'path',
      knowledge: 'known',
    });
  });

  it('gives every response field its path from the root and its JSON type', () => {
    const progress = entries.filter((entry) => entry.kind === 'field' && entry.path === '/users/{user_id}/progress');
    expect(progress.map((entry) => (entry.kind === 'field' ? [entry.field, entry.jsonType, entry.knowledge] : null))).toEqual([
      ['items', 'array', 'assumed'],
      ['page.next_cursor', 'string', 'known'],
      ['items[].product_id', 'string', 'assumed'],
      ['items[].percent', 'number', 'assumed'],
      ['items[].lessons_completed', 'integer', 'assumed'],
      ['items[].last_lesson_at', 'string', 'assumed'],
    ]);
    // A list of objects: the array itself, then the id in each element, each with its own JSON type.
    const tags = entries.filter((entry) => entry.kind === 'field' && entry.path === '/users/{user_id}' && entry.field.startsWith('tags'));
    expect(tags.map((entry) => (entry.kind === 'field' ? [entry.field, entry.jsonType] : null))).toEqual([
      ['tags', 'array'],
      ['tags[].id', 'string'],
    ]);
  });

  it('walks a table given to it (a doctor test can pass a different one)', () => {
    const only = { ...V3_CONTRACT, endpoints: { user: endpoints.user } };
    expect(new Set(contractEntries(only).map((entry) => entry.endpoint))).toEqual(new Set(['GET /users/{user_id}']));
  });
});

describe('the parsers read names from the table, and only from it', () => {
  it('follows a renamed field with no other change', () => {
    const percent = endpoints.userProgress.fields.percent as { path: string };
    const body = progressBody();
    for (const item of body.items as Record<string, unknown>[]) {
      item.progress_percent = item.percent;
      delete item.percent;
    }
    expect(() => parseUserProgressPage(respond(200, body))).toThrow('items[].percent');
    percent.path = 'progress_percent';
    try {
      expect(parseUserProgressPage(respond(200, body)).items.map((item) => item.percent)).toEqual([41.7, 0]);
    } finally {
      percent.path = 'percent';
    }
  });
});
