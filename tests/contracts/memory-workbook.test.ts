// The Workbook contract over the in-memory workbook (the tests' stand-in for both hosts).

import { MemoryWorkbook } from '../../src/core/workbook/memory-workbook';
import { describeWorkbookContract, type WorkbookHarness } from './workbook.contract';

function memoryHarness(): WorkbookHarness {
  const book = new MemoryWorkbook();
  const sheet = (name: string) => {
    const found = book.sheet(name);
    if (!found) throw new Error(`no sheet "${name}"`);
    return found;
  };
  return {
    book,
    // Nothing to reopen: the object is the spreadsheet.
    reopen: async () => {},
    serviceCalls: () => book.calls.reads + book.calls.writes,
    inspect: {
      numberFormat: (name, _row, column) => sheet(name).columnFormats[column] ?? null,
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
      filterRows: (name) => (sheet(name).features?.filter ? sheet(name).rows.length : null),
      conditionalRuleCount: (name) => sheet(name).features?.conditionalFormats?.length ?? 0,
      muted: (name, row) => sheet(name).features?.mutedRows?.includes(row) ?? false,
      protections: (name) => (sheet(name).features?.owned ? [{ warningOnly: true, description: '' }] : []),
      charts: (name) => (sheet(name).features?.charts ?? []).map(({ id, title }) => ({ id, title, native: null })),
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
  protection: 'recorded',
  notesOnRewrite: 'kept',
  personNotes: false,
  noteHighlight: false,
  unsetKeepsLayout: false,
  maxSheetName: null,
});
