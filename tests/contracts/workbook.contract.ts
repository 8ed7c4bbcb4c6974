// The Workbook port's contract: one suite that every adapter (memory, .xlsx, SpreadsheetApp) passes.
// What a host cannot do, or does its own way, is a declared capability that the suite checks too,
// never a test left out. Whatever must survive a file is checked again after `reopen()`.
//
// How values are compared: a sheet's table as a person sees it (`shown`). An empty string and null are
// both an empty cell (Sheets cannot tell them apart), rows are as wide as the widest, and empty rows
// and columns after the last value are not part of the table (Sheets' data range ends at the last
// value; the memory workbook keeps rows as given).

import { REBUILT_SHEET_WARNING } from '../../src/core/messages/reports';
import { SHEET } from '../../src/core/sheets';
import { CUT_MARKER, MAX_CELL_CHARS } from '../../src/core/workbook/cell-text';
import { columnWidthsOf } from '../../src/core/workbook/column-widths';
import { VALIDATION_SPARE_ROWS } from '../../src/core/workbook/sheet-specs';
import type { Cell, CellNote, SheetContent, Workbook } from '../../src/core/workbook/workbook';

type ChartSpec = NonNullable<SheetContent['charts']>[number];
type ConditionalFormatSpec = NonNullable<SheetContent['conditionalFormats']>[number];

/** What an adapter does its own way; the suite holds it to what it declares. */
export interface WorkbookCapabilities {
  /**
   * Text (cells and notes) made safe by safeCellText: no character XML forbids, at most
   * MAX_CELL_CHARS. The hosts apply it; the memory workbook stores text exactly as given, since
   * tests use it to model what a person typed (a control character must reach the validation).
   */
  readonly cellTextRule: boolean;
  /**
   * 'native': charts placed on the sheet and updated in place by spec id; 'recorded': the specs kept as
   * given; 'images': drawn as pictures when the file is saved (the harness counts the drawings); 'none': not written.
   */
  readonly charts: 'native' | 'recorded' | 'images' | 'none';
  /** 'applied': every column gets the width columnWidthsOf gives it (declared ones win); 'recorded': the declared widths kept as given. */
  readonly columnWidths: 'applied' | 'recorded';
  /** An owned sheet: 'warning' protection (an edit asks "are you sure?"), 'recorded' as given, or 'none' (not locked). */
  readonly protection: 'warning' | 'recorded' | 'none';
  /** The job's notes on a sheet that writeSheet rewrites: kept on their cells, or gone with the old sheet. */
  readonly notesOnRewrite: 'kept' | 'dropped';
  /** The host has notes people write themselves, which setNotes must leave alone. */
  readonly personNotes: boolean;
  /** A cell with a job note is highlighted too. */
  readonly noteHighlight: boolean;
  /** A rewrite that leaves `hidden` or `frozenColumns` unset keeps what the sheet had (a person's choice stays); otherwise the sheet is set anew. */
  readonly unsetKeepsLayout: boolean;
  /** The longest sheet name the host takes (Excel 31, Sheets 100); null for any length. A longer one is refused, never cut. */
  readonly maxSheetName: number | null;
}

/** A look at what the adapter stored, through the host's own objects (not the port). Rows and columns 0-based. */
export interface WorkbookInspector {
  /** The number format of a cell in a data row (row ≥ 1); null when general. */
  numberFormat(sheet: string, row: number, column: number): string | null;
  /** The job's notes: `row:column` → the message (several on one cell joined by a line break), without the job's prefix. */
  jobNotes(sheet: string): Map<string, string>;
  highlighted(sheet: string, row: number, column: number): boolean;
  hidden(sheet: string): boolean;
  frozen(sheet: string): { rows: number; columns: number };
  /** '#rrggbb' or null. */
  tabColor(sheet: string): string | null;
  /** Rows the filter covers, header included; null without a filter. */
  filterRows(sheet: string): number | null;
  conditionalRuleCount(sheet: string): number;
  muted(sheet: string, row: number): boolean;
  /** The sheet-wide protections ('recorded': one per owned sheet, its description empty). */
  protections(sheet: string): { warningOnly: boolean; description: string }[];
  /** The sheet's charts by spec id; `native` is the host's own chart id (null when it has none). */
  charts(sheet: string): { id: string; title: string; native: string | null }[];
  /** A cell's font is bold. */
  bold(sheet: string, row: number, column: number): boolean;
  /** The 0-based first row each colour rule covers, in rule order. */
  conditionalRuleFirstRows(sheet: string): number[];
  /** The 0-based row of the filter's header; null without a filter. */
  filterFirstRow(sheet: string): number | null;
  /** The widths in pixels of the first `columns` columns; null where none was set. */
  columnWidths(sheet: string, columns: number): (number | null)[];
  /** 0-based columns hidden. */
  hiddenColumns(sheet: string): number[];
  wrapped(sheet: string, row: number, column: number): boolean;
  /** The rule a cell's input must pass; `rejects`: other input is refused (not just flagged). */
  validation(sheet: string, row: number, column: number): { kind: 'date' | 'list'; values?: string[]; helpText: string; rejects: boolean } | null;
  /** Where a click on the cell leads; null for a plain cell. */
  link(sheet: string, row: number, column: number): string | null;
  /** How a cell is drawn; null where the host's default applies ('#rrggbb' colours, points). */
  cellStyle(sheet: string, row: number, column: number): { bold: boolean; background: string | null; fontColor: string | null; fontSize: number | null };
  /** The sheet the file opens on (null: the host's default). */
  activeSheet(): string | null;
  /** The pictures on a sheet (capability charts 'images'): top-left cell (0-based) and size in pixels. */
  images?(sheet: string): { row: number; column: number; width: number; height: number }[];
}

/** What a person does in the host's own program (Sheets, Excel, LibreOffice); the job then opens the workbook anew. */
export interface PersonActions {
  renames(from: string, to: string): Promise<void>;
  deletes(sheet: string): Promise<void>;
  /** A person's own note (capability personNotes). */
  addsNote?(sheet: string, row: number, column: number, text: string): void;
  /** The person's notes on a sheet, `row:column` → text. */
  notes?(sheet: string): Map<string, string>;
}

/** One adapter under test, over one spreadsheet. */
export interface WorkbookHarness {
  /** The adapter (after reopen(), the reopened one). */
  readonly book: Workbook;
  /** Opens the same spreadsheet anew: the .xlsx saved to disk and loaded back, Sheets as a next execution. */
  reopen(): Promise<void>;
  readonly inspect: WorkbookInspector;
  readonly person: PersonActions;
  /** Service calls made so far (what "one batched operation" is counted in). */
  serviceCalls(): number;
  /** Charts drawn so far (capability charts 'images'). */
  chartDrawings?(): number;
}

/** A sheet's values as a person sees them (see the header). */
export function shown(rows: Cell[][] | null): Cell[][] | null {
  if (rows === null) return null;
  const cells = rows.map((row) => row.map((cell) => (cell === '' || cell === undefined ? null : cell)));
  while (cells.length > 0 && cells[cells.length - 1].every((cell) => cell === null)) cells.pop();
  const width = Math.max(0, ...cells.map((row) => row.reduce<number>((last, cell, index) => (cell === null ? last : index + 1), 0)));
  return cells.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? null));
}

const chart = (id: string, title: string, row = 0): ChartSpec => ({
  id,
  title,
  kind: 'line',
  xTitle: 'Semana',
  yTitle: '%',
  range: { row: 0, column: 0, rows: 3, columns: 2 },
  series: [{ name: 'Mediana (%)' }],
  position: { row, column: 3 },
});
const gradient: ConditionalFormatSpec = { kind: 'gradient', columnRange: [1, 1], min: { color: '#ffffff', value: 0 }, max: { color: '#57bb8a', value: 100 } };
const textRule: ConditionalFormatSpec = { kind: 'text-equals', column: 0, text: 'Atrasado', background: '#f4c7c3', fontColor: '#a50e0e' };
const note = (row: number, column: number, message: string): CellNote => ({ row, column, message });
const key = (row: number, column: number) => `${row}:${column}`;

/** Text a spreadsheet would read as something else, or run. */
const LOOKS_LIKE_DATA = ['007', '11,12', '14/09', '=1+1', '+55 11 9999', '-1', '@SOMA', 'TRUE', 'VERDADEIRO', '1e5', ' 3 ', '50%'];

/** Runs the suite over one adapter; `open` gives a fresh harness over a new, empty spreadsheet. */
export function describeWorkbookContract(name: string, open: () => WorkbookHarness, capabilities: WorkbookCapabilities): void {
  /** Checks now, and again after the spreadsheet is opened anew (saved and loaded, for the .xlsx). */
  async function holds(harness: WorkbookHarness, check: () => void): Promise<void> {
    check();
    await harness.reopen();
    check();
  }

  describe(`Workbook contract: ${name}`, () => {
    describe('sheets', () => {
      it('lists sheets in tab order: a new one at the end, a rewritten or renamed one where it was', async () => {
        const h = open();
        const before = h.book.sheetNames();
        for (const sheet of ['A', 'B', 'C']) h.book.writeSheet(sheet, { rows: [[sheet]] });
        h.book.writeSheet('B', { rows: [['B2']] });
        h.book.renameSheet('A', 'Z');
        await holds(h, () => {
          expect(h.book.sheetNames()).toEqual([...before, 'Z', 'B', 'C']);
          expect(h.book.readSheet('B')).toEqual([['B2']]);
        });
      });

      it('reads null for a missing sheet and no rows for an empty one, which is still listed', async () => {
        const h = open();
        h.book.writeSheet('Vazia', { rows: [] });
        h.book.writeSheet('Esvaziada', {
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
        });
        h.book.writeSheet('Esvaziada', { rows: [] });
        await holds(h, () => {
          expect(h.book.readSheet('Nenhuma')).toBeNull();
          expect(h.book.readSheet('Vazia')).toEqual([]);
          expect(h.book.readSheet('Esvaziada')).toEqual([]);
          expect(h.book.sheetNames()).toEqual(expect.arrayContaining(['Vazia', 'Esvaziada']));
          expect(h.book.sheetNames()).not.toContain('Nenhuma');
        });
      });

      it('deletes a sheet with its content (a missing one is no error)', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['h'], [1]] });
        h.book.writeSheet('T', { rows: [['t']] });
        h.book.deleteSheet('S');
        h.book.deleteSheet('Nenhuma');
        await holds(h, () => {
          expect(h.book.readSheet('S')).toBeNull();
          expect(h.book.sheetNames()).not.toContain('S');
          expect(h.book.readSheet('T')).toEqual([['t']]);
        });
        h.book.writeSheet('S', { rows: [['novo']] });
        expect(h.book.readSheet('S')).toEqual([['novo']]);
      });

      it('counts at least the cells written, and a deleted sheet gives them back', () => {
        const h = open();
        const before = h.book.cellCount();
        h.book.writeSheet('S', {
          rows: [
            ['a', 'b', 'c'],
            [1, 2, 3],
            [4, 5, 6],
            [7, 8, 9],
          ],
        });
        expect(h.book.cellCount()).toBeGreaterThanOrEqual(before + 12);
        h.book.deleteSheet('S');
        expect(h.book.cellCount()).toBe(before);
      });

      if (capabilities.maxSheetName === null) {
        it('takes a sheet name of any length (declared: no host limit to model)', () => {
          const h = open();
          const long = 'N'.repeat(120);
          h.book.writeSheet(long, { rows: [['h']] });
          expect(h.book.readSheet(long)).toEqual([['h']]);
        });
      } else {
        const limit = capabilities.maxSheetName;
        it(`takes a sheet name of ${limit} characters and refuses a longer one whole, never cutting it`, async () => {
          const h = open();
          const longest = 'N'.repeat(limit);
          const over = 'M'.repeat(limit + 1);
          h.book.writeSheet(longest, { rows: [['h']] });
          const names = h.book.sheetNames();
          expect(() => h.book.writeSheet(over, { rows: [['x']] })).toThrow();
          expect(() => h.book.renameSheet(longest, over)).toThrow();
          await holds(h, () => {
            expect(h.book.sheetNames()).toEqual(names);
            expect(h.book.readSheet(longest)).toEqual([['h']]);
          });
        });
      }
    });

    describe('values', () => {
      it('reads back text, numbers, booleans and empty cells as written', async () => {
        const h = open();
        const rows: Cell[][] = [
          ['Nome', 'Valor', 'Ativo', 'Obs'],
          ['Ana Luíza Conceição 😀', -12.5, true, null],
          ['', 0, false, 'x'],
          ['Zé', 1e-7, true, ''],
        ];
        h.book.writeSheet('S', { rows });
        await holds(h, () => expect(shown(h.book.readSheet('S'))).toEqual(shown(rows)));
      });

      it('keeps text as text, never a number, a date, a boolean or a formula', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['Texto'], ...LOOKS_LIKE_DATA.map((text) => [text])] });
        h.book.replaceRowsFrom('S', LOOKS_LIKE_DATA.length + 1, [['=2+2']]);
        h.book.updateRows('S', 1, [['+1']]);
        await holds(h, () => expect(h.book.readSheet('S')).toEqual([['Texto'], ['+1'], ...LOOKS_LIKE_DATA.slice(1).map((text) => [text]), ['=2+2']]));
      });

      it('pads ragged rows to the widest one', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['a', 'b', 'c'], [1], [2, 3]] });
        await holds(h, () =>
          expect(shown(h.book.readSheet('S'))).toEqual([
            ['a', 'b', 'c'],
            [1, null, null],
            [2, 3, null],
          ]),
        );
      });

      it('a rewrite with fewer rows and columns leaves nothing of the old content', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['Data', 'Nota', 'Obs', 'Extra'],
            [46279, 8.5, 'antigo', 'antigo'],
            [46280, 9.5, 'antigo', 'antigo'],
            [46281, 7.5, 'antigo', 'antigo'],
          ],
          columnFormats: ['yyyy-mm-dd', '0.0', undefined, undefined],
          mutedRows: [2, 3],
          filter: true,
          conditionalFormats: [gradient, textRule],
          frozenRows: 1,
        });
        h.book.writeSheet('S', { rows: [['x'], [9]], conditionalFormats: [textRule] });
        await holds(h, () => {
          expect(shown(h.book.readSheet('S'))).toEqual([['x'], [9]]);
          for (const [row, column] of [
            [1, 1],
            [2, 0],
            [3, 1],
          ])
            expect(h.inspect.numberFormat('S', row, column)).toBeNull();
          expect(h.inspect.muted('S', 2)).toBe(false);
          expect(h.inspect.filterRows('S')).toBeNull();
          expect(h.inspect.conditionalRuleCount('S')).toBe(1);
          expect(h.inspect.frozen('S')).toEqual({ rows: 0, columns: 0 });
        });
      });
    });

    describe('formats', () => {
      it('stores dates as serial numbers with a date format, and reads them back as the same serials', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['Dia', 'Quando', 'Nota', 'Qtd'],
            [46279, 46279.75, 8.25, 7],
            [46286, 46286.5, 10, 8],
          ],
          columnFormats: ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '0.0', undefined],
        });
        await holds(h, () => {
          expect(h.book.readSheet('S')).toEqual([
            ['Dia', 'Quando', 'Nota', 'Qtd'],
            [46279, 46279.75, 8.25, 7],
            [46286, 46286.5, 10, 8],
          ]);
          expect([0, 1, 2, 3].map((column) => h.inspect.numberFormat('S', 2, column))).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '0.0', null]);
        });
      });

      it("a column's format covers its empty cells, so a date written there later shows as a date", async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['Data', 'Desfeito em'],
            [46279, null],
          ],
          columnFormats: ['yyyy-mm-dd', 'yyyy-mm-dd'],
        });
        h.book.updateRows('S', 1, [[46279, 46290]]);
        await holds(h, () => {
          expect(h.book.readSheet('S')).toEqual([
            ['Data', 'Desfeito em'],
            [46279, 46290],
          ]);
          expect(h.inspect.numberFormat('S', 1, 1)).toBe('yyyy-mm-dd');
        });
      });

      it('updateRows keeps the formats of the cells it overwrites', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['Início', 'Nota'],
            [46279.25, 1.5],
          ],
          columnFormats: ['yyyy-mm-dd hh:mm', '0.0'],
        });
        h.book.updateRows('S', 1, [[46280.5, 2.5]]);
        await holds(h, () => {
          expect(h.book.readSheet('S')?.[1]).toEqual([46280.5, 2.5]);
          expect(h.inspect.numberFormat('S', 1, 0)).toBe('yyyy-mm-dd hh:mm');
          expect(h.inspect.numberFormat('S', 1, 1)).toBe('0.0');
        });
      });

      it('replaceRowsFrom formats the rows it writes with the formats given', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['Semana', 'Nota'],
            [46279, 1],
          ],
          columnFormats: ['yyyy-mm-dd', '0.0'],
        });
        h.book.replaceRowsFrom(
          'S',
          2,
          [
            [46286, 2],
            [46293, 3],
          ],
          ['yyyy-mm-dd', '0.0'],
        );
        await holds(h, () => {
          expect(h.book.readSheet('S')).toEqual([
            ['Semana', 'Nota'],
            [46279, 1],
            [46286, 2],
            [46293, 3],
          ]);
          for (const row of [1, 2, 3]) expect([h.inspect.numberFormat('S', row, 0), h.inspect.numberFormat('S', row, 1)]).toEqual(['yyyy-mm-dd', '0.0']);
        });
      });
    });

    describe('replaceRowsFrom', () => {
      it('keeps the rows above and replaces every row from there: a shorter tail leaves nothing old', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['h', 'h2'],
            [1, 1],
            [2, 2],
            [3, 3],
          ],
        });
        h.book.replaceRowsFrom('S', 2, [[20]]);
        await holds(h, () =>
          expect(shown(h.book.readSheet('S'))).toEqual([
            ['h', 'h2'],
            [1, 1],
            [20, null],
          ]),
        );
      });

      it('drops every old row past the new end (a re-run week with fewer rows leaves none behind)', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: Array.from({ length: 81 }, (_, i) => [i, 'antigo']) });
        h.book.replaceRowsFrom(
          'S',
          1,
          Array.from({ length: 56 }, (_, i) => [1000 + i, 'novo']),
        );
        const expected = [[0, 'antigo'], ...Array.from({ length: 56 }, (_, i) => [1000 + i, 'novo'])];
        await holds(h, () => expect(h.book.readSheet('S')).toEqual(expected));
        h.book.replaceRowsFrom('S', 57, [[2000, 'fim']]);
        await holds(h, () => expect(h.book.readSheet('S')).toEqual([...expected, [2000, 'fim']]));
      });

      it('appends at the end, truncates with no rows, rewrites all from row 0, and takes wider rows', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['h'], [1]] });
        h.book.replaceRowsFrom('S', 2, [[2], [3]]);
        expect(h.book.readSheet('S')).toEqual([['h'], [1], [2], [3]]);
        h.book.replaceRowsFrom('S', 1, []);
        expect(h.book.readSheet('S')).toEqual([['h']]);
        h.book.replaceRowsFrom('S', 0, [['x'], ['y']]);
        expect(h.book.readSheet('S')).toEqual([['x'], ['y']]);
        h.book.replaceRowsFrom('S', 1, [[10, 11, 12]]);
        await holds(h, () =>
          expect(shown(h.book.readSheet('S'))).toEqual([
            ['x', null, null],
            [10, 11, 12],
          ]),
        );
      });

      it('fills an empty sheet from row 0', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [] });
        h.book.replaceRowsFrom('S', 0, [['a'], [1]]);
        await holds(h, () => expect(h.book.readSheet('S')).toEqual([['a'], [1]]));
      });

      it('refuses a missing sheet, a row past the end and a negative row, changing nothing', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['h'], [1]] });
        const names = h.book.sheetNames();
        expect(() => h.book.replaceRowsFrom('Nenhuma', 0, [[1]])).toThrow('Sheet "Nenhuma" does not exist');
        expect(() => h.book.replaceRowsFrom('S', 3, [[3]])).toThrow('Row 3 is outside sheet "S" (2 rows)');
        expect(() => h.book.replaceRowsFrom('S', -1, [[3]])).toThrow('Row -1 is outside sheet "S" (2 rows)');
        await holds(h, () => {
          expect(h.book.readSheet('S')).toEqual([['h'], [1]]);
          expect(h.book.sheetNames()).toEqual(names);
        });
      });

      it('costs the same service calls on a long sheet as on a short one (one write of the new rows)', () => {
        const cost = (length: number) => {
          const h = open();
          h.book.writeSheet('S', { rows: Array.from({ length }, (_, i) => [i, `linha ${i}`]) });
          const before = h.serviceCalls();
          h.book.replaceRowsFrom('S', length, [[length, 'nova']], [undefined, undefined]);
          return h.serviceCalls() - before;
        };
        expect(cost(600)).toBe(cost(3));
      });
    });

    describe('updateRows', () => {
      it('overwrites cells in place and leaves other rows and the cells past a row’s end as they are', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['h', 'h2', 'h3'],
            [1, 1, 1],
            [2, 2, 2],
            [3, 3, 3],
          ],
        });
        h.book.updateRows('S', 1, [[10, 20], [30]]);
        await holds(h, () =>
          expect(h.book.readSheet('S')).toEqual([
            ['h', 'h2', 'h3'],
            [10, 20, 1],
            [30, 2, 2],
            [3, 3, 3],
          ]),
        );
      });

      it('empties a cell given null, and grows the sheet past its end', async () => {
        const h = open();
        h.book.writeSheet('S', {
          rows: [
            ['h', 'h2'],
            [1, 1],
          ],
        });
        h.book.updateRows('S', 1, [[null, 5]]);
        h.book.updateRows('S', 3, [['fim']]);
        await holds(h, () =>
          expect(shown(h.book.readSheet('S'))).toEqual([
            ['h', 'h2'],
            [null, 5],
            [null, null],
            ['fim', null],
          ]),
        );
      });

      it('refuses a missing sheet and a negative row, changing nothing', async () => {
        const h = open();
        h.book.writeSheet('S', { rows: [['h'], [1]] });
        expect(() => h.book.updateRows('Nenhuma', 0, [[1]])).toThrow('Sheet "Nenhuma" does not exist');
        expect(() => h.book.updateRows('S', -1, [[5]])).toThrow('Row -1 is outside sheet "S" (2 rows)');
        await holds(h, () => expect(h.book.readSheet('S')).toEqual([['h'], [1]]));
        expect(h.book.sheetNames()).not.toContain('Nenhuma');
      });
    });

    describe('one batched operation per call', () => {
      it('writing or reading 400 rows costs the service calls 4 rows cost', () => {
        const cost = (length: number) => {
          const h = open();
          const rows = Array.from({ length }, (_, i) => [i, `linha ${i}`, i % 2 === 0]);
          const start = h.serviceCalls();
          // Declared widths: measured ones follow the longest value, and their runs (one call each) with them.
          h.book.writeSheet('S', { rows, columnFormats: ['0', undefined, undefined], columnWidths: [60, 90, 60], mutedRows: [1], frozenRows: 1 });
          const written = h.serviceCalls();
          h.book.readSheet('S');
          return [written - start, h.serviceCalls() - written];
        };
        expect(cost(400)).toEqual(cost(4));
      });
    });

    describe('notes', () => {
      const table: Cell[][] = [
        ['Turma', 'Tag ID', 'Início'],
        ['A', null, 46279],
        ['B', 7, 46286],
      ];

      it('sets notes, on empty cells and past the table too, several on one cell together', async () => {
        const h = open();
        h.book.writeSheet('Turmas', { rows: table });
        h.book.setNotes('Turmas', [note(1, 1, 'Tag ID vazio'), note(2, 2, 'Data inválida'), note(2, 2, 'Antes do início'), note(5, 4, 'Fora da tabela')]);
        await holds(h, () => {
          expect(h.inspect.jobNotes('Turmas')).toEqual(
            new Map([
              [key(1, 1), 'Tag ID vazio'],
              [key(2, 2), 'Data inválida\nAntes do início'],
              [key(5, 4), 'Fora da tabela'],
            ]),
          );
          if (capabilities.noteHighlight) expect([h.inspect.highlighted('Turmas', 1, 1), h.inspect.highlighted('Turmas', 1, 0)]).toEqual([true, false]);
          // Notes are not values.
          expect(shown(h.book.readSheet('Turmas'))).toEqual(table);
        });
      });

      it('replaces the last notes, and an empty list clears them all, wherever they were', async () => {
        const h = open();
        h.book.writeSheet('Turmas', { rows: table });
        h.book.setNotes('Turmas', [note(1, 1, 'vazio'), note(0, 2, 'cabeçalho'), note(6, 5, 'fora')]);
        await h.reopen();
        h.book.setNotes('Turmas', [note(2, 0, 'nova')]);
        await holds(h, () => {
          expect(h.inspect.jobNotes('Turmas')).toEqual(new Map([[key(2, 0), 'nova']]));
          if (capabilities.noteHighlight) expect([h.inspect.highlighted('Turmas', 1, 1), h.inspect.highlighted('Turmas', 6, 5)]).toEqual([false, false]);
        });
        h.book.setNotes('Turmas', [note(4, 4, 'fora de novo')]);
        // A person empties the rows the note was on: the next run still clears it.
        h.book.writeSheet('Turmas', { rows: table.slice(0, 2) });
        h.book.setNotes('Turmas', []);
        await holds(h, () => {
          expect(h.inspect.jobNotes('Turmas')).toEqual(new Map());
          if (capabilities.noteHighlight) expect(h.inspect.highlighted('Turmas', 2, 0)).toBe(false);
        });
      });

      it('ignores notes for a missing sheet (no sheet is created)', () => {
        const h = open();
        const names = h.book.sheetNames();
        h.book.setNotes('Nenhuma', [note(0, 0, 'm')]);
        expect(h.book.sheetNames()).toEqual(names);
      });

      if (capabilities.personNotes) {
        it("leaves people's own notes where they are", async () => {
          const h = open();
          h.book.writeSheet('Turmas', { rows: table });
          h.person.addsNote!('Turmas', 2, 1, 'Conferir com a coordenação');
          h.book.setNotes('Turmas', [note(1, 1, 'vazio')]);
          h.book.setNotes('Turmas', []);
          await holds(h, () => expect(h.person.notes!('Turmas')).toEqual(new Map([[key(2, 1), 'Conferir com a coordenação']])));
        });
      } else {
        it('has no notes of people’s own (declared): every note is the job’s', () => {
          const h = open();
          h.book.writeSheet('Turmas', { rows: table });
          h.book.setNotes('Turmas', [note(1, 1, 'a')]);
          expect(h.person.addsNote).toBeUndefined();
          expect(h.inspect.jobNotes('Turmas')).toEqual(new Map([[key(1, 1), 'a']]));
        });
      }

      it(`${capabilities.notesOnRewrite === 'kept' ? 'keeps' : 'drops'} the job's notes when writeSheet rewrites the sheet (declared)`, async () => {
        const h = open();
        h.book.writeSheet('Turmas', { rows: table });
        h.book.setNotes('Turmas', [note(1, 0, 'm')]);
        h.book.writeSheet('Turmas', { rows: table });
        await holds(h, () => expect(h.inspect.jobNotes('Turmas')).toEqual(capabilities.notesOnRewrite === 'kept' ? new Map([[key(1, 0), 'm']]) : new Map()));
      });
    });

    describe('cell text', () => {
      const long = 'x'.repeat(MAX_CELL_CHARS + 5000);
      const hostile = ['a\u0001b\u000Bc', '\uD800só', 'fim\uFFFE'];

      if (capabilities.cellTextRule) {
        it('cuts text past MAX_CELL_CHARS with the marker and replaces characters XML forbids, in every write and in notes', async () => {
          const h = open();
          h.book.writeSheet('S', {
            rows: [
              ['h', 'i', 'j', 'k'],
              [long, ...hostile],
            ],
          });
          h.book.replaceRowsFrom('S', 2, [[long]]);
          h.book.updateRows('S', 3, [[`${long}y`, hostile[0]]]);
          h.book.setNotes('S', [note(1, 0, long), note(1, 1, hostile[0])]);
          const cut = `${'x'.repeat(MAX_CELL_CHARS - CUT_MARKER.length)}${CUT_MARKER}`;
          await holds(h, () => {
            expect(shown(h.book.readSheet('S'))).toEqual([
              ['h', 'i', 'j', 'k'],
              [cut, 'a\uFFFDb\uFFFDc', '\uFFFDsó', 'fim\uFFFD'],
              [cut, null, null, null],
              [cut, 'a\uFFFDb\uFFFDc', null, null],
            ]);
            const notes = h.inspect.jobNotes('S');
            expect(notes.get(key(1, 0))?.endsWith(CUT_MARKER)).toBe(true);
            expect(notes.get(key(1, 1))).toBe('a\uFFFDb\uFFFDc');
          });
        });
      } else {
        it('stores text exactly as given, however long or odd (declared: it models what a person typed)', () => {
          const h = open();
          h.book.writeSheet('S', { rows: [[long, ...hostile]] });
          h.book.setNotes('S', [note(0, 0, hostile[0])]);
          expect(h.book.readSheet('S')).toEqual([[long, ...hostile]]);
          expect(h.inspect.jobNotes('S').get(key(0, 0))).toBe(hostile[0]);
        });
      }
    });

    describe('layout', () => {
      it('hides a sheet written hidden, and shows a new one', async () => {
        const h = open();
        h.book.writeSheet('Visível', { rows: [['h']] });
        h.book.writeSheet('_Coleta', { rows: [['h']], hidden: true });
        h.book.writeSheet('_Coleta', { rows: [['h'], [1]], hidden: true });
        await holds(h, () => {
          expect(h.inspect.hidden('_Coleta')).toBe(true);
          expect(h.inspect.hidden('Visível')).toBe(false);
          expect(h.book.readSheet('_Coleta')).toEqual([['h'], [1]]);
        });
      });

      it(`a rewrite that does not say hidden or frozenColumns ${capabilities.unsetKeepsLayout ? 'keeps' : 'resets'} them (declared)`, async () => {
        const h = open();
        h.book.writeSheet('Visível', { rows: [['h']] });
        h.book.writeSheet('S', { rows: [['h']], hidden: true, frozenColumns: 1, frozenRows: 1 });
        h.book.writeSheet('S', { rows: [['h']], frozenRows: 1 });
        await holds(h, () => {
          expect(h.inspect.hidden('S')).toBe(capabilities.unsetKeepsLayout);
          expect(h.inspect.frozen('S')).toEqual({ rows: 1, columns: capabilities.unsetKeepsLayout ? 1 : 0 });
        });
      });

      it('freezes rows and columns, tints the tab, filters the table, greys rows and adds colour rules', async () => {
        const h = open();
        const rows: Cell[][] = [
          ['Aluno', 'Progresso'],
          ['Ana', 10],
          ['Bia', 90],
          ['Caio', 50],
        ];
        h.book.writeSheet('S', {
          rows,
          frozenRows: 1,
          frozenColumns: 1,
          tabColor: '#9e9e9e',
          filter: true,
          mutedRows: [2],
          conditionalFormats: [gradient, textRule],
        });
        await holds(h, () => {
          expect(h.inspect.frozen('S')).toEqual({ rows: 1, columns: 1 });
          expect(h.inspect.tabColor('S')).toBe('#9e9e9e');
          expect(h.inspect.filterRows('S')).toBe(4);
          expect([1, 2, 3].map((row) => h.inspect.muted('S', row))).toEqual([false, true, false]);
          expect(h.inspect.conditionalRuleCount('S')).toBe(2);
          expect(h.book.readSheet('S')).toEqual(rows);
        });
        h.book.writeSheet('S', { rows: rows.slice(0, 3), frozenRows: 1, frozenColumns: 0, filter: true, conditionalFormats: [] });
        await holds(h, () => {
          expect(h.inspect.frozen('S')).toEqual({ rows: 1, columns: 0 });
          expect(h.inspect.tabColor('S')).toBeNull();
          expect(h.inspect.filterRows('S')).toBe(3);
          expect(h.inspect.muted('S', 2)).toBe(false);
          expect(h.inspect.conditionalRuleCount('S')).toBe(0);
        });
      });
    });

    describe('sheets people read', () => {
      const plain = { bold: false, background: null, fontColor: null, fontSize: null };

      it('a title row above the header: the header is bold, and formats, colour rules, validations and the filter start below it', async () => {
        const h = open();
        const rows: Cell[][] = [['Contatos da semana de 14/09/2026'], ['Aluno', 'Progresso', 'Contato em'], ['Ana', 10, null], ['Bia', 90, 46279]];
        h.book.writeSheet('S', {
          rows,
          headerRow: 1,
          frozenRows: 2,
          filter: true,
          columnFormats: [undefined, '0.0', 'dd/mm/yyyy'],
          conditionalFormats: [gradient, textRule],
          validations: [{ kind: 'date', column: 2, helpText: 'Digite uma data (dd/mm/aaaa).' }],
        });
        await holds(h, () => {
          expect(shown(h.book.readSheet('S'))).toEqual(shown(rows));
          expect([0, 1, 2].map((row) => h.inspect.bold('S', row, 0))).toEqual([false, true, false]);
          expect(h.inspect.frozen('S')).toEqual({ rows: 2, columns: 0 });
          expect(h.inspect.conditionalRuleFirstRows('S')).toEqual([2, 2]);
          expect([h.inspect.filterFirstRow('S'), h.inspect.filterRows('S')]).toEqual([1, 3]);
          expect([1, 2, 3].map((row) => h.inspect.numberFormat('S', row, 2))).toEqual([null, 'dd/mm/yyyy', 'dd/mm/yyyy']);
          expect([0, 1].map((row) => h.inspect.validation('S', row, 2))).toEqual([null, null]);
          expect(h.inspect.validation('S', 2, 2)?.kind).toBe('date');
        });
      });

      it(`column widths: ${capabilities.columnWidths === 'applied' ? 'every column gets one from its content, declared ones win' : 'the declared ones are kept as given (declared)'}`, async () => {
        const h = open();
        const content: SheetContent = {
          rows: [
            ['Nome', 'Observação', 'Dia', 'Quando', 'Nota', 'Ativo'],
            ['Ana Luíza Conceição da Silva', 'x', 46279, 46279.5, 8.5, true],
          ],
          columnFormats: [undefined, undefined, 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm', '0.0', undefined],
          columnWidths: [undefined, 300],
        };
        h.book.writeSheet('S', content);
        await holds(h, () => {
          const widths = h.inspect.columnWidths('S', 6);
          if (capabilities.columnWidths === 'recorded') expect(widths).toEqual([null, 300, null, null, null, null]);
          else {
            const wanted = columnWidthsOf(content);
            // The .xlsx stores characters: a pixel of rounding either way.
            for (const [column, width] of widths.entries()) expect(Math.abs((width ?? 0) - (wanted[column] ?? 0))).toBeLessThanOrEqual(1);
            expect(widths[1]).toBe(300);
            // Dates never show as ###: dd/mm/aaaa and dd/mm/aaaa hh:mm get their room.
            expect(widths[2]).toBeGreaterThanOrEqual(95);
            expect(widths[3]).toBeGreaterThanOrEqual(131);
            // The name is not clipped at a 100-pixel default.
            expect(widths[0]).toBeGreaterThan(150);
          }
        });
      });

      it('hides the columns given, and a rewrite that no longer hides one shows it again', async () => {
        const h = open();
        const rows: Cell[][] = [
          ['Aluno', 'ID', 'Chave', 'Nota'],
          ['Ana', 7, 'k7', 5],
        ];
        h.book.writeSheet('S', { rows, hiddenColumns: [1, 2] });
        await holds(h, () => {
          expect(h.inspect.hiddenColumns('S')).toEqual([1, 2]);
          expect(h.book.readSheet('S')).toEqual(rows);
        });
        h.book.writeSheet('S', { rows, hiddenColumns: [2] });
        await holds(h, () => expect(h.inspect.hiddenColumns('S')).toEqual([2]));
        h.book.writeSheet('S', { rows });
        await holds(h, () => expect(h.inspect.hiddenColumns('S')).toEqual([]));
      });

      it("wraps a column's data rows (not the title or the header), and a rewrite without it wraps nothing", async () => {
        const h = open();
        const reason = 'Atrasado: 10 dias sem acesso e 18 pontos abaixo do esperado para a semana';
        const rows: Cell[][] = [['Semana de 14/09'], ['Aluno', 'Motivo'], ['Ana', reason], ['Bia', reason]];
        h.book.writeSheet('S', { rows, headerRow: 1, wrappedColumns: [1] });
        await holds(h, () => {
          expect([0, 1, 2, 3].map((row) => h.inspect.wrapped('S', row, 1))).toEqual([false, false, true, true]);
          expect(h.inspect.wrapped('S', 2, 0)).toBe(false);
        });
        h.book.writeSheet('S', { rows, headerRow: 1 });
        await holds(h, () => expect(h.inspect.wrapped('S', 2, 1)).toBe(false));
      });

      it(`validates a column's data rows and ${VALIDATION_SPARE_ROWS} rows below them: a date or one of a list, refusing other input with the help text`, async () => {
        const h = open();
        const outcomes = ['Atendeu', 'Não atendeu', 'Deixou recado'];
        const rows: Cell[][] = [
          ['Aluno', 'Contato em', 'Resultado'],
          ['Ana', null, 'Atendeu'],
          ['Bia', 46279, null],
        ];
        h.book.writeSheet('S', {
          rows,
          columnFormats: [undefined, 'dd/mm/yyyy', undefined],
          validations: [
            { kind: 'date', column: 1, helpText: 'Digite uma data (dd/mm/aaaa).' },
            { kind: 'list', column: 2, values: outcomes, helpText: 'Escolha um resultado da lista.' },
          ],
        });
        const lastCovered = rows.length - 1 + VALIDATION_SPARE_ROWS;
        await holds(h, () => {
          const date = { kind: 'date', helpText: 'Digite uma data (dd/mm/aaaa).', rejects: true };
          const list = { kind: 'list', values: outcomes, helpText: 'Escolha um resultado da lista.', rejects: true };
          expect([h.inspect.validation('S', 0, 1), h.inspect.validation('S', 0, 2)]).toEqual([null, null]);
          for (const row of [1, 2, 3, lastCovered]) {
            expect(h.inspect.validation('S', row, 1)).toEqual(date);
            expect(h.inspect.validation('S', row, 2)).toEqual(list);
          }
          expect(h.inspect.validation('S', lastCovered + 1, 1)).toBeNull();
          expect(h.inspect.validation('S', 1, 0)).toBeNull();
          // A rule is not a value: what the job wrote reads back as written.
          expect(shown(h.book.readSheet('S'))).toEqual(shown(rows));
        });
        h.book.writeSheet('S', { rows, validations: [{ kind: 'date', column: 2, helpText: 'Data' }] });
        await holds(h, () => {
          expect(h.inspect.validation('S', 1, 1)).toBeNull();
          expect(h.inspect.validation('S', 1, 2)?.kind).toBe('date');
        });
      });

      it('links cells to their URL: the cell reads back as its text, the cells around it stay as written', async () => {
        const h = open();
        const rows: Cell[][] = [
          ['Aluno', 'Celular', 'Nota'],
          ['Ana', '(11) 99999-0000', 5],
          ['Bia', '+55 11 98888-0000', 6],
          ['Caio', '(21) 97777-0000', 7],
        ];
        h.book.writeSheet('S', {
          rows,
          links: [
            { row: 1, column: 1, url: 'https://wa.me/5511999990000' },
            { row: 2, column: 1, url: 'https://wa.me/5511988880000' },
          ],
        });
        await holds(h, () => {
          expect(h.book.readSheet('S')).toEqual(rows);
          expect([1, 2, 3].map((row) => h.inspect.link('S', row, 1))).toEqual(['https://wa.me/5511999990000', 'https://wa.me/5511988880000', null]);
          expect([h.inspect.link('S', 1, 0), h.inspect.link('S', 1, 2)]).toEqual([null, null]);
        });
        h.book.writeSheet('S', { rows });
        await holds(h, () => {
          expect(h.inspect.link('S', 1, 1)).toBeNull();
          expect(h.book.readSheet('S')).toEqual(rows);
        });
      });

      it('styles whole rows (a title, a band across the table) with greyed rows kept; a rewrite leaves no style on rows now plain', async () => {
        const h = open();
        const rows: Cell[][] = [
          ['Contatos da semana'],
          ['Aluno', 'Situação', 'Nota'],
          ['Tutora: Ana Souza'],
          ['Bia', 'Atrasado', 5],
          ['Caio', 'Desistente', 1],
        ];
        h.book.writeSheet('S', {
          rows,
          headerRow: 1,
          mutedRows: [4],
          rowStyles: [
            { row: 0, bold: true, fontSize: 14 },
            { row: 2, bold: true, background: '#e8f0fe', fontColor: '#1a237e' },
          ],
        });
        await holds(h, () => {
          expect(h.inspect.cellStyle('S', 0, 0)).toEqual({ ...plain, bold: true, fontSize: 14 });
          expect(h.inspect.cellStyle('S', 1, 1)).toEqual({ ...plain, bold: true });
          // A band spans the table, past its own short row.
          for (const column of [0, 2])
            expect(h.inspect.cellStyle('S', 2, column)).toEqual({ bold: true, background: '#e8f0fe', fontColor: '#1a237e', fontSize: null });
          expect(h.inspect.cellStyle('S', 3, 0)).toEqual(plain);
          expect(h.inspect.muted('S', 4)).toBe(true);
          expect(shown(h.book.readSheet('S'))).toEqual(shown(rows));
        });
        const next: Cell[][] = [['Contatos da semana'], ['Aluno', 'Situação', 'Nota'], ['Bia', 'Atrasado', 5], ['Caio', 'Em risco', 2], ['Davi', 'Em dia', 9]];
        h.book.writeSheet('S', { rows: next, headerRow: 1 });
        await holds(h, () => {
          for (const row of [0, 2, 3, 4]) expect(h.inspect.cellStyle('S', row, 0)).toEqual(plain);
          expect(h.inspect.cellStyle('S', 2, 2)).toEqual(plain);
          expect(h.inspect.muted('S', 4)).toBe(false);
          expect(h.inspect.bold('S', 1, 0)).toBe(true);
        });
      });

      it('arrangeSheets puts the named sheets first, in order, the others after them as they were, and opens the file on the first visible one', async () => {
        const h = open();
        const before = h.book.sheetNames();
        for (const sheet of ['A', 'B', 'C']) h.book.writeSheet(sheet, { rows: [[sheet]] });
        h.book.writeSheet('_Oculta', { rows: [['x']], hidden: true });
        h.book.arrangeSheets(['C', 'Nenhuma', 'A', 'C']);
        await holds(h, () => {
          expect(h.book.sheetNames()).toEqual(['C', 'A', ...before, 'B', '_Oculta']);
          expect(h.inspect.activeSheet()).toBe('C');
        });
        // A hidden sheet can be placed, never opened on.
        h.book.arrangeSheets(['_Oculta', 'B']);
        // Rewriting the sheet the file opens on keeps it so.
        h.book.writeSheet('B', { rows: [['B2']] });
        await holds(h, () => {
          expect(h.book.sheetNames()).toEqual(['_Oculta', 'B', 'C', 'A', ...before]);
          expect(h.inspect.activeSheet()).toBe('B');
          expect(h.inspect.hidden('_Oculta')).toBe(true);
          expect(h.book.readSheet('B')).toEqual([['B2']]);
        });
      });
    });

    describe('protection', () => {
      it(`an owned sheet is ${capabilities.protection === 'none' ? 'not locked (declared)' : 'protected once, and stays so when renamed'}`, async () => {
        const h = open();
        h.book.writeSheet('Resumo', { rows: [['h']], owned: true });
        h.book.writeSheet('Resumo', { rows: [['h'], [1]], owned: true });
        h.book.writeSheet('Livre', { rows: [['h']] });
        h.book.renameSheet('Resumo', 'Resumo da escola');
        await holds(h, () => {
          const protections = h.inspect.protections('Resumo da escola');
          if (capabilities.protection === 'none') expect(protections).toEqual([]);
          else if (capabilities.protection === 'recorded') expect(protections).toHaveLength(1);
          else expect(protections).toEqual([{ warningOnly: true, description: REBUILT_SHEET_WARNING }]);
          expect(h.inspect.protections('Livre')).toEqual([]);
          expect(h.book.readSheet('Resumo da escola')).toEqual([['h'], [1]]);
        });
      });
    });

    describe('charts', () => {
      const rows: Cell[][] = [
        ['Semana', 'Mediana (%)'],
        [1, 10],
        [2, 20],
      ];
      if (capabilities.charts === 'none') {
        it('writes no chart (declared), and the table is written whole', async () => {
          const h = open();
          h.book.writeSheet('Gráficos', { rows, charts: [chart('progress', 'Progresso')] });
          await holds(h, () => {
            expect(h.inspect.charts('Gráficos')).toEqual([]);
            expect(h.book.readSheet('Gráficos')).toEqual(rows);
          });
        });
      } else if (capabilities.charts === 'images') {
        it('draws each chart as a picture at its cell when saved; a rewrite replaces them, other saves neither redraw nor duplicate them', async () => {
          const h = open();
          const images = () => h.inspect.images!('Gráficos');
          h.book.writeSheet('Gráficos', { rows, charts: [chart('progress', 'Progresso'), chart('situations', 'Situações', 20)] });
          await h.reopen();
          expect(images().map(({ row, column }) => [row, column])).toEqual([
            [0, 3],
            [20, 3],
          ]);
          expect(images().every(({ width, height }) => width > 0 && height > 0)).toBe(true);
          expect(h.chartDrawings!()).toBe(2);
          // A save of a workbook loaded from the file keeps its pictures, drawn once.
          h.book.writeSheet('Outra', { rows: [['x']] });
          await h.reopen();
          await h.reopen();
          expect(images()).toHaveLength(2);
          expect(h.chartDrawings!()).toBe(2);
          h.book.writeSheet('Gráficos', { rows, charts: [chart('progress', 'Progresso da turma')] });
          h.book.renameSheet('Gráficos', 'Gráficos Turma A');
          await h.reopen();
          expect(h.inspect.images!('Gráficos Turma A').map(({ row, column }) => [row, column])).toEqual([[0, 3]]);
          expect(h.chartDrawings!()).toBe(3);
          expect(h.book.readSheet('Gráficos Turma A')).toEqual(rows);
        });
      } else {
        it('updates a chart with the same id in place, drops one no longer given, and keeps them through a rename', async () => {
          const h = open();
          h.book.writeSheet('Gráficos', { rows, charts: [chart('progress', 'Progresso'), chart('situations', 'Situações', 20)] });
          const [first] = h.inspect.charts('Gráficos');
          expect(h.inspect.charts('Gráficos').map(({ id, title }) => ({ id, title }))).toEqual([
            { id: 'progress', title: 'Progresso' },
            { id: 'situations', title: 'Situações' },
          ]);
          h.book.writeSheet('Gráficos', { rows, charts: [chart('progress', 'Progresso da turma')] });
          h.book.renameSheet('Gráficos', 'Gráficos Turma A');
          await holds(h, () => {
            expect(h.inspect.charts('Gráficos Turma A')).toEqual([{ id: 'progress', title: 'Progresso da turma', native: first.native }]);
            if (capabilities.charts === 'native') expect(first.native).not.toBeNull();
          });
        });
      }
    });

    describe('sheet identity', () => {
      it('a fixed owned sheet gets its key when the job creates it, and keeps it when a person renames the tab', async () => {
        const h = open();
        h.book.writeSheet(SHEET.history, { rows: [['Semana'], [1]] });
        h.book.writeSheet('Notas da coordenação', { rows: [['x']] });
        expect(h.book.sheetIdentities()).toEqual(new Map([['historico', [SHEET.history]]]));
        await h.person.renames(SHEET.history, "Histórico d'Ana");
        expect(h.book.sheetIdentities()).toEqual(new Map([['historico', ["Histórico d'Ana"]]]));
        expect(h.book.readSheet("Histórico d'Ana")).toEqual([['Semana'], [1]]);
      });

      it('a sheet a person deletes takes its key with it', async () => {
        const h = open();
        h.book.writeSheet(SHEET.history, { rows: [['Semana']] });
        h.book.writeSheet('Outra', { rows: [['x']] });
        await h.person.deletes(SHEET.history);
        expect(h.book.sheetIdentities().has('historico')).toBe(false);
      });

      it("the job's rewrites, renames and deletions keep each key on its sheet, through a save and a load", async () => {
        const h = open();
        h.book.writeSheet('Turma A', { rows: [['Aluno']] });
        h.book.writeSheet('Turma B', { rows: [['Aluno']] });
        h.book.setSheetIdentity('Turma A', 'turma_ta_pivot');
        h.book.setSheetIdentity('Turma B', 'turma_tb_pivot');
        h.book.writeSheet('Turma A', { rows: [['Aluno'], ['Ana']] });
        expect(h.book.sheetIdentities().get('turma_ta_pivot')).toEqual(['Turma A']);
        h.book.renameSheet('Turma A', "Turma D'Ávila");
        await holds(h, () => {
          expect(h.book.sheetIdentities()).toEqual(
            new Map([
              ['turma_ta_pivot', ["Turma D'Ávila"]],
              ['turma_tb_pivot', ['Turma B']],
            ]),
          );
          expect(h.book.readSheet("Turma D'Ávila")).toEqual([['Aluno'], ['Ana']]);
        });
        // A key moves to the sheet it is given; a sheet holds one key.
        h.book.setSheetIdentity('Turma B', 'turma_ta_pivot');
        await holds(h, () => expect(h.book.sheetIdentities()).toEqual(new Map([['turma_ta_pivot', ['Turma B']]])));
        h.book.deleteSheet('Turma B');
        await holds(h, () => expect(h.book.sheetIdentities().size).toBe(0));
      });

      it('does not give a created sheet a key another sheet already carries (a renamed Histórico)', async () => {
        const h = open();
        h.book.writeSheet(SHEET.history, { rows: [['Semana']] });
        h.book.renameSheet(SHEET.history, 'Antigo');
        h.book.writeSheet(SHEET.history, { rows: [['Semana']] });
        await holds(h, () => expect(h.book.sheetIdentities()).toEqual(new Map([['historico', ['Antigo']]])));
      });

      it('refuses a key outside [a-z0-9_] and a missing sheet', () => {
        const h = open();
        h.book.writeSheet('Turma A', { rows: [['Aluno']] });
        for (const bad of ['Turma A', 'turma-a', 'TURMA', 'turma.a', ''])
          expect(() => h.book.setSheetIdentity('Turma A', bad)).toThrow(`Invalid sheet identity key "${bad}"`);
        expect(() => h.book.setSheetIdentity('Nenhuma', 'turma_a')).toThrow('Sheet "Nenhuma" does not exist');
        expect(h.book.sheetIdentities().size).toBe(0);
      });
    });

    describe('renameSheet', () => {
      it('keeps content, formats, notes, hidden state and identity with the renamed sheet', async () => {
        const h = open();
        h.book.writeSheet('Velha', { rows: [['Dia'], [46279]], columnFormats: ['yyyy-mm-dd'], hidden: true });
        h.book.writeSheet('Outra', { rows: [['x']] });
        h.book.setSheetIdentity('Velha', 'turma_tv_pivot');
        h.book.setNotes('Velha', [note(1, 0, 'm')]);
        h.book.renameSheet('Velha', 'Nova');
        await holds(h, () => {
          expect(h.book.readSheet('Velha')).toBeNull();
          expect(h.book.readSheet('Nova')).toEqual([['Dia'], [46279]]);
          expect(h.inspect.numberFormat('Nova', 1, 0)).toBe('yyyy-mm-dd');
          expect(h.inspect.jobNotes('Nova')).toEqual(new Map([[key(1, 0), 'm']]));
          expect(h.inspect.hidden('Nova')).toBe(true);
          expect(h.book.sheetIdentities()).toEqual(new Map([['turma_tv_pivot', ['Nova']]]));
        });
      });

      it('changes only the case of a name (a person typed "histórico" for "Histórico")', async () => {
        const h = open();
        h.book.writeSheet('turma a', { rows: [['Aluno'], ['Ana']] });
        h.book.setSheetIdentity('turma a', 'turma_ta_pivot');
        const position = h.book.sheetNames().indexOf('turma a');
        h.book.renameSheet('turma a', 'Turma A');
        await holds(h, () => {
          expect(h.book.sheetNames().indexOf('Turma A')).toBe(position);
          expect(h.book.sheetNames()).not.toContain('turma a');
          expect(h.book.readSheet('Turma A')).toEqual([['Aluno'], ['Ana']]);
          expect(h.book.sheetIdentities()).toEqual(new Map([['turma_ta_pivot', ['Turma A']]]));
        });
      });

      it('refuses a name another sheet has (ignoring case) and a missing sheet, changing nothing; the same name is no change', async () => {
        const h = open();
        h.book.writeSheet('A', { rows: [['a']] });
        h.book.writeSheet('B', { rows: [['b']] });
        const names = h.book.sheetNames();
        expect(() => h.book.renameSheet('A', 'b')).toThrow();
        expect(() => h.book.renameSheet('A', 'B')).toThrow();
        expect(() => h.book.renameSheet('Nenhuma', 'C')).toThrow('Sheet "Nenhuma" does not exist');
        h.book.renameSheet('A', 'A');
        await holds(h, () => {
          expect(h.book.sheetNames()).toEqual(names);
          expect([h.book.readSheet('A'), h.book.readSheet('B')]).toEqual([[['a']], [['b']]]);
        });
      });
    });
  });
}
