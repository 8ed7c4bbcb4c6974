import { advancePageWalk, dedupeById, isPageWalkComplete, newPageWalk, type PageWalk, urlHash } from '../../../src/core/cademi/pagination';
import { ENDPOINTS, followPageRequest, tagStudentsRequest } from '../../../src/core/cademi/requests';
import { parseTagStudentsPage } from '../../../src/core/cademi/responses';
import type { CademiStudent } from '../../../src/core/cademi/types';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { respond, TOKEN, target } from './fixtures';

const first = 'https://escola.cademi.com.br/api/v1/usuario/lista_por_tag/1';
const page = (n: number): string => `${first}?cursor=page${n}`;

describe('advancePageWalk', () => {
  it('starts at the first URL', () => {
    expect(newPageWalk(first)).toEqual({ nextUrl: first, pages: 0, seen: [urlHash(first)], stopReason: null });
  });

  it('moves to next_page_url without changing the old state', () => {
    const start = newPageWalk(first);
    const walk = advancePageWalk(start, { itemCount: 150, nextPageUrl: page(2) });
    expect(walk).toMatchObject({ nextUrl: page(2), pages: 1, stopReason: null });
    expect(walk.seen).toHaveLength(2);
    expect(start).toEqual(newPageWalk(first));
  });

  it('stops on null next_page_url (last)', () => {
    const walk = advancePageWalk(newPageWalk(first), { itemCount: 3, nextPageUrl: null });
    expect(walk).toMatchObject({ nextUrl: null, pages: 1, stopReason: 'last' });
    expect(isPageWalkComplete(walk)).toBe(true);
  });

  it('stops on an empty page', () => {
    const walk = advancePageWalk(newPageWalk(first), { itemCount: 0, nextPageUrl: page(2) });
    expect(walk).toMatchObject({ nextUrl: null, stopReason: 'empty' });
    expect(isPageWalkComplete(walk)).toBe(true);
  });

  it('stops on an empty cursor (the docs sample ends with "?cursor=")', () => {
    expect(advancePageWalk(newPageWalk(first), { itemCount: 150, nextPageUrl: `${first}?cursor=` })).toMatchObject({
      nextUrl: null,
      stopReason: 'empty-cursor',
    });
    expect(advancePageWalk(newPageWalk(first), { itemCount: 150, nextPageUrl: `${first}?cursor=&x=1` }).stopReason).toBe('empty-cursor');
  });

  it('stops on a URL already requested', () => {
    let walk = advancePageWalk(newPageWalk(first), { itemCount: 150, nextPageUrl: page(2) });
    walk = advancePageWalk(walk, { itemCount: 150, nextPageUrl: page(3) });
    walk = advancePageWalk(walk, { itemCount: 150, nextPageUrl: page(2) });
    expect(walk).toMatchObject({ nextUrl: null, pages: 3, stopReason: 'repeated' });
    expect(isPageWalkComplete(walk)).toBe(false);
    // The first URL counts as requested too.
    expect(advancePageWalk(newPageWalk(first), { itemCount: 1, nextPageUrl: first }).stopReason).toBe('repeated');
  });

  it('stops at the page cap', () => {
    let walk = newPageWalk(first);
    for (let n = 2; walk.nextUrl !== null; n++) walk = advancePageWalk(walk, { itemCount: 150, nextPageUrl: page(n) }, 5);
    expect(walk).toMatchObject({ nextUrl: null, pages: 5, stopReason: 'cap' });
    expect(isPageWalkComplete(walk)).toBe(false);
  });

  it('refuses to advance a stopped walk', () => {
    const done = advancePageWalk(newPageWalk(first), { itemCount: 1, nextPageUrl: null });
    expect(() => advancePageWalk(done, { itemCount: 1, nextPageUrl: page(2) })).toThrow(/already stopped/);
  });

  it('stays a few hundred bytes for 50 pages of long URLs, and survives a JSON round trip', () => {
    const longCursor = 'x'.repeat(300);
    let walk: PageWalk = newPageWalk(first);
    for (let n = 2; n <= 51; n++) {
      walk = JSON.parse(JSON.stringify(walk)) as PageWalk; // a checkpoint between every page
      walk = advancePageWalk(walk, { itemCount: 150, nextPageUrl: `${first}?cursor=${longCursor}${n}` });
    }
    expect(walk.pages).toBe(50);
    expect(walk.stopReason).toBeNull();
    const size = JSON.stringify(walk).length - (walk.nextUrl ?? '').length;
    expect(size).toBeLessThan(700);
    expect(walk.seen.every((hash) => /^[0-9a-f]{8}$/.test(hash))).toBe(true);
  });
});

describe('urlHash', () => {
  it('is FNV-1a 32-bit', () => {
    expect(urlHash('')).toBe('811c9dc5');
    expect(urlHash('a')).toBe('e40c292c');
    expect(urlHash('foobar')).toBe('bf9cf968');
  });
});

describe('dedupeById', () => {
  it('keeps first occurrences in order', () => {
    const items = [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 1, v: 'c' },
      { id: 3, v: 'd' },
      { id: 2, v: 'e' },
    ];
    expect(dedupeById(items)).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 3, v: 'd' },
    ]);
    expect(dedupeById([])).toEqual([]);
  });
});

describe('a 3-page walk over a fake server', () => {
  const student = (id: number) => ({
    id,
    nome: `Aluno ${id}`,
    email: `a${id}@example.com`,
    doc: null,
    celular: null,
    login_auto: 'https://escola.cademi.com.br/auth/login?crstk=x',
    gratis: false,
    criado_em: '2020-01-12 19:59:20',
    ultimo_acesso_em: null,
  });
  // Page 2 repeats student 2 (a cursor shift): dedupe must remove it.
  const pages: Record<string, { ids: number[]; next: string | null }> = {
    [first]: { ids: [1, 2], next: `${first}?cursor=p2` },
    [`${first}?cursor=p2`]: { ids: [2, 3, 4], next: `${first}?cursor=p3` },
    [`${first}?cursor=p3`]: { ids: [5], next: null },
  };
  const requests: HttpRequest[] = [];
  function server(request: HttpRequest): HttpResponse {
    requests.push(request);
    if (request.headers.Authorization !== TOKEN) return respond(405, { success: false, code: 405, msg: 'Token inválido' });
    const found = pages[request.url];
    if (!found) return respond(404, { success: false, code: 404, msg: 'Não encontrado' });
    return respond(200, {
      success: true,
      code: 200,
      data: { paginator: { perPage: 150, next_page_url: found.next, prev_page_url: null }, usuario: found.ids.map(student) },
    });
  }

  it('accumulates every page, not just the last', () => {
    let walk = newPageWalk(tagStudentsRequest(target, 1).url);
    const students: CademiStudent[] = [];
    while (walk.nextUrl !== null) {
      const page = parseTagStudentsPage(server(followPageRequest(target, walk.nextUrl, ENDPOINTS.tagStudents)));
      students.push(...page.items);
      walk = advancePageWalk(walk, { itemCount: page.items.length, nextPageUrl: page.nextPageUrl });
    }
    expect(walk).toMatchObject({ pages: 3, stopReason: 'last' });
    expect(requests.map((r) => r.url)).toEqual(Object.keys(pages));
    expect(students.map((s) => s.id)).toEqual([1, 2, 2, 3, 4, 5]);
    expect(dedupeById(students).map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
