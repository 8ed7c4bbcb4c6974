// The simulator's API v3 under /api/v3, driven through the real v3 client (request builders, parsers,
// cursor walks): the same school as v1, v3 ids, the error envelope, events, the shared rate limit and
// an /openapi.json that declares every path, parameter and field of the contract table.

import { dedupeById } from '../../src/core/cademi/pagination';
import { accessRequest, ENDPOINTS, followPageRequest, progressRequest, tagStudentsRequest } from '../../src/core/cademi/requests';
import { parseAccess, parseProgress, parseTagStudentsPage } from '../../src/core/cademi/responses';
import type { CademiStudent } from '../../src/core/cademi/types';
import { contractEntries, V3_ENDPOINTS } from '../../src/core/cademi-v3/contract';
import {
  CademiV3AuthError,
  CademiV3NotFoundError,
  CademiV3PermissionError,
  CademiV3RateLimitError,
  CademiV3RejectedError,
} from '../../src/core/cademi-v3/errors';
import { isV3Id } from '../../src/core/cademi-v3/ids';
import { advanceCursorWalk, newCursorWalk } from '../../src/core/cademi-v3/paging';
import {
  currentCredentialRequest,
  eventsRequest,
  openApiRequest,
  type UsersByTagQuery,
  userProgressRequest,
  userRequest,
  usersByTagRequest,
} from '../../src/core/cademi-v3/requests';
import { parseCurrentCredential, parseEventsPage, parseUser, parseUserProgressPage, parseUsersPage } from '../../src/core/cademi-v3/responses';
import type { CademiV3Event, CademiV3Progress, CademiV3User, V3Target } from '../../src/core/cademi-v3/types';
import type { HttpRequest } from '../../src/core/http';
import {
  createSchool,
  createSimulator,
  DEFAULT_V3_TOKEN,
  openApiDocument,
  productV3Id,
  type Simulator,
  tagV3Id,
  userV3Id,
  VirtualClock,
  v1IdOf,
  v3IdOf,
} from '../../src/simulator';
import { BASE, LATE_2026, unlimitedSimulator, WEEK_MS } from './helpers';

const V3_BASE = BASE.replace(/\/api\/v1$/, '/api/v3');
const target: V3Target = { baseUrl: V3_BASE, token: DEFAULT_V3_TOKEN };
const v1Target = { baseUrl: BASE, token: 'simulador-token' };
const COHORT_TAG = 103;

const school = createSchool();
const { simulator, clock } = unlimitedSimulator(LATE_2026, school);
const send = (request: HttpRequest) => simulator.handle(request);

/** Every user of a tag listing, page by page, through the client's cursor walk. */
function allUsers(query: UsersByTagQuery): { users: CademiV3User[]; pages: number } {
  let walk = newCursorWalk();
  const users: CademiV3User[] = [];
  while (!walk.done) {
    const page = parseUsersPage(send(usersByTagRequest(target, query, walk.cursor)), clock.now());
    users.push(...page.items);
    walk = advanceCursorWalk(walk, page.nextCursor, V3_ENDPOINTS.usersByTag);
  }
  return { users: dedupeById(users), pages: walk.pages };
}

function allProgress(userId: string, limit?: number): { items: CademiV3Progress[]; pages: number } {
  let walk = newCursorWalk();
  const items: CademiV3Progress[] = [];
  while (!walk.done) {
    const page = parseUserProgressPage(send(userProgressRequest(target, userId, { limit }, walk.cursor)), clock.now());
    items.push(...page.items);
    walk = advanceCursorWalk(walk, page.nextCursor, V3_ENDPOINTS.userProgress);
  }
  return { items, pages: walk.pages };
}

function allEvents(query: Parameters<typeof eventsRequest>[1]): CademiV3Event[] {
  let walk = newCursorWalk();
  const events: CademiV3Event[] = [];
  while (!walk.done) {
    const page = parseEventsPage(send(eventsRequest(target, query, walk.cursor)), clock.now());
    events.push(...page.items);
    walk = advanceCursorWalk(walk, page.nextCursor, V3_ENDPOINTS.events);
  }
  return events;
}

/** The v1 listing of a tag, through the v1 client's page walk. */
function v1Students(tagId: number): CademiStudent[] {
  const students: CademiStudent[] = [];
  let page = parseTagStudentsPage(send(tagStudentsRequest(v1Target, tagId)));
  students.push(...page.items);
  while (page.nextPageUrl !== null) {
    page = parseTagStudentsPage(send(followPageRequest(v1Target, page.nextPageUrl, ENDPOINTS.tagStudents)));
    students.push(...page.items);
  }
  return students;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('v3 ids', () => {
  it('derive from the v1 ids, reversibly, in the contract’s id format; only the canonical spelling decodes', () => {
    expect(userV3Id(1001)).toBe('usr_sim000rt');
    expect(productV3Id(11)).toBe('prd_sim0000b');
    expect(tagV3Id(101)).toBe('tag_sim0002t');
    for (const student of school.students) {
      const id = userV3Id(student.id);
      expect(isV3Id(id, 'usr_')).toBe(true);
      expect(v1IdOf('usr_', id)).toBe(student.id);
    }
    expect(v1IdOf('usr_', 'usr_sim000RT')).toBeNull();
    expect(v1IdOf('usr_', 'usr_sim0000rt0')).toBeNull();
    expect(v1IdOf('usr_', 'usr_sim0000rt')).toBeNull();
    expect(v1IdOf('usr_', tagV3Id(101))).toBeNull();
    expect(v1IdOf('tag_', v3IdOf('tag_', 90))).toBe(90);
  });
});

describe('the same school as v1, through the v3 client', () => {
  const v1 = v1Students(COHORT_TAG);
  const { users, pages } = allUsers({ tagIds: [tagV3Id(COHORT_TAG)], limit: 25 });

  it('lists a tag’s users across pages: the same students as v1, by id mapping and e-mail, in order', () => {
    expect(v1.length).toBeGreaterThan(50);
    expect(pages).toBe(Math.ceil(v1.length / 25));
    expect(users.map((user) => user.id)).toEqual(v1.map((student) => userV3Id(student.id)));
    expect(users.map((user) => user.email)).toEqual(v1.map((student) => student.email));
    expect(users.map((user) => user.lastAccessAt)).toEqual(v1.map((student) => student.lastAccessAt));
    expect(users.map((user) => user.name)).toEqual(v1.map((student) => student.name));
  });

  it('a page of 200 holds the whole tag; users of any of several tags come once each', () => {
    expect(allUsers({ tagIds: [tagV3Id(COHORT_TAG)] })).toEqual({ users, pages: 1 });
    const both = allUsers({ tagIds: [tagV3Id(COHORT_TAG), tagV3Id(90)], limit: 40 }).users;
    const expected = new Set([...v1.map((student) => student.id), ...v1Students(90).map((student) => student.id)]);
    expect(both.map((user) => v1IdOf('usr_', user.id))).toEqual([...expected].sort((a, b) => a - b));
  });

  it('status=active keeps the users who accessed in the last 30 days', () => {
    const active = allUsers({ tagIds: [tagV3Id(COHORT_TAG)], status: 'active' }).users;
    const since = clock.now() - 30 * 86_400_000;
    expect(active.map((user) => user.id)).toEqual(users.filter((user) => user.lastAccessAt !== null && user.lastAccessAt > since).map((user) => user.id));
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(users.length);
  });

  it('each user’s progress in all products, cursor paged, matches v1’s answers product by product', () => {
    let withBonus = 0;
    for (const student of v1.slice(0, 40)) {
      const { items, pages: progressPages } = allProgress(userV3Id(student.id), 2);
      const { accesses } = parseAccess(send(accessRequest(v1Target, student.id)));
      expect(items.map((item) => item.productId)).toEqual(accesses.map((access) => productV3Id(access.product.id)));
      expect(progressPages).toBe(Math.ceil(accesses.length / 2));
      if (accesses.length > 3) withBonus++;
      for (const item of items) {
        const productId = v1IdOf('prd_', item.productId) as number;
        const progress = parseProgress(send(progressRequest(v1Target, student.id, productId)));
        expect({ ...item, productId }).toEqual({
          productId,
          percent: progress.percent,
          lessonsCompleted: progress.lessonsCompleted,
          lastActivityAt: progress.lastActivityAt,
        });
      }
    }
    expect(withBonus).toBeGreaterThan(0);
  });

  it('one user comes with the tags they carry', () => {
    const [first] = v1;
    const user = parseUser(send(userRequest(target, userV3Id(first?.id ?? 0))), clock.now());
    expect(user).toMatchObject({ id: userV3Id(first?.id ?? 0), email: first?.email, lastAccessAt: first?.lastAccessAt });
    expect(user.tagIds).toEqual(school.tagsOfStudentAt(first?.id ?? 0, clock.now()).map(tagV3Id));
    expect(user.tagIds).toContain(tagV3Id(COHORT_TAG));
  });
});

describe('events', () => {
  const since = LATE_2026 - WEEK_MS;
  const events = allEvents({ type: 'progress.updated', occurredAfter: since, limit: 50 });

  it('lists progress events since a date, oldest first, across pages: one per student who studied in the week', () => {
    expect(events.length).toBeGreaterThan(50);
    expect(events.every((event) => event.type === 'progress.updated' && event.occurredAt > since && event.occurredAt <= clock.now())).toBe(true);
    expect(events.map((event) => event.occurredAt)).toEqual([...events.map((event) => event.occurredAt)].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const studied = school.students
      .filter((student) => school.sessionTimesOf(student.id).some((at) => at > since && at <= clock.now()))
      .map((student) => userV3Id(student.id));
    expect([...new Set(events.map((event) => event.userId))].sort()).toEqual(studied.sort());
  });

  it('each progress event names a product whose progress changed at that instant (as v1 says)', () => {
    for (const event of events.slice(0, 30)) {
      const studentId = v1IdOf('usr_', event.userId ?? '') as number;
      const productId = v1IdOf('prd_', event.productId ?? '') as number;
      expect(school.progressAt(studentId, productId, event.occurredAt)?.lastActivityAt).toBe(event.occurredAt);
    }
  });

  it('without a type every kind comes, and the first page of a later date continues where the week left off', () => {
    const everything = allEvents({ occurredAfter: since });
    expect(new Set(everything.map((event) => event.type))).toEqual(new Set(['progress.updated', 'lesson.completed']));
    expect(everything.filter((event) => event.type === 'progress.updated')).toEqual(events);
    // Pages of any size list the same events: ties at one instant (a session's two events) are ordered too.
    const twoDays = { occurredAfter: LATE_2026 - 2 * 86_400_000 };
    expect(allEvents({ ...twoDays, limit: 7 })).toEqual(allEvents({ ...twoDays, limit: 200 }));
    const last = events.at(-1) as CademiV3Event;
    expect(allEvents({ type: 'progress.updated', occurredAfter: last.occurredAt })).toEqual([]);
  });
});

describe('credentials and errors', () => {
  it('GET /credentials/current answers the key with its mode', () => {
    expect(parseCurrentCredential(send(currentCredentialRequest(target)), clock.now())).toEqual({ id: expect.stringMatching(/^key_sim/), mode: 'test' });
  });

  it('a bad or missing key: 401 with the envelope’s code and request id, typed as CademiV3AuthError', () => {
    const error = thrownBy(() => parseUsersPage(send(usersByTagRequest({ ...target, token: 'ck_test_outra' }, { tagIds: [tagV3Id(101)] }))));
    expect(error).toBeInstanceOf(CademiV3AuthError);
    expect(error).toMatchObject({ code: 'invalid_credential', status: 401, requestId: expect.stringMatching(/^req_sim/) });
    const missing = send({ method: 'GET', url: `${V3_BASE}/credentials/current`, headers: {} });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String), request_id: missing.headers['x-request-id'], details: [] },
    });
    // The generations keep their own keys.
    expect(send(currentCredentialRequest({ ...target, token: 'simulador-token' })).status).toBe(401);
    expect(send(tagStudentsRequest({ ...v1Target, token: DEFAULT_V3_TOKEN }, 101)).status).toBe(405);
  });

  it('an unknown user or tag: 404 not_found; a raw key (no Bearer) works too', () => {
    const error = thrownBy(() => parseUser(send(userRequest({ ...target, authScheme: 'raw' }, userV3Id(999_999)))));
    expect(error).toBeInstanceOf(CademiV3NotFoundError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(thrownBy(() => parseUsersPage(send(usersByTagRequest(target, { tagIds: [tagV3Id(7)] }))))).toBeInstanceOf(CademiV3NotFoundError);
    expect(send(userRequest(target, 'usr_01HQ7X')).status).toBe(404);
  });

  it('bad parameters: 422 validation_failed naming the parameter', () => {
    const tooMany = usersByTagRequest(target, { tagIds: [tagV3Id(101)] });
    const bad = send({ ...tooMany, url: tooMany.url.replace('limit=200', 'limit=201') });
    const error = thrownBy(() => parseUsersPage(bad));
    expect(error).toBeInstanceOf(CademiV3RejectedError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(JSON.parse(bad.body).error.details).toEqual([{ field: 'limit', issue: expect.any(String) }]);

    // A cursor passed back with other filters, or to another listing, is refused.
    const first = parseUsersPage(send(usersByTagRequest(target, { tagIds: [tagV3Id(101)], limit: 5 })));
    const cursor = first.nextCursor as string;
    const otherTag = send(usersByTagRequest(target, { tagIds: [tagV3Id(102)], limit: 5 }, cursor));
    expect(otherTag.status).toBe(422);
    expect(JSON.parse(otherTag.body).error.details[0].field).toBe('cursor');
    expect(send(eventsRequest(target, {}, cursor)).status).toBe(422);
    const noTag = send({ method: 'GET', url: `${V3_BASE}/users?limit=5`, headers: tooMany.headers });
    expect(JSON.parse(noTag.body).error).toMatchObject({ code: 'validation_failed', details: [{ field: 'tag_id[]' }] });
    const badDate = eventsRequest(target, { occurredAfter: LATE_2026 });
    expect(send({ ...badDate, url: badDate.url.replace(/occurred_after=[^&]+/, 'occurred_after=ontem') }).status).toBe(422);
  });

  it('a key limited to some endpoints: 403 permission_denied elsewhere; /credentials/current and /openapi.json always answer', () => {
    const limited = createSimulator({
      clock: new VirtualClock(LATE_2026),
      school,
      ratePerSecond: 1e9,
      perMinute: 1e9,
      v3Credentials: [{ secret: 'ck_live_somente_usuarios', endpoints: ['usersByTag'] }],
    });
    const key = { ...target, token: 'ck_live_somente_usuarios' };
    expect(parseUsersPage(limited.handle(usersByTagRequest(key, { tagIds: [tagV3Id(101)] }))).items.length).toBeGreaterThan(0);
    const error = thrownBy(() => parseEventsPage(limited.handle(eventsRequest(key))));
    expect(error).toBeInstanceOf(CademiV3PermissionError);
    expect(error).toMatchObject({ code: 'permission_denied', status: 403 });
    expect(parseCurrentCredential(limited.handle(currentCredentialRequest(key))).mode).toBe('live');
    expect(limited.handle(openApiRequest(key)).status).toBe(200);
  });

  it('the same 2 req/s as v1, shared with it: the 3rd request within a second gets 429 with Retry-After', () => {
    const rateClock = new VirtualClock(LATE_2026);
    const limited: Simulator = createSimulator({ clock: rateClock, school });
    expect(limited.handle(currentCredentialRequest(target)).status).toBe(200);
    expect(limited.handle(tagStudentsRequest(v1Target, 101)).status).toBe(200);
    rateClock.advance(999);
    const refused = limited.handle(usersByTagRequest(target, { tagIds: [tagV3Id(101)] }));
    expect(refused.headers['retry-after']).toBe('1');
    const error = thrownBy(() => parseUsersPage(refused, rateClock.now()));
    expect(error).toBeInstanceOf(CademiV3RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 1000, requestId: expect.stringMatching(/^req_sim/) });
    rateClock.advance(1);
    expect(limited.handle(usersByTagRequest(target, { tagIds: [tagV3Id(101)] })).status).toBe(200);
    expect(limited.stats).toMatchObject({ requests: 4, responses429: 1 });
  });
});

/** The schema at a field path from the body's root (`items[].percent`, `page.next_cursor`, `tags[].id`). */
function schemaAt(root: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = root;
  for (const part of field.split('.')) {
    const [, key = part, isArray] = /^(.*?)(\[\])?$/.exec(part) ?? [];
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
    if (isArray !== undefined) node = node?.items as Record<string, unknown> | undefined;
  }
  return node;
}

describe('/openapi.json', () => {
  const response = send(openApiRequest(target));
  // biome-ignore lint/suspicious/noExplicitAny: the test reads into the served document path by path
  const document: any = JSON.parse(response.body);

  it('is the document generated from the contract table, with an ETag honoured by If-None-Match', () => {
    expect(response.status).toBe(200);
    expect(document).toEqual(openApiDocument(V3_BASE));
    expect(document.openapi).toMatch(/^3\./);
    expect(send(openApiRequest(target, response.headers.etag)).status).toBe(304);
  });

  it('declares every path, parameter and field of the contract, with its JSON type and nullability', () => {
    const entries = contractEntries();
    expect(entries.filter((entry) => entry.kind === 'field').length).toBeGreaterThan(20);
    for (const entry of entries) {
      const operation = document.paths[entry.path]?.[entry.method.toLowerCase()];
      expect({ entry, found: operation !== undefined }).toEqual({ entry, found: true });
      if (entry.kind === 'parameter') {
        const declared = operation.parameters.filter((param: { name: string; in: string }) => param.name === entry.name && param.in === entry.in);
        expect({ entry, declared: declared.length }).toEqual({ entry, declared: 1 });
      }
      if (entry.kind === 'field') {
        const body = operation.responses['200'].content['application/json'].schema;
        const schema = schemaAt(body, entry.field);
        expect({ entry, type: schema?.type, nullable: schema?.nullable === true }).toEqual({ entry, type: entry.jsonType, nullable: entry.nullable });
      }
    }
    // Nothing more than the table: one operation per contract endpoint.
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item as object));
    expect(operations.length).toBe(entries.filter((entry) => entry.kind === 'path').length);
  });
});
