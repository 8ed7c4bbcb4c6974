// The Workbook contract over the .xlsx workbook (exceljs): every behaviour that must survive a file is
// checked again after a save to disk and a load, and a person's edits are made to the file as Excel
// or LibreOffice would save them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { JOB_NOTE_PREFIX } from '../../src/core/messages/config';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { describeWorkbookContract, type WorkbookHarness } from './workbook.contract';

const TEMP = mkdtempSync(join(tmpdir(), 'cademi-xlsx-contract-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
let files = 0;

const noteText = (note: ExcelJS.Cell['note']) => (typeof note === 'string' ? note : (note?.texts?.map((run) => run.text).join('') ?? ''));

/** Every note on a sheet, `row:column` (0-based) → its text; empty cells included. */
function allNotes(sheet: ExcelJS.Worksheet): Map<string, string> {
  const notes = new Map<string, string>();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const text = noteText(cell.note);
      if (text !== '') notes.set(`${rowNumber - 1}:${columnNumber - 1}`, text);
    }),
  );
  return notes;
}

/** `A1:C4` (exceljs's loaded form) or `{ from, to }` (as written) → the last row. */
function filterLastRow(filter: ExcelJS.Worksheet['autoFilter']): number | null {
  if (!filter) return null;
  if (typeof filter === 'string') return Number(/(\d+)$/.exec(filter)?.[1] ?? Number.NaN);
  const to = filter.to;
  return typeof to === 'string' ? Number(/(\d+)$/.exec(to)?.[1] ?? Number.NaN) : to.row;
}

function xlsxHarness(): WorkbookHarness {
  let book = XlsxWorkbook.empty();
  const sheet = (name: string) => {
    const found = book.book.getWorksheet(name);
    if (!found) throw new Error(`no sheet "${name}"`);
    return found;
  };
  const cell = (name: string, row: number, column: number) =>
    sheet(name)
      .getRow(row + 1)
      .getCell(column + 1);
  const save = async (): Promise<string> => {
    const path = join(TEMP, `w${++files}.xlsx`);
    await book.save(path);
    return path;
  };
  /** The saved file edited as a spreadsheet program would save it, then opened by the job. */
  const edit = async (change: (xml: string) => string): Promise<void> => {
    const zip = await JSZip.loadAsync(Buffer.from(await book.book.xlsx.writeBuffer()));
    zip.file('xl/workbook.xml', change(await zip.file('xl/workbook.xml')!.async('string')));
    const path = join(TEMP, `w${++files}.xlsx`);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    book = await XlsxWorkbook.load(path);
  };
  /** A sheet reference as it stands in workbook.xml: quoted, apostrophes doubled, XML-escaped. */
  const reference = (name: string) => `'${name.replace(/'/g, "''")}'!`.replace(/'/g, '&apos;');
  return {
    get book() {
      return book;
    },
    reopen: async () => {
      book = await XlsxWorkbook.load(await save());
    },
    serviceCalls: () => book.calls.reads + book.calls.writes,
    inspect: {
      numberFormat: (name, row, column) => {
        const format = cell(name, row, column).numFmt;
        return format && format !== 'General' ? format : null;
      },
      jobNotes: (name) =>
        new Map(
          [...allNotes(sheet(name))].filter(([, text]) => text.startsWith(JOB_NOTE_PREFIX)).map(([at, text]) => [at, text.slice(JOB_NOTE_PREFIX.length)]),
        ),
      highlighted: (name, row, column) => {
        const fill = cell(name, row, column).fill;
        return fill?.type === 'pattern' && fill.pattern === 'solid';
      },
      hidden: (name) => sheet(name).state !== 'visible',
      frozen: (name) => {
        const view = (sheet(name).views ?? []).find((candidate) => candidate.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
        return { rows: view?.ySplit ?? 0, columns: view?.xSplit ?? 0 };
      },
      tabColor: (name) => {
        const color = sheet(name).properties.tabColor as { argb?: string } | undefined;
        return color?.argb ? `#${color.argb.slice(2).toLowerCase()}` : null;
      },
      filterRows: (name) => filterLastRow(sheet(name).autoFilter),
      // exceljs keeps a sheet's rules here (loaded ones too), outside its typings.
      conditionalRuleCount: (name) =>
        (sheet(name) as unknown as { conditionalFormattings: { rules: unknown[] }[] }).conditionalFormattings.reduce(
          (count, entry) => count + entry.rules.length,
          0,
        ),
      muted: (name, row) => cell(name, row, 0).font?.color?.argb === 'FF9E9E9E',
      protections: (name) => {
        const protection = (sheet(name) as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
        return protection?.sheet ? [{ warningOnly: false, description: '' }] : [];
      },
      charts: () => [],
    },
    person: {
      renames: (from, to) => edit((xml) => xml.split(`name="${from}"`).join(`name="${to}"`).split(reference(from)).join(reference(to))),
      deletes: async (name) => {
        // The program removes the tab and leaves the defined name pointing at #REF!.
        book.book.removeWorksheet(sheet(name).id);
        await edit((xml) => xml.split(`${reference(name)}$A$1`).join('#REF!'));
      },
      addsNote: (name, row, column, text) => {
        cell(name, row, column).note = text;
      },
      notes: (name) => new Map([...allNotes(sheet(name))].filter(([, text]) => !text.startsWith(JOB_NOTE_PREFIX))),
    },
  };
}

describeWorkbookContract('XlsxWorkbook', xlsxHarness, {
  cellTextRule: true,
  // exceljs cannot write charts: the HTML preview draws them from the same specs.
  charts: 'none',
  // Excel's sheet protection locks the sheet; there is no warning-only kind, and owned sheets must stay editable.
  protection: 'none',
  // writeSheet builds the sheet anew, so the job's notes go with the old one (the job sets them again each run).
  notesOnRewrite: 'dropped',
  personNotes: true,
  noteHighlight: true,
  unsetKeepsLayout: false,
  // Excel's limit (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
  maxSheetName: 31,
});

describe('XlsxWorkbook defined names', () => {
  it('stores each identity as a workbook-level defined name pointing at the sheet’s A1', async () => {
    const harness = xlsxHarness();
    harness.book.writeSheet('Histórico', { rows: [['Semana']] });
    harness.book.writeSheet('Turma A', { rows: [['Aluno']] });
    harness.book.setSheetIdentity('Turma A', 'turma_ta_pivot');
    harness.book.renameSheet('Turma A', "Turma D'Ávila");
    await harness.reopen();
    const names = (harness.book as XlsxWorkbook).book.definedNames.model;
    expect(names.map((entry) => [entry.name, entry.ranges]).sort()).toEqual([
      ['ProgressoCademi_historico', ["'Histórico'!$A$1"]],
      ['ProgressoCademi_turma_ta_pivot', ["'Turma D''Ávila'!$A$1"]],
    ]);
  });
});
