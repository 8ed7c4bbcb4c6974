// The week's work list being worked through: which pair is handed out next (each once; a pair sent
// again comes from the retry ledger) and how many are still to settle.

import { type WorkItem, workKey } from './work-plan';

export class WorkQueue {
  private readonly byKey = new Map<string, WorkItem>();
  /** Items before this index were handed out once. */
  private cursor = 0;
  private unsettled = 0;

  /** @param isSettled whether a pair already has its outcome (from the staging, or carried forward) */
  constructor(
    readonly items: readonly WorkItem[],
    isSettled: (key: string) => boolean,
  ) {
    for (const item of items) {
      const key = workKey(item.student.studentId, item.productId);
      this.byKey.set(key, item);
      if (!isSettled(key)) this.unsettled++;
    }
  }

  /** The item of a pair, if the week has it. */
  item(key: string): WorkItem | undefined {
    return this.byKey.get(key);
  }

  /** The next item never handed out, or null at the end of the list. */
  next(): WorkItem | null {
    return this.cursor < this.items.length ? this.items[this.cursor++]! : null;
  }

  /** A pair got its outcome (each pair is settled once: the caller drops repeats). */
  settle(key: string): void {
    if (this.byKey.has(key)) this.unsettled--;
  }

  /** Pairs without an outcome yet. */
  get remaining(): number {
    return this.unsettled;
  }
}
