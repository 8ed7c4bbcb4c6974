// The tag listing on its own: page walks per cohort, the cursor's guards, de-duplication by id,
// unknown and empty tags, and the checkpoint's part it leaves and resumes from.

import type { HttpResponse } from '../../../src/core/http';
import { emptyTagReason, unknownTagReason } from '../../../src/core/messages/sync';
import type { CohortConfig } from '../../../src/core/model/cohort';
import { cohortKeys } from '../../../src/core/sync/checkpoint';
import { v1Dialect } from '../../../src/core/sync/dialect/v1';
import { SyncFailedError } from '../../../src/core/sync/errors';
import { MAX_PAGES_PER_TAG, TagListing } from '../../../src/core/sync/tag-listing';

const BASE = 'https://escola.cademi.com.br/api/v1';
const TARGET = v1Dialect({ baseUrl: BASE, token: 'segredo' });

function cohort(name: string, tagId: number): CohortConfig {
  return { name, tagId, start: '2026-08-03', productIds: [1], goalTrack: null, tutorEmail: null, active: true, sheetRow: 1 };
}

const A = cohort('Turma A', 11);
const B = cohort('Turma B', 22);

const user = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  nome: `Aluno ${id}`,
  email: `a${id}@x`,
  criado_em: '2026-08-01 10:00:00',
  ultimo_acesso_em: '2026-09-10 10:00:00',
  ...extra,
});

function page(ids: readonly number[], next: string | null, extra: Record<number, Record<string, unknown>> = {}): HttpResponse {
  const data = { usuario: ids.map((id) => user(id, extra[id])), paginator: { next_page_url: next } };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ success: true, code: 200, data }) };
}

const NOT_FOUND: HttpResponse = {
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ success: false, code: 404, msg: 'Tag não encontrada' }),
};

const tagUrl = (tagId: number, cursor?: string) => `${BASE}/usuario/lista_por_tag/${tagId}${cursor ? `?cursor=${cursor}` : ''}`;

/** Reads a page into the listing the way the job does: the students it names go through `addStudent`. */
function read(listing: TagListing, name: string, response: HttpResponse): boolean[] | null {
  const students = listing.acceptPage(name, response);
  return students === null ? null : students.map((student) => listing.addStudent(student));
}

const ids = (listing: TagListing, name: string) => [...listing.studentsOf(name)].map((student) => student.studentId);

describe('TagListing', () => {
  it('walks every cohort at once, following each cursor until the last page', () => {
    const listing = new TagListing([A, B], TARGET, () => false);
    expect(listing.pending()).toEqual([A, B]);
    expect(listing.pageRequest(A).url).toBe(tagUrl(11));
    read(listing, 'Turma A', page([1, 2], tagUrl(11, 'p2')));
    read(listing, 'Turma B', page([5], null));
    expect(listing.pending()).toEqual([A]);
    expect(listing.pageRequest(A).url).toBe(tagUrl(11, 'p2'));
    expect(listing.done()).toBe(false);
    read(listing, 'Turma A', page([3], null));
    expect(listing.done()).toBe(true);
    expect(ids(listing, 'Turma A')).toEqual([1, 2, 3]);
    expect(ids(listing, 'Turma B')).toEqual([5]);
    expect(listing.collectable()).toEqual([A, B]);
    expect(listing.listedIds()).toEqual(new Set([1, 2, 3, 5]));
  });

  it('keeps a student once per cohort, however often a cursor repeats them; the same student may be in two cohorts', () => {
    const listing = new TagListing([A, B], TARGET, () => false);
    expect(read(listing, 'Turma A', page([1, 2], tagUrl(11, 'p2')))).toEqual([true, true]);
    expect(read(listing, 'Turma A', page([2, 3, 1], null))).toEqual([false, true, false]);
    expect(read(listing, 'Turma B', page([2], null))).toEqual([true]);
    expect(ids(listing, 'Turma A')).toEqual([1, 2, 3]);
    expect(ids(listing, 'Turma B')).toEqual([2]);
    // A student of a cohort the run does not have is refused.
    const [stranger] = new TagListing([cohort('Outra', 33)], TARGET, () => false).acceptPage('Outra', page([9], null))!;
    expect(listing.addStudent(stranger)).toBe(false);
  });

  it('stops on an empty page or an empty cursor, as a normal end', () => {
    const listing = new TagListing([A, B], TARGET, () => false);
    read(listing, 'Turma A', page([], tagUrl(11, 'p2')));
    read(listing, 'Turma B', page([4], `${tagUrl(22)}?cursor=`));
    expect(listing.done()).toBe(true);
    expect(listing.cursor().listed).toHaveLength(2);
  });

  it('fails the run on a repeated URL: the listing could not be trusted to be complete', () => {
    const listing = new TagListing([A], TARGET, () => false);
    read(listing, 'Turma A', page([1], tagUrl(11, 'p2')));
    expect(() => read(listing, 'Turma A', page([2], tagUrl(11, 'p2')))).toThrow(
      expect.objectContaining({ constructor: SyncFailedError, kind: 'api', cohort: 'Turma A' }),
    );
  });

  it('fails the run at the page cap', () => {
    const listing = new TagListing([A], TARGET, () => false);
    for (let index = 1; index < MAX_PAGES_PER_TAG; index++) read(listing, 'Turma A', page([index], tagUrl(11, `p${index + 1}`)));
    expect(listing.pending()).toEqual([A]);
    expect(() => read(listing, 'Turma A', page([MAX_PAGES_PER_TAG], tagUrl(11, 'mais')))).toThrow(SyncFailedError);
  });

  it('never sends the token to another origin: a next page there fails the run before any request', () => {
    const listing = new TagListing([A], TARGET, () => false);
    read(listing, 'Turma A', page([1], 'https://evil.example.com/api/v1/usuario/lista_por_tag/11?cursor=p2'));
    expect(() => listing.pageRequest(A)).toThrow(expect.objectContaining({ constructor: SyncFailedError, kind: 'api', cohort: 'Turma A' }));
  });

  it('takes a cohort whose tag Cademi does not know out of the run, and says why', () => {
    const listing = new TagListing([A, B], TARGET, () => true);
    expect(read(listing, 'Turma A', NOT_FOUND)).toBeNull();
    expect(listing.pending()).toEqual([B]);
    read(listing, 'Turma B', page([1], null));
    expect(listing.done()).toBe(true);
    expect(listing.notCollectedReason(A)).toBe(unknownTagReason(11));
    expect(listing.collectable()).toEqual([B]);
    expect(listing.unknownTagCohorts()).toEqual([A]);
    expect(listing.cursor().unknownTags).toEqual([cohortKeys([A, B]).get('Turma A')]);
  });

  it('does not collect a cohort listed empty while the history has its rows (the rows stay); one without rows is collected empty', () => {
    const listing = new TagListing([A, B], TARGET, (name) => name === 'Turma A');
    read(listing, 'Turma A', page([], null));
    read(listing, 'Turma B', page([], null));
    expect(listing.emptyCohorts()).toEqual([A]);
    expect(listing.notCollectedReason(A)).toBe(emptyTagReason(11));
    expect(listing.notCollectedReason(B)).toBeNull();
    expect(listing.collectable()).toEqual([B]);
  });

  it('gathers the students with impossible dates, by field, in id order', () => {
    const listing = new TagListing([A, B], TARGET, () => false);
    read(listing, 'Turma A', page([7, 3], null, { 7: { ultimo_acesso_em: '0001-01-01T00:00:00' }, 3: { ultimo_acesso_em: '0001-01-01T00:00:00' } }));
    read(listing, 'Turma B', page([3, 4], null, { 3: { ultimo_acesso_em: '0001-01-01T00:00:00' }, 4: { criado_em: '1900-01-01' } }));
    expect(listing.impossibleDateStudents()).toEqual([
      ['ultimo_acesso_em', [3, 7]],
      ['criado_em', [4]],
    ]);
  });

  describe('its part of the checkpoint', () => {
    it('keeps a key per ended or unknown listing and a page walk per running one; a cohort not started costs nothing', () => {
      const C = cohort('Turma C', 33);
      const listing = new TagListing([A, B, C], TARGET, () => false);
      read(listing, 'Turma A', page([1], null));
      read(listing, 'Turma B', page([2], tagUrl(22, 'p2')));
      const keys = cohortKeys([A, B, C]);
      const cursor = listing.cursor();
      expect(cursor.listed).toEqual([keys.get('Turma A')]);
      expect(cursor.unknownTags).toEqual([]);
      expect(Object.keys(cursor.walks)).toEqual([keys.get('Turma B')]);
      expect(cursor.walks[keys.get('Turma B')!]).toMatchObject({ nextUrl: tagUrl(22, 'p2'), pages: 1 });
    });

    it('resumes from it: ended listings stay ended, running ones go on from their next URL, the others start over', () => {
      const C = cohort('Turma C', 33);
      const first = new TagListing([A, B, C], TARGET, () => false);
      read(first, 'Turma A', page([1], null));
      read(first, 'Turma B', page([2], tagUrl(22, 'p2')));
      read(first, 'Turma C', NOT_FOUND);
      const stored = JSON.parse(JSON.stringify(first.cursor()));
      const resumed = new TagListing([A, B, C], TARGET, () => false, stored);
      expect(resumed.pending()).toEqual([B]);
      expect(resumed.pageRequest(B).url).toBe(tagUrl(22, 'p2'));
      expect(resumed.unknownTagCohorts()).toEqual([C]);
      // The walk keeps its guard: the first page's URL is remembered, so a cursor back to it still stops the run.
      expect(() => read(resumed, 'Turma B', page([3], tagUrl(22)))).toThrow(SyncFailedError);
    });

    it('ignores the keys of cohorts no longer in the run (a renamed cohort is listed again)', () => {
      const listing = new TagListing([A], TARGET, () => false);
      read(listing, 'Turma A', page([1], null));
      const renamed = { ...A, name: 'Turma A (manhã)' };
      const resumed = new TagListing([renamed], TARGET, () => false, listing.cursor());
      expect(resumed.pending()).toEqual([renamed]);
      expect(resumed.pageRequest(renamed).url).toBe(tagUrl(11));
    });
  });
});
