// An in-memory Workbook: the tests' workbook (the Node host works on the .xlsx itself, XlsxWorkbook).

import { ownedSheetKeyOf } from '../sheets';
import { type Cell, type CellNote, IDENTITY_KEY, type SheetContent, type Workbook } from './workbook';

// Unlike the Sheets and .xlsx adapters, this one stores text exactly as given: tests use it to model
// what a person typed (a control character in a cohort name must reach the validation that flags it).

/** A sheet as the memory workbook keeps it. */
export interface MemorySheet {
  rows: Cell[][];
  columnFormats: (string | undefined)[];
  frozenRows: number;
  hidden: boolean;
  notes: CellNote[];
  /** The rest of the last SheetContent written (charts, rules, filter…), kept as given. */
  features?: Omit<SheetContent, 'rows' | 'columnFormats' | 'frozenRows' | 'hidden'>;
}

export class MemoryWorkbook implements Workbook {
  private readonly sheets = new Map<string, MemorySheet>();
  /** Sheet name → identity key (the stand-in for developer metadata / defined names). */
  private readonly identities = new Map<string, string>();
  /** Service calls made through the port, for tests and benchmarks that hold "one write per sheet". */
  readonly calls = { reads: 0, writes: 0 };
  /** The sheet the file opens on (arrangeSheets); null leaves it to the first sheet. */
  activeSheet: string | null = null;

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.get(name);
  }

  readSheet(name: string): Cell[][] | null {
    this.calls.reads++;
    const sheet = this.sheets.get(name);
    return sheet ? sheet.rows.map((row) => [...row]) : null;
  }

  writeSheet(name: string, content: SheetContent): void {
    this.calls.writes++;
    const { rows, columnFormats, frozenRows, hidden, ...features } = content;
    const created = !this.sheets.has(name);
    this.sheets.set(name, {
      rows: rows.map((row) => [...row]),
      columnFormats: [...(columnFormats ?? [])],
      frozenRows: frozenRows ?? 0,
      hidden: hidden ?? false,
      notes: this.sheets.get(name)?.notes ?? [],
      features,
    });
    if (created) this.tagIfOwned(name);
  }

  replaceRowsFrom(name: string, fromRow: number, rows: readonly (readonly Cell[])[], columnFormats?: readonly (string | undefined)[]): void {
    this.calls.writes++;
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    if (fromRow < 0 || fromRow > sheet.rows.length) {
      throw new Error(`Row ${fromRow} is outside sheet "${name}" (${sheet.rows.length} rows)`);
    }
    sheet.rows = [...sheet.rows.slice(0, fromRow), ...rows.map((row) => [...row])];
    if (columnFormats) sheet.columnFormats = [...columnFormats];
  }

  updateRows(name: string, fromRow: number, rows: readonly (readonly Cell[])[]): void {
    this.calls.writes++;
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    if (fromRow < 0) throw new Error(`Row ${fromRow} is outside sheet "${name}" (${sheet.rows.length} rows)`);
    rows.forEach((row, offset) => {
      const target = sheet.rows[fromRow + offset] ?? [];
      row.forEach((cell, column) => {
        target[column] = cell;
      });
      for (let column = 0; column < target.length; column++) target[column] ??= null;
      sheet.rows[fromRow + offset] = target;
    });
    for (let index = 0; index < sheet.rows.length; index++) sheet.rows[index] ??= [];
  }

  cellCount(): number {
    let cells = 0;
    for (const sheet of this.sheets.values()) cells += sheet.rows.length * Math.max(0, ...sheet.rows.map((row) => row.length));
    return cells;
  }

  deleteSheet(name: string): void {
    this.calls.writes++;
    this.sheets.delete(name);
    this.identities.delete(name);
  }

  setNotes(name: string, notes: readonly CellNote[]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) return;
    this.calls.writes++;
    sheet.notes = [...notes];
  }

  sheetIdentities(): Map<string, string[]> {
    this.calls.reads++;
    const byKey = new Map<string, string[]>();
    for (const name of this.sheets.keys()) {
      const key = this.identities.get(name);
      if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), name]);
    }
    return byKey;
  }

  setSheetIdentity(name: string, key: string): void {
    if (!IDENTITY_KEY.test(key)) throw new Error(`Invalid sheet identity key "${key}"`);
    if (!this.sheets.has(name)) throw new Error(`Sheet "${name}" does not exist`);
    this.calls.writes++;
    for (const [other, otherKey] of this.identities) if (otherKey === key) this.identities.delete(other);
    this.identities.set(name, key);
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheets.get(from);
    if (!sheet) throw new Error(`Sheet "${from}" does not exist`);
    if (from === to) return;
    if ([...this.sheets.keys()].some((name) => name.toLowerCase() === to.toLowerCase() && name !== from)) throw new Error(`Sheet "${to}" already exists`);
    this.calls.writes++;
    // Same position in the tab order, as a rename in a spreadsheet program.
    const entries = [...this.sheets].map(([name, value]): [string, MemorySheet] => [name === from ? to : name, value]);
    this.sheets.clear();
    for (const [name, value] of entries) this.sheets.set(name, value);
    const key = this.identities.get(from);
    this.identities.delete(from);
    if (key !== undefined) this.identities.set(to, key);
  }

  arrangeSheets(order: readonly string[]): void {
    const first = order.filter((name, index) => this.sheets.has(name) && order.indexOf(name) === index);
    const names = [...first, ...[...this.sheets.keys()].filter((name) => !first.includes(name))];
    const entries = names.flatMap((name): [string, MemorySheet][] => {
      const sheet = this.sheets.get(name);
      return sheet ? [[name, sheet]] : [];
    });
    this.calls.writes++;
    this.sheets.clear();
    for (const [name, value] of entries) this.sheets.set(name, value);
    // A hidden sheet can never be the one the file opens on.
    const opening = first.find((name) => !this.sheets.get(name)?.hidden);
    if (opening !== undefined) this.activeSheet = opening;
  }

  /** A fixed owned sheet gets its identity when the job creates it (unless another sheet already has it). */
  private tagIfOwned(name: string): void {
    const key = ownedSheetKeyOf(name);
    if (key !== null && ![...this.identities.values()].includes(key)) this.identities.set(name, key);
  }

  /** Restores a sheet exactly (the .xlsx loader uses it; it is not a port operation). */
  loadSheet(name: string, sheet: MemorySheet): void {
    this.sheets.set(name, sheet);
  }
}
