// Cursor paging for v3 lists as a small, JSON-serialisable state a resumable job can checkpoint.
//
// A list's next page is the same request with `cursor=<page.next_cursor>` (same filters); the list
// ends when that cursor is empty or null [known]. The walk holds the cursor to send next and hashes
// of the cursors already received: a cursor handed out twice would read the same pages forever, so
// it is refused with a CademiV3PagingError, and so is a list longer than any real one. An empty page
// that still carries a cursor is followed: a key limited to some products may see empty pages.
// The caller must ACCUMULATE each page's items, never re-assign its list per page:
//
//   let walk = newCursorWalk();
//   const users: CademiV3User[] = [];
//   while (!walk.done) {
//     const page = parseUsersPage(await send(usersByTagRequest(target, query, walk.cursor)));
//     users.push(...page.items);                          // accumulate, do not replace
//     walk = advanceCursorWalk(walk, page.nextCursor, V3_ENDPOINTS.usersByTag);
//   }
//   const cohort = dedupeById(users);                        // a cursor may repeat an item across pages

import { CademiV3PagingError } from './errors';

/** Where a cursor-paged read stands. Plain JSON: store it as-is in a checkpoint. */
export interface CursorWalk {
  /** The cursor to send with the next request; null for the first page (and once done). */
  readonly cursor: string | null;
  /** Pages read so far. */
  readonly pages: number;
  /** A 64-bit hash (16 hex digits) of every cursor received, not the cursors themselves. */
  readonly seen: readonly string[];
  /** True once a page came back with an empty or null cursor: every page was read. */
  readonly done: boolean;
}

/** Default page cap: 1,000 pages of 200 = 200,000 items, far above any real tag, user or week of events. */
export const DEFAULT_MAX_PAGES = 1000;

/** Two FNV-1a passes (two offset bases) over the UTF-16 code units, as 16 hex digits: wider than v1's 32-bit URL hash, since a false repeat here fails the walk. */
export function cursorHash(cursor: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < cursor.length; i++) {
    const unit = cursor.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A walk about to request the first page (no cursor). */
export function newCursorWalk(): CursorWalk {
  return { cursor: null, pages: 0, seen: [], done: false };
}

/**
 * The walk after reading one more page whose `page.next_cursor` was `nextCursor` (pure). Ends on an
 * empty or null cursor. Throws CademiV3PagingError (naming `endpoint`) on a cursor already received
 * or once `maxPages` pages were read without an end; throws an Error when the walk was already done
 * (reading past the end is a caller bug).
 */
export function advanceCursorWalk(walk: CursorWalk, nextCursor: string | null, endpoint: string, maxPages: number = DEFAULT_MAX_PAGES): CursorWalk {
  if (walk.done) throw new Error('advanceCursorWalk: the walk already ended');
  const pages = walk.pages + 1;
  if (nextCursor === null || nextCursor.trim() === '') return { cursor: null, pages, seen: walk.seen, done: true };
  const hash = cursorHash(nextCursor);
  if (nextCursor === walk.cursor || walk.seen.includes(hash)) throw new CademiV3PagingError(endpoint, 'repeated', pages);
  if (pages >= maxPages) throw new CademiV3PagingError(endpoint, 'cap', pages);
  return { cursor: nextCursor, pages, seen: [...walk.seen, hash], done: false };
}
