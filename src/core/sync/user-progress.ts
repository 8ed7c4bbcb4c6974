// v3's per-student progress answers being read: one call gives every product of a student, in pages
// (cursor `page.next_cursor`). Pages are accumulated per student and handed over whole, so a pair is
// settled only once every page of its student arrived; a student half read when a slice ends is
// simply asked again (nothing of it was staged).

import { advanceCursorWalk, type CursorWalk, newCursorWalk } from '../cademi-v3/paging';
import type { ProductProgress, ProgressPage } from './dialect/dialect';

export class UserProgressPages {
  private readonly reading = new Map<string, { walk: CursorWalk; items: ProductProgress[] }>();

  /** The cursor to send for a student's next request: null for the first page. */
  cursorOf(key: string): string | null {
    return this.reading.get(key)?.walk.cursor ?? null;
  }

  /** The students with a next page to ask for, oldest first. */
  continuing(): string[] {
    return [...this.reading.keys()];
  }

  /**
   * Takes one page of a student's answer; returns every item once the last page is in, else null.
   * Throws CademiV3PagingError (naming `endpoint`) on a repeated cursor or past the page cap.
   */
  add(key: string, page: ProgressPage, endpoint: string): ProductProgress[] | null {
    const current = this.reading.get(key) ?? { walk: newCursorWalk(), items: [] };
    const walk = advanceCursorWalk(current.walk, page.nextCursor, endpoint);
    const items = [...current.items, ...page.items];
    if (walk.done) {
      this.reading.delete(key);
      return items;
    }
    this.reading.set(key, { walk, items });
    return null;
  }

  /** Drops a student's partial answer (the run gave up on it). */
  drop(key: string): void {
    this.reading.delete(key);
  }
}
