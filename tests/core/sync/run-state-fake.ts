// Test support for the commit order: a RunStateStore that keeps its state in memory the way the
// Apps Script properties do, a Workbook that forwards to another, and one journal of every write
// both make, with a kill switch that ends "the process" at a chosen operation.

import type { SyncCheckpoint } from '../../../src/core/sync/checkpoint';
import type { RunStateStore } from '../../../src/core/sync/week-commit';
import type { LocalDate } from '../../../src/core/time/local-date';
import type { CellNote, SheetContent, Workbook } from '../../../src/core/workbook/workbook';

/** What "the process died here" throws. */
export class Killed extends Error {
  constructor(readonly at: number) {
    super(`killed at operation ${at}`);
    this.name = 'Killed';
  }
}

/** Every operation (read or write) of the store and the workbook, counted; the one numbered `killAt` throws before it happens. */
export class Journal {
  /** The writes that happened, in order, as `store:saveCursor` or `workbook:writeSheet Histórico`. */
  readonly writes: string[] = [];
  operations = 0;
  killAt: number | null = null;

  /** Runs one operation unless the kill switch fires on it. */
  step<T>(write: string | null, action: () => T): T {
    this.operations++;
    if (this.killAt !== null && this.operations === this.killAt) throw new Killed(this.operations);
    const value = action();
    if (write !== null) this.writes.push(write);
    return value;
  }
}

/** The run state as a host keeps it between executions: survives a kill, as properties do. */
export class FakeRunStateStore implements RunStateStore {
  cursor: SyncCheckpoint | null = null;
  completedWeek: LocalDate | null = null;
  completionSummary: string | null = null;

  constructor(private readonly journal: Journal) {}

  hasCursor(): boolean {
    return this.journal.step(null, () => this.cursor !== null);
  }

  saveCursor(cursor: SyncCheckpoint): void {
    // Stored as the properties would: a JSON copy, never the live object.
    this.journal.step('store:saveCursor', () => {
      this.cursor = JSON.parse(JSON.stringify(cursor));
    });
  }

  recordCompletion(week: LocalDate, summary: string): void {
    this.journal.step('store:recordCompletion', () => {
      this.completedWeek = week;
      this.completionSummary = summary;
    });
  }

  clearCursor(): void {
    this.journal.step('store:clearCursor', () => {
      this.cursor = null;
    });
  }
}

/** A workbook whose every call goes through the journal (so a kill can land between any two). */
export class JournaledWorkbook implements Workbook {
  constructor(
    private readonly inner: Workbook,
    private readonly journal: Journal,
  ) {}

  sheetNames(): string[] {
    return this.journal.step(null, () => this.inner.sheetNames());
  }
  readSheet(name: string) {
    return this.journal.step(null, () => this.inner.readSheet(name));
  }
  writeSheet(name: string, content: SheetContent): void {
    this.journal.step(`workbook:writeSheet ${name}`, () => this.inner.writeSheet(name, content));
  }
  replaceRowsFrom(
    name: string,
    fromRow: number,
    rows: Parameters<Workbook['replaceRowsFrom']>[2],
    columnFormats?: Parameters<Workbook['replaceRowsFrom']>[3],
  ): void {
    this.journal.step(`workbook:replaceRowsFrom ${name}`, () => this.inner.replaceRowsFrom(name, fromRow, rows, columnFormats));
  }
  updateRows(name: string, fromRow: number, rows: Parameters<Workbook['updateRows']>[2]): void {
    this.journal.step(`workbook:updateRows ${name}`, () => this.inner.updateRows(name, fromRow, rows));
  }
  deleteSheet(name: string): void {
    this.journal.step(`workbook:deleteSheet ${name}`, () => this.inner.deleteSheet(name));
  }
  cellCount(): number {
    return this.journal.step(null, () => this.inner.cellCount());
  }
  setNotes(name: string, notes: readonly CellNote[]): void {
    this.journal.step(`workbook:setNotes ${name}`, () => this.inner.setNotes(name, notes));
  }
  sheetIdentities(): Map<string, string[]> {
    return this.journal.step(null, () => this.inner.sheetIdentities());
  }
  setSheetIdentity(name: string, key: string): void {
    this.journal.step(`workbook:setSheetIdentity ${name}`, () => this.inner.setSheetIdentity(name, key));
  }
  renameSheet(from: string, to: string): void {
    this.journal.step(`workbook:renameSheet ${from}`, () => this.inner.renameSheet(from, to));
  }
  arrangeSheets(order: readonly string[]): void {
    this.journal.step('workbook:arrangeSheets', () => this.inner.arrangeSheets(order));
  }
}
