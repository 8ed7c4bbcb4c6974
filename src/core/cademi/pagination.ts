// Cursor pagination as a small, JSON-serialisable state a resumable job can checkpoint between runs.
//
// The walk only decides *which* URL comes next and when to stop; it never holds items. The caller
// must ACCUMULATE each page's items (`all.push(...page.items)`), never re-assign its list per page:
// the first version of this idea kept only the last page of every tag with more than 150 students.
//
//   let walk = newPageWalk(tagStudentsRequest(target, tagId).url);
//   const students: CademiStudent[] = [];
//   while (walk.nextUrl !== null) {
//     const page = parseTagStudentsPage(await send(followPageRequest(target, walk.nextUrl, ENDPOINTS.tagStudents)));
//     students.push(...page.items);                      // accumulate, do not replace
//     walk = advancePageWalk(walk, { itemCount: page.items.length, nextPageUrl: page.nextPageUrl });
//   }
//   const cohort = dedupeById(students);                 // a cursor may repeat an item across pages

/** Why a walk ended: `last`, `empty` and `empty-cursor` are normal ends; `repeated` and `cap` may mean missing items. */
export type PageWalkStop = 'last' | 'empty' | 'repeated' | 'cap' | 'empty-cursor';

/** Where a paginated read stands. Plain JSON: store it as-is in a checkpoint. */
export interface PageWalk {
  /** The URL to request next; null once the walk has stopped. */
  readonly nextUrl: string | null;
  /** Pages read so far. */
  readonly pages: number;
  /** FNV-1a 32-bit hex hashes of every URL requested or queued (8 characters each, not the URLs). */
  readonly seen: string[];
  readonly stopReason: PageWalkStop | null;
}

/** Default page cap: 200 × 150 students = 30,000 per tag, far above any real cohort. */
const DEFAULT_MAX_PAGES = 200;

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
export function urlHash(url: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

// `cursor=` with nothing after it (the docs' sample ends its last page's next_page_url this way).
const EMPTY_CURSOR = /[?&]cursor=(?:[&#]|$)/;

/** A walk about to request `firstUrl`. */
export function newPageWalk(firstUrl: string): PageWalk {
  return { nextUrl: firstUrl, pages: 0, seen: [urlHash(firstUrl)], stopReason: null };
}

function stopped(walk: PageWalk, pages: number, stopReason: PageWalkStop): PageWalk {
  return { nextUrl: null, pages, seen: walk.seen, stopReason };
}

/**
 * The walk after reading one more page (pure; `walk` is not changed). Stops on a null/empty
 * `nextPageUrl` ('last'), an empty page ('empty'), an empty `cursor=` ('empty-cursor'), a URL
 * already requested ('repeated'), or once `maxPages` pages were read ('cap'). Throws when the walk
 * had already stopped: reading past the end is a caller bug.
 */
export function advancePageWalk(walk: PageWalk, page: { itemCount: number; nextPageUrl: string | null }, maxPages: number = DEFAULT_MAX_PAGES): PageWalk {
  if (walk.stopReason !== null || walk.nextUrl === null) {
    throw new Error(`advancePageWalk: the walk already stopped (${walk.stopReason ?? 'no next URL'})`);
  }
  const pages = walk.pages + 1;
  const next = page.nextPageUrl;
  if (next === null || next === '') return stopped(walk, pages, 'last');
  if (page.itemCount === 0) return stopped(walk, pages, 'empty');
  if (EMPTY_CURSOR.test(next)) return stopped(walk, pages, 'empty-cursor');
  const hash = urlHash(next);
  if (walk.seen.includes(hash)) return stopped(walk, pages, 'repeated');
  if (pages >= maxPages) return stopped(walk, pages, 'cap');
  return { nextUrl: next, pages, seen: [...walk.seen, hash], stopReason: null };
}

/** True when the walk ended normally (every page read); false while running or after 'repeated'/'cap'. */
export function isPageWalkComplete(walk: PageWalk): boolean {
  return walk.stopReason === 'last' || walk.stopReason === 'empty' || walk.stopReason === 'empty-cursor';
}

/** The items with duplicate ids removed, keeping each id's first occurrence and the original order. */
export function dedupeById<T extends { readonly id: number | string }>(items: readonly T[]): T[] {
  const seen = new Set<number | string>();
  const unique: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    unique.push(item);
  }
  return unique;
}
