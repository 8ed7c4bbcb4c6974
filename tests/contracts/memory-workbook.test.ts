// The Workbook contract over the in-memory workbook (the tests' stand-in for both hosts).

import { MemoryWorkbook } from '../../src/core/workbook/memory-workbook';
import { rowStylesOf, validatedRowsOf } from '../../src/core/workbook/sheet-layout';
import { describeWorkbookContract, type WorkbookHarness } from './workbook.contract';

function memoryHarness(): WorkbookHarness {
  const book = new MemoryWorkbook();
  const sheet = (name: string) => {
    const found = book.sheet(name);
    if (!found) throw new Error(`no sheet "${name}"`);
    return found;
  };
  const content = (name: string) => ({ rows: sheet(name).rows, ...sheet(name).features });
  const headerRow = (name: string) => sheet(name).features?.headerRow ?? 0;
  function memoryStyle(name: string, row: number, _column: number) {
    const style = rowStylesOf(content(name)).get(row);
    return {
      bold: style?.bold ?? row === headerRow(name),
      background: style?.background ?? null,
      fontColor: style?.fontColor ?? null,
      fontSize: style?.fontSize ?? null,
    };
  }
  return {
    book,
    // Nothing to reopen: the object is the spreadsheet.
    reopen: async () => {},
    serviceCalls: () => book.calls.reads + book.calls.writes,
    // What the memory workbook records, read by the port's own rules (the header bold, validations over the data rows and their spares…).
    inspect: {
      numberFormat: (name, row, column) => (row <= headerRow(name) ? null : (sheet(name).columnFormats[column] ?? null)),
      jobNotes: (name) => {
        const byCell = new Map<string, string>();
        for (const { row, column, message } of sheet(name).notes) {
          const key = `${row}:${column}`;
          byCell.set(key, byCell.has(key) ? `${byCell.get(key)}\n${message}` : message);
        }
        return byCell;
      },
      highlighted: () => false,
      hidden: (name) => sheet(name).hidden,
      frozen: (name) => ({ rows: sheet(name).frozenRows, columns: sheet(name).features?.frozenColumns ?? 0 }),
      tabColor: (name) => sheet(name).features?.tabColor ?? null,
      filterRows: (name) => (sheet(name).features?.filter ? sheet(name).rows.length - headerRow(name) : null),
      filterFirstRow: (name) => (sheet(name).features?.filter ? headerRow(name) : null),
      conditionalRuleCount: (name) => sheet(name).features?.conditionalFormats?.length ?? 0,
      conditionalRuleFirstRows: (name) => (sheet(name).features?.conditionalFormats ?? []).map(() => headerRow(name) + 1),
      muted: (name, row) => sheet(name).features?.mutedRows?.includes(row) ?? false,
      protections: (name) => (sheet(name).features?.owned ? [{ warningOnly: true, description: '' }] : []),
      charts: (name) => (sheet(name).features?.charts ?? []).map(({ id, title }) => ({ id, title, native: null })),
      bold: (name, row, column) => memoryStyle(name, row, column).bold,
      columnWidths: (name, columns) => Array.from({ length: columns }, (_, column) => sheet(name).features?.columnWidths?.[column] ?? null),
      hiddenColumns: (name) => [...(sheet(name).features?.hiddenColumns ?? [])].sort((a, b) => a - b),
      wrapped: (name, row, column) => row > headerRow(name) && row < sheet(name).rows.length && (sheet(name).features?.wrappedColumns ?? []).includes(column),
      validation: (name, row, column) => {
        const rows = validatedRowsOf(content(name));
        const spec = (sheet(name).features?.validations ?? []).find((candidate) => candidate.column === column);
        if (!spec || row < rows.start || row >= rows.start + rows.count) return null;
        return spec.kind === 'date'
          ? { kind: 'date', helpText: spec.helpText, rejects: true }
          : { kind: 'list', values: [...spec.values], helpText: spec.helpText, rejects: true };
      },
      link: (name, row, column) => [...(sheet(name).features?.links ?? [])].reverse().find((link) => link.row === row && link.column === column)?.url ?? null,
      cellStyle: memoryStyle,
      activeSheet: () => book.activeSheet,
    },
    // A person's edits in "their program" are the port's own operations here.
    person: {
      renames: async (from, to) => book.renameSheet(from, to),
      deletes: async (name) => book.deleteSheet(name),
    },
  };
}

describeWorkbookContract('MemoryWorkbook', memoryHarness, {
  cellTextRule: false,
  charts: 'recorded',
  columnWidths: 'recorded',
  protection: 'recorded',
  notesOnRewrite: 'kept',
  personNotes: false,
  noteHighlight: false,
  unsetKeepsLayout: false,
  maxSheetName: null,
});
