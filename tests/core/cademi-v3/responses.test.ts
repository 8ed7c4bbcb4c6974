import { CademiError, isRetryable } from '../../../src/core/cademi/errors';
import { type FieldContract, fieldPath, V3_CONTRACT, V3_ENDPOINTS } from '../../../src/core/cademi-v3/contract';
import {
  CademiV3AuthError,
  CademiV3Error,
  CademiV3HttpError,
  CademiV3NotFoundError,
  CademiV3PermissionError,
  CademiV3RateLimitError,
  CademiV3RedirectError,
  CademiV3RejectedError,
  CademiV3ServerError,
  CademiV3ShapeError,
  CademiV3TransportError,
} from '../../../src/core/cademi-v3/errors';
import {
  checkV3Response,
  isProgressEvent,
  parseCurrentCredential,
  parseEventsPage,
  parseUser,
  parseUserProgressPage,
  parseUsersPage,
} from '../../../src/core/cademi-v3/responses';
import type { HttpResponse, TransportFailure } from '../../../src/core/http';
import { clone, credentialBody, errorBody, eventsBody, KEY, progressBody, respond, setPath, userBody, usersBody } from './fixtures';

const NOW = Date.UTC(2026, 10, 23, 12);

/** What `fn` threw, checked to be a v3 error that quotes no key and no envelope message. */
function thrown(fn: () => unknown): CademiV3Error {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CademiV3Error);
    expect(error).toBeInstanceOf(CademiError); // v1's base: isRetryable and the request id work for both
    const v3 = error as CademiV3Error;
    expect(v3.message).not.toContain(KEY);
    expect(v3.message).not.toContain('<script>');
    expect(v3.message).not.toContain('inválida para este recurso');
    return v3;
  }
  throw new Error('expected a CademiV3Error');
}

describe('good answers', () => {
  it('read a page of users, keeping only the declared fields', () => {
    const page = parseUsersPage(respond(200, usersBody('cur_2')), NOW);
    expect(page).toEqual({
      items: [
        {
          id: 'usr_01HQ7X',
          name: 'Joana C',
          email: 'joana@example.com',
          phone: '+55 11 98765-4321',
          createdAt: Date.UTC(2026, 8, 1, 12),
          lastAccessAt: Date.UTC(2026, 10, 20, 16, 30),
        },
        { id: 'usr_01HQ7Y', name: '', email: 'gilson@example.com', phone: null, createdAt: null, lastAccessAt: null },
      ],
      nextCursor: 'cur_2',
    });
    expect(JSON.stringify(page)).not.toContain('SECRET-LOGIN-LINK');
    expect(JSON.stringify(page)).not.toContain('123.123');
  });

  it('end a list on a null or empty cursor', () => {
    expect(parseUsersPage(respond(200, usersBody(null))).nextCursor).toBeNull();
    expect(parseUsersPage(respond(200, usersBody(''))).nextCursor).toBeNull();
    expect(parseUsersPage(respond(200, { items: [], page: { next_cursor: null } })).items).toEqual([]);
  });

  it('read a page of progress, one item per product', () => {
    expect(parseUserProgressPage(respond(200, progressBody()))).toEqual({
      items: [
        { productId: 'prd_11', percent: 41.7, lessonsCompleted: 5, lastActivityAt: Date.UTC(2026, 10, 19, 10, 57, 46) },
        { productId: 'prd_12', percent: 0, lessonsCompleted: 0, lastActivityAt: null },
      ],
      nextCursor: null,
    });
  });

  it('read one user with their tags', () => {
    expect(parseUser(respond(200, userBody))).toEqual({
      id: 'usr_01HQ7X',
      name: 'Joana C',
      email: 'joana@example.com',
      phone: null,
      createdAt: Date.UTC(2026, 8, 1, 12),
      lastAccessAt: Date.UTC(2026, 10, 20, 16, 30),
      tagIds: ['tag_101', 'tag_102'],
    });
  });

  it('read a page of events, and tell the ones that mean progress', () => {
    const page = parseEventsPage(respond(200, eventsBody('cur_e2')));
    expect(page.items).toEqual([
      { id: 'evt_1', type: 'progress.updated', occurredAt: Date.UTC(2026, 10, 20, 10), userId: 'usr_01HQ7X', productId: 'prd_11' },
      { id: 'evt_2', type: 'user.updated', occurredAt: Date.UTC(2026, 10, 20, 11), userId: 'usr_01HQ7Y', productId: null },
      { id: 'evt_3', type: 'account.updated', occurredAt: Date.UTC(2026, 10, 20, 12), userId: null, productId: null },
    ]);
    expect(page.nextCursor).toBe('cur_e2');
    expect(page.items.map(isProgressEvent)).toEqual([true, false, false]);
    expect(isProgressEvent({ type: 'lesson.completed' })).toBe(true);
  });

  it('read the current credential (any 2xx validates the key)', () => {
    expect(parseCurrentCredential(respond(200, credentialBody))).toEqual({ id: 'crd_9', mode: 'test' });
    expect(parseCurrentCredential(respond(200, {}))).toEqual({ id: null, mode: null });
  });

  it('read an odd phone as none, never as a failure', () => {
    for (const phone of [{}, '', '   ', 'x'.repeat(41), -5]) {
      const body = usersBody();
      setPath(body, 'items.0.phone', phone);
      expect(parseUsersPage(respond(200, body)).items[0].phone).toBeNull();
    }
    const digits = usersBody();
    setPath(digits, 'items.0.phone', 5511987654321);
    expect(parseUsersPage(respond(200, digits)).items[0].phone).toBe('5511987654321');
  });
});

// ---- every declared field, missing and mistyped ----

interface FieldCase {
  readonly label: string;
  readonly role: string;
  readonly field: FieldContract;
  readonly body: () => Record<string, unknown>;
  readonly parse: (response: HttpResponse) => unknown;
  /** Where the field sits in `body()`: `items.0.` for lists, '' for single objects. */
  readonly at: string;
  readonly fullPath: string;
}

const { endpoints } = V3_CONTRACT;

function casesOf(
  name: 'usersByTag' | 'userProgress' | 'user' | 'events' | 'currentCredential',
  body: () => Record<string, unknown>,
  parse: (response: HttpResponse) => unknown,
): FieldCase[] {
  const endpoint = endpoints[name];
  return Object.entries(endpoint.fields).map(([role, field]) => ({
    label: V3_ENDPOINTS[name],
    role,
    field,
    body,
    parse,
    at: endpoint.list === null ? '' : `${endpoint.list.items.path}.0.`,
    fullPath: fieldPath(endpoint, field),
  }));
}

const FIELDS: FieldCase[] = [
  ...casesOf('usersByTag', () => usersBody(), parseUsersPage),
  ...casesOf('userProgress', () => progressBody(), parseUserProgressPage),
  ...casesOf('user', () => clone(userBody), parseUser),
  ...casesOf('events', () => eventsBody(), parseEventsPage),
  ...casesOf('currentCredential', () => clone(credentialBody), parseCurrentCredential),
];

/** A value of the wrong kind for each field type. */
const WRONG_KIND: Readonly<Record<FieldContract['type'], unknown>> = {
  id: 42,
  text: 42,
  phone: undefined, // a phone never fails
  integer: '5',
  percent: '41.7%',
  'date-time': 1700000000,
  'id-list': 'tag_1',
};

describe('a declared field that is missing', () => {
  const required = FIELDS.filter((c) => c.field.required);

  it('covers every assumed field the notes name', () => {
    const named = required.map((c) => `${c.label} ${c.fullPath}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'GET /users items[].last_access_at',
        'GET /users/{user_id}/progress items[].product_id',
        'GET /users/{user_id}/progress items[].percent',
        'GET /users/{user_id}/progress items[].lessons_completed',
        'GET /users/{user_id}/progress items[].last_lesson_at',
        'GET /users/{user_id} tags[].id',
        'GET /events items[].occurred_at',
      ]),
    );
  });

  it.each(required.map((c) => [`${c.label} ${c.fullPath}`, c] as const))('%s fails naming the endpoint and the field', (_name, c) => {
    const body = c.body();
    setPath(body, `${c.at}${c.field.path}`, undefined);
    const error = thrown(() => c.parse(respond(200, body)));
    expect(error).toBeInstanceOf(CademiV3ShapeError);
    const shape = error as CademiV3ShapeError;
    expect(shape).toMatchObject({
      kind: 'shape',
      endpoint: c.label,
      field: c.fullPath,
      missing: true,
      assumed: c.field.knowledge === 'assumed',
      retryable: false,
    });
    expect(shape.message).toContain(c.label);
    expect(shape.message).toContain(c.fullPath);
    if (shape.assumed) {
      expect(shape.message).toContain(`A resposta de ${c.label} não tem o campo ${c.fullPath} esperado`);
      expect(shape.message).toContain('suposição desta versão');
      if (c.at !== '') expect(shape.message).toContain('item 1 da página');
    }
  });

  it('reads an optional field that is absent as null', () => {
    const body = usersBody();
    setPath(body, 'items.0.created_at', undefined);
    setPath(body, 'items.0.phone', undefined);
    expect(parseUsersPage(respond(200, body)).items[0]).toMatchObject({ createdAt: null, phone: null });
  });
});

describe('a declared field of the wrong kind', () => {
  const typed = FIELDS.filter((c) => c.field.type !== 'phone');

  it.each(typed.map((c) => [`${c.label} ${c.fullPath}`, c] as const))('%s fails naming the endpoint and the field, never the value', (_name, c) => {
    const body = c.body();
    setPath(body, `${c.at}${c.field.path}`, WRONG_KIND[c.field.type]);
    const error = thrown(() => c.parse(respond(200, body))) as CademiV3ShapeError;
    expect(error).toMatchObject({ kind: 'shape', field: c.fullPath, missing: false });
    expect(error.message).toContain(c.label);
    expect(error.message).toContain(c.fullPath);
    expect(error.message).toContain('esperava');
    if (error.assumed) expect(error.message).toContain(`A resposta de ${c.label} tem o campo ${c.fullPath} num formato diferente do esperado`);
    expect(error.message).not.toContain('41.7%');
  });

  it('refuses null where the contract does not allow it', () => {
    const body = progressBody();
    setPath(body, 'items.1.percent', null);
    const error = thrown(() => parseUserProgressPage(respond(200, body))) as CademiV3ShapeError;
    expect(error).toMatchObject({ field: 'items[].percent', index: 1 });
    expect(error.message).toContain('esperava number, veio null; item 2 da página');
  });

  it('names what was wrong with an id, a percent, a count and a date', () => {
    const cases: [string, unknown, string, (r: HttpResponse) => unknown, () => Record<string, unknown>][] = [
      ['items.0.product_id', '11', 'não é um ID que começa com prd_', parseUserProgressPage, () => progressBody()],
      ['items.0.product_id', 'usr_11', 'não é um ID que começa com prd_', parseUserProgressPage, () => progressBody()],
      ['items.0.product_id', 'prd_1 1', 'o ID tem caracteres inesperados', parseUserProgressPage, () => progressBody()],
      ['items.0.percent', 140, 'o percentual 140 está fora de 0–100', parseUserProgressPage, () => progressBody()],
      ['items.0.percent', -1, 'o percentual -1 está fora de 0–100', parseUserProgressPage, () => progressBody()],
      ['items.0.lessons_completed', 1.5, 'não é um número inteiro', parseUserProgressPage, () => progressBody()],
      ['items.0.lessons_completed', -2, 'não é um número inteiro', parseUserProgressPage, () => progressBody()],
      ['items.0.last_lesson_at', 'ontem', 'não é uma data e hora ISO 8601', parseUserProgressPage, () => progressBody()],
      ['items.0.occurred_at', '', 'não é uma data e hora ISO 8601', parseEventsPage, () => eventsBody()],
      ['tags', [{ id: 101 }], 'não é um ID que começa com tag_', parseUser, () => clone(userBody)],
      ['tags', ['tag_1'], 'não é um ID que começa com tag_', parseUser, () => clone(userBody)],
    ];
    for (const [path, value, problem, parse, body] of cases) {
      const answer = body();
      setPath(answer, path, value);
      const error = thrown(() => parse(respond(200, answer)));
      expect(error.message).toContain(problem);
    }
  });
});

describe('the list envelope', () => {
  it('fails when the items key is not there (an assumed name)', () => {
    const error = thrown(() => parseUserProgressPage(respond(200, { data: [], page: { next_cursor: null } }))) as CademiV3ShapeError;
    expect(error).toMatchObject({ field: 'items', missing: true, assumed: true, index: null });
    expect(error.message).toContain('A resposta de GET /users/{user_id}/progress não tem o campo items esperado');
    const notArray = thrown(() => parseUsersPage(respond(200, { items: {}, page: { next_cursor: null } }))) as CademiV3ShapeError;
    expect(notArray.message).toContain('esperava array, veio object');
  });

  it('fails when page.next_cursor is missing (a known name: a silent "last page" would drop the rest)', () => {
    for (const body of [{ items: [] }, { items: [], page: {} }, { items: [], page: null }]) {
      const error = thrown(() => parseEventsPage(respond(200, body))) as CademiV3ShapeError;
      expect(error).toMatchObject({ field: 'page.next_cursor', missing: true, assumed: false });
      expect(error.message).toContain('A Cademi respondeu GET /events num formato inesperado (campo page.next_cursor');
      expect(error.message).toContain('/api/v3');
    }
    const error = thrown(() => parseEventsPage(respond(200, { items: [], page: { next_cursor: 7 } })));
    expect(error.message).toContain('esperava string, veio number');
  });

  it('fails on an item that is no object', () => {
    const error = thrown(() => parseUsersPage(respond(200, { items: [null], page: { next_cursor: null } }))) as CademiV3ShapeError;
    expect(error).toMatchObject({ field: 'items[]', index: 0 });
  });

  it('keeps the request id header of a 2xx in a shape error', () => {
    const error = thrown(() => parseUsersPage(respond(200, { page: { next_cursor: null } }, { 'x-request-id': 'req_abc123' })));
    expect(error.requestId).toBe('req_abc123');
    expect(error.message).toContain('req_abc123');
  });
});

describe('the error envelope and statuses', () => {
  const cases: [number, string, new (...args: never[]) => CademiV3Error, string, boolean][] = [
    [401, 'unauthenticated', CademiV3AuthError, 'auth', false],
    [403, 'permission_denied', CademiV3PermissionError, 'permission', false],
    [404, 'not_found', CademiV3NotFoundError, 'not-found', false],
    [409, 'state_conflict', CademiV3RejectedError, 'rejected', false],
    [412, 'precondition_failed', CademiV3RejectedError, 'rejected', false],
    [422, 'validation_failed', CademiV3RejectedError, 'rejected', false],
    [429, 'rate_limited', CademiV3RateLimitError, 'rate-limit', true],
    [500, 'internal', CademiV3ServerError, 'server', true],
    [503, 'unavailable', CademiV3ServerError, 'server', true],
    [400, 'bad_request', CademiV3HttpError, 'http', false],
  ];

  it.each(cases)('HTTP %i keeps code %s and the request id, never the message', (status, code, type, kind, retryable) => {
    const error = thrown(() => parseUsersPage(respond(status, errorBody(code), { 'retry-after': '3' })));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ kind, status, code, requestId: 'req_7Hs9Kq2', endpoint: 'GET /users', retryable });
    expect(isRetryable(error)).toBe(retryable);
    expect(error.message).toContain('GET /users');
    expect(error.message).toContain(code);
    expect(error.message).toContain('(id do pedido na Cademi: req_7Hs9Kq2)');
    expect(error.message).not.toContain('não aceito');
  });

  it('says how long to wait after a 429', () => {
    const error = thrown(() => checkV3Response(respond(429, errorBody('rate_limited'), { 'retry-after': '3' }), 'GET /users')) as CademiV3RateLimitError;
    expect(error.retryAfterMs).toBe(3000);
    expect(error.message).toContain('pediu 3 s de espera');
  });

  it('drops a code or request id that is no plain token', () => {
    const body = errorBody('not found <b>', 'req id with spaces');
    const error = thrown(() => checkV3Response(respond(404, body), 'GET /users/{user_id}'));
    expect(error.code).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(error.message).not.toContain('<b>');
    const long = thrown(() => checkV3Response(respond(404, errorBody('x'.repeat(65), 'r'.repeat(80))), 'GET /users/{user_id}'));
    expect(long.code).toBeUndefined();
    expect(long.requestId).toBeUndefined();
  });

  it('takes the request id from a header when the body has none', () => {
    const error = thrown(() => checkV3Response(respond(502, '<html>Bad gateway</html>', { 'X-Request-Id': 'req_gw_1' }), 'GET /events'));
    expect(error).toBeInstanceOf(CademiV3ServerError);
    expect(error.requestId).toBe('req_gw_1');
  });

  it('never reads an error envelope inside a 2xx as data', () => {
    const error = thrown(() => parseUsersPage(respond(200, errorBody('internal'))));
    expect(error).toBeInstanceOf(CademiV3HttpError);
    expect(error).toMatchObject({ code: 'internal', requestId: 'req_7Hs9Kq2' });
  });

  it('never follows a redirect, and names only its origin', () => {
    const error = thrown(() => checkV3Response(respond(302, '', { location: 'https://login.example.com/sso?next=ck_test_x' }), 'GET /users'));
    expect(error).toBeInstanceOf(CademiV3RedirectError);
    expect(error.message).toContain('https://login.example.com');
    expect(error.message).not.toContain('sso?next');
  });

  it('tells a transport failure from an answer', () => {
    const failure: TransportFailure = { status: 0, headers: {}, body: '', transportError: `ETIMEDOUT at https://api.cademi.com.br/api/v3/users?key=${KEY}` };
    const error = thrown(() => parseUsersPage(failure)) as CademiV3TransportError;
    expect(error).toBeInstanceOf(CademiV3TransportError);
    expect(error).toMatchObject({ kind: 'transport', transportError: 'timeout', retryable: true });
    expect(error.message).toContain('falha de rede: tempo esgotado');
  });

  it('retries a body that is not JSON (cut off in transit), not one of the wrong kind', () => {
    const cut = thrown(() => parseUsersPage(respond(200, '{"items":[')));
    expect(cut).toMatchObject({ kind: 'shape', retryable: true });
    expect(cut.message).toContain('o corpo não é JSON');
    const array = thrown(() => parseUsersPage(respond(200, [])));
    expect(array).toMatchObject({ kind: 'shape', retryable: false });
    expect(array.message).toContain('esperava um objeto JSON, veio array');
  });
});
