import { dedupeById } from '../../../src/core/cademi/pagination';
import { V3_ENDPOINTS } from '../../../src/core/cademi-v3/contract';
import { CademiV3PagingError } from '../../../src/core/cademi-v3/errors';
import { advanceCursorWalk, type CursorWalk, cursorHash, newCursorWalk } from '../../../src/core/cademi-v3/paging';
import { type UsersByTagQuery, usersByTagRequest } from '../../../src/core/cademi-v3/requests';
import { parseUsersPage } from '../../../src/core/cademi-v3/responses';
import type { CademiV3User } from '../../../src/core/cademi-v3/types';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { respond, target } from './fixtures';

const ENDPOINT = V3_ENDPOINTS.usersByTag;

function pagingError(fn: () => unknown): CademiV3PagingError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CademiV3PagingError);
    return error as CademiV3PagingError;
  }
  throw new Error('expected a CademiV3PagingError');
}

describe('a cursor walk', () => {
  it('starts without a cursor and follows each next_cursor', () => {
    let walk = newCursorWalk();
    expect(walk).toEqual({ cursor: null, pages: 0, seen: [], done: false });
    walk = advanceCursorWalk(walk, 'c1', ENDPOINT);
    expect(walk).toMatchObject({ cursor: 'c1', pages: 1, done: false });
    walk = advanceCursorWalk(walk, 'c2', ENDPOINT);
    expect(walk).toMatchObject({ cursor: 'c2', pages: 2, done: false });
    expect(walk.seen).toEqual([cursorHash('c1'), cursorHash('c2')]);
  });

  it.each([null, '', '   '])('ends on the cursor %j', (cursor) => {
    const walk = advanceCursorWalk(advanceCursorWalk(newCursorWalk(), 'c1', ENDPOINT), cursor, ENDPOINT);
    expect(walk).toMatchObject({ cursor: null, pages: 2, done: true });
    expect(() => advanceCursorWalk(walk, 'c9', ENDPOINT)).toThrow('already ended');
  });

  it('refuses the cursor it just sent, and any cursor seen before, with a pt-BR error naming the endpoint', () => {
    const once = advanceCursorWalk(newCursorWalk(), 'c1', ENDPOINT);
    const same = pagingError(() => advanceCursorWalk(once, 'c1', ENDPOINT));
    expect(same).toMatchObject({ kind: 'paging', reason: 'repeated', pages: 2, endpoint: ENDPOINT, retryable: false });
    expect(same.message).toContain(`A Cademi devolveu em ${ENDPOINT}, na página 2, um cursor de página que já tinha sido usado`);
    const twice = advanceCursorWalk(once, 'c2', ENDPOINT);
    expect(pagingError(() => advanceCursorWalk(twice, 'c1', ENDPOINT)).reason).toBe('repeated');
  });

  it('refuses a list longer than the page cap', () => {
    let walk = newCursorWalk();
    walk = advanceCursorWalk(walk, 'c1', ENDPOINT, 3);
    walk = advanceCursorWalk(walk, 'c2', ENDPOINT, 3);
    expect(advanceCursorWalk(walk, null, ENDPOINT, 3).done).toBe(true); // the last page may be the cap-th
    const error = pagingError(() => advanceCursorWalk(walk, 'c3', ENDPOINT, 3));
    expect(error).toMatchObject({ reason: 'cap', pages: 3 });
    expect(error.message).toContain(`A lista de ${ENDPOINT} passou de 3 páginas`);
  });

  it('is plain JSON (a checkpoint holds it as is) and holds no cursor but the next one', () => {
    const walk = advanceCursorWalk(advanceCursorWalk(newCursorWalk(), 'SECRET-ISH-1', ENDPOINT), 'SECRET-ISH-2', ENDPOINT);
    const restored = JSON.parse(JSON.stringify(walk)) as CursorWalk;
    expect(restored).toEqual(walk);
    expect(JSON.stringify(walk)).not.toContain('SECRET-ISH-1');
    expect(pagingError(() => advanceCursorWalk(restored, 'SECRET-ISH-1', ENDPOINT)).reason).toBe('repeated');
  });

  it('hashes cursors to 16 hex digits, differently for near-identical ones', () => {
    expect(cursorHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(cursorHash('abc')).toBe(cursorHash('abc'));
    const hashes = new Set(Array.from({ length: 5000 }, (_, i) => cursorHash(`cursor-${i}`)));
    expect(hashes.size).toBe(5000);
  });

  it('keeps each id once, first occurrence first', () => {
    expect(
      dedupeById([
        { id: 'usr_1', n: 1 },
        { id: 'usr_2', n: 2 },
        { id: 'usr_1', n: 3 },
      ]),
    ).toEqual([
      { id: 'usr_1', n: 1 },
      { id: 'usr_2', n: 2 },
    ]);
  });
});

// ---- a whole listing, driven as the job will drive it ----

const user = (id: string) => ({ id, name: id, email: `${id}@example.com`, last_access_at: null });

/** A server that answers by cursor (null = the first page), recording what it was asked. */
function server(pages: Readonly<Record<string, { items: unknown[]; next: string | null }>>) {
  const asked: HttpRequest[] = [];
  const send = (request: HttpRequest): HttpResponse => {
    asked.push(request);
    const cursor = /[?&]cursor=([^&]*)/.exec(request.url)?.[1];
    const page = pages[cursor === undefined ? '' : decodeURIComponent(cursor)];
    return page === undefined ? respond(404, { error: { code: 'not_found' } }) : respond(200, { items: page.items, page: { next_cursor: page.next } });
  };
  return { asked, send };
}

function listAll(send: (request: HttpRequest) => HttpResponse, query: UsersByTagQuery, maxPages?: number): CademiV3User[] {
  let walk = newCursorWalk();
  const users: CademiV3User[] = [];
  while (!walk.done) {
    const page = parseUsersPage(send(usersByTagRequest(target, query, walk.cursor)));
    users.push(...page.items);
    walk = advanceCursorWalk(walk, page.nextCursor, ENDPOINT, maxPages);
  }
  return dedupeById(users);
}

describe('a users-by-tag listing', () => {
  const query: UsersByTagQuery = { tagIds: ['tag_101'], status: 'active' };

  it('reads every page with the same filters plus the cursor, accumulating, and through an empty page that has a cursor', () => {
    const { asked, send } = server({
      '': { items: [user('usr_1'), user('usr_2')], next: 'p2==' },
      'p2==': { items: [], next: 'p3' },
      p3: { items: [user('usr_2'), user('usr_3')], next: '' },
    });
    expect(listAll(send, query).map((u) => u.id)).toEqual(['usr_1', 'usr_2', 'usr_3']);
    const first = usersByTagRequest(target, query).url;
    expect(asked.map((request) => request.url)).toEqual([first, `${first}&cursor=p2%3D%3D`, `${first}&cursor=p3`]);
  });

  it('stops with an error, not forever, when the server hands the same cursor out again', () => {
    const { asked, send } = server({ '': { items: [user('usr_1')], next: 'loop' }, loop: { items: [user('usr_2')], next: 'loop' } });
    expect(pagingError(() => listAll(send, query)).reason).toBe('repeated');
    expect(asked).toHaveLength(2);
  });

  it('stops with an error when cursors cycle', () => {
    const { asked, send } = server({
      '': { items: [user('usr_1')], next: 'a' },
      a: { items: [user('usr_2')], next: 'b' },
      b: { items: [user('usr_3')], next: 'a' },
    });
    expect(pagingError(() => listAll(send, query)).reason).toBe('repeated');
    expect(asked).toHaveLength(3);
  });

  it('stops with an error when fresh cursors never end', () => {
    let n = 0;
    const send = (request: HttpRequest): HttpResponse => {
      n += 1;
      return respond(200, { items: [user(`usr_${n}`)], page: { next_cursor: `c${n}:${request.url.length}` } });
    };
    expect(pagingError(() => listAll(send, query, 50)).reason).toBe('cap');
    expect(n).toBe(50);
  });
});
