import { V3_ENDPOINTS } from '../../../src/core/cademi-v3/contract';
import {
  currentCredentialRequest,
  eventsRequest,
  openApiRequest,
  userProgressRequest,
  userRequest,
  usersByTagRequest,
  v3EndpointOf,
} from '../../../src/core/cademi-v3/requests';
import { BASE, KEY, target } from './fixtures';

/** What a builder threw (failing the test if it did not). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('v3 request builders', () => {
  it('send the key as Bearer (the contract’s first scheme) and ask for JSON', () => {
    expect(usersByTagRequest(target, { tagIds: ['tag_101'] })).toEqual({
      method: 'GET',
      url: `${BASE}/users?tag_id%5B%5D=tag_101&limit=200`,
      headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json' },
    });
  });

  it('send the raw key when the target says so', () => {
    expect(userRequest({ ...target, authScheme: 'raw' }, 'usr_1').headers.Authorization).toBe(KEY);
  });

  it('build every endpoint’s path from the contract', () => {
    expect(userProgressRequest(target, 'usr_01HQ7X').url).toBe(`${BASE}/users/usr_01HQ7X/progress?limit=200`);
    expect(userRequest(target, 'usr_01HQ7X').url).toBe(`${BASE}/users/usr_01HQ7X`);
    expect(eventsRequest(target).url).toBe(`${BASE}/events?limit=200`);
    expect(currentCredentialRequest(target).url).toBe(`${BASE}/credentials/current`);
    expect(openApiRequest(target).url).toBe(`${BASE}/openapi.json`);
  });

  it('tolerate trailing slashes and spaces on the base URL', () => {
    expect(userRequest({ ...target, baseUrl: ` ${BASE}// ` }, 'usr_1').url).toBe(`${BASE}/users/usr_1`);
  });

  it('send every tag once, in order, with the status filter', () => {
    const request = usersByTagRequest(target, { tagIds: ['tag_101', ' tag_102 ', 'tag_101'], status: 'active', limit: 50 });
    expect(request.url).toBe(`${BASE}/users?tag_id%5B%5D=tag_101&tag_id%5B%5D=tag_102&status=active&limit=50`);
  });

  it('filter events by type and time (RFC 3339, UTC)', () => {
    const request = eventsRequest(target, { type: 'progress.updated', occurredAfter: Date.UTC(2026, 10, 23, 3), limit: 100 });
    expect(request.url).toBe(`${BASE}/events?type=progress.updated&occurred_after=2026-11-23T03%3A00%3A00.000Z&limit=100`);
    expect(() => eventsRequest(target, { type: 'progress updated&x=1' })).toThrow(RangeError);
    expect(() => eventsRequest(target, { occurredAfter: Number.NaN })).toThrow(RangeError);
  });

  it('ask for the next page with the same filters plus the cursor, encoded', () => {
    const query = { tagIds: ['tag_101'], status: 'active' as const };
    const first = usersByTagRequest(target, query);
    const next = usersByTagRequest(target, query, 'eyJpZCI6MX0=/+&#');
    expect(next.url).toBe(`${first.url}&cursor=eyJpZCI6MX0%3D%2F%2B%26%23`);
    expect(next.headers).toEqual(first.headers);
    const progress = userProgressRequest(target, 'usr_1', { limit: 10 }, 'c2');
    expect(progress.url).toBe(`${BASE}/users/usr_1/progress?limit=10&cursor=c2`);
    const events = eventsRequest(target, { type: 'lesson.completed' }, 'c3');
    expect(events.url).toBe(`${BASE}/events?type=lesson.completed&limit=200&cursor=c3`);
  });

  it('refuse to request past the end of a list (an empty cursor)', () => {
    expect(() => userProgressRequest(target, 'usr_1', {}, '')).toThrow(RangeError);
    expect(() => usersByTagRequest(target, { tagIds: ['tag_1'] }, '  ')).toThrow(RangeError);
  });

  it('keep limit within 1–200', () => {
    expect(usersByTagRequest(target, { tagIds: ['tag_1'], limit: 1 }).url).toContain('limit=1');
    expect(userProgressRequest(target, 'usr_1', { limit: 200 }).url).toContain('limit=200');
    for (const limit of [0, 201, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => usersByTagRequest(target, { tagIds: ['tag_1'], limit })).toThrow(RangeError);
      expect(() => userProgressRequest(target, 'usr_1', { limit })).toThrow(RangeError);
      expect(() => eventsRequest(target, { limit })).toThrow(RangeError);
    }
  });

  it('refuse an If-None-Match that is no ETag', () => {
    expect(openApiRequest(target, '"v3.12-abc"').headers['If-None-Match']).toBe('"v3.12-abc"');
    expect(openApiRequest(target, 'W/"x"').headers['If-None-Match']).toBe('W/"x"');
    expect(openApiRequest(target, 'abc\r\nX-Evil: 1').headers['If-None-Match']).toBeUndefined();
  });
});

describe('ids in paths and queries', () => {
  const unsafeUserIds = [
    '',
    'usr_',
    '.',
    '..',
    'usr_../..',
    'usr_a/b',
    'usr_a?b=1',
    'usr_a#b',
    'usr_a b',
    'usr_%2e%2e',
    'usr_a\\b',
    'usr_a\nb',
    'prd_1',
    '1051',
  ];

  it.each(unsafeUserIds)('refuse the user id %j before any request is built', (userId) => {
    for (const build of [() => userRequest(target, userId), () => userProgressRequest(target, userId)]) {
      const error = thrown(build);
      expect(error.message).toContain('ID do aluno inválido para a API v3');
      expect(error.message).toContain('usr_');
      if (userId.length > 4) expect(error.message).not.toContain(userId);
    }
  });

  it('refuse a tag that is no tag_ id (a v1 Tag ID, another type, or none at all)', () => {
    for (const tagId of ['101', 'usr_1', 'tag_', 'tag_1/../../users', 'tag_1&status=active']) {
      expect(thrown(() => usersByTagRequest(target, { tagIds: [tagId] })).message).toContain('ID da tag inválido');
    }
    expect(thrown(() => usersByTagRequest(target, { tagIds: [101 as unknown as string] })).message).toContain('ID da tag inválido');
    expect(thrown(() => usersByTagRequest(target, { tagIds: [] })).message).toContain('pelo menos uma tag');
  });

  it('accept ids of unreserved characters, trimmed', () => {
    expect(userRequest(target, ' usr_01H-Q7_X.y~z ').url).toBe(`${BASE}/users/usr_01H-Q7_X.y~z`);
    expect(() => userRequest(target, `usr_${'a'.repeat(129)}`)).toThrow('ID do aluno');
  });

  it('never build a request for a key that cannot be a header (and never quote it)', () => {
    const error = thrown(() => userRequest({ ...target, token: `${KEY}\nX-Evil: 1` }, 'usr_1'));
    expect(error.message).toContain('Token recusado');
    expect(error.message).not.toContain(KEY);
  });
});

describe('v3EndpointOf', () => {
  it('names the endpoint of a concrete URL, never its query', () => {
    expect(v3EndpointOf(`${BASE}/users?tag_id%5B%5D=tag_1&cursor=SECRET`, target)).toBe(V3_ENDPOINTS.usersByTag);
    expect(v3EndpointOf(`${BASE}/users/usr_1/progress?cursor=SECRET`, target)).toBe('GET /users/{user_id}/progress');
    expect(v3EndpointOf(`${BASE}/users/usr_1`, target)).toBe('GET /users/{user_id}');
    expect(v3EndpointOf(`${BASE}/events?type=x`, target)).toBe('GET /events');
    expect(v3EndpointOf(`${BASE}/credentials/current`, target)).toBe('GET /credentials/current');
    expect(v3EndpointOf(`${BASE}/openapi.json`, target)).toBe('GET /openapi.json');
    expect(v3EndpointOf(`${BASE}/users/usr_1/tags?x=SECRET`, target)).toBe('GET /users/usr_1/tags');
    expect(v3EndpointOf('https://elsewhere.example/api/v3/users?cursor=SECRET', target)).toBe('GET https://elsewhere.example/api/v3/users');
  });
});
