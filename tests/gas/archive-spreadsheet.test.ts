// The Apps Script archive over the fakes: a "<nome> — arquivo" spreadsheet created once (its id in
// DocumentProperties), one sheet per archived range written in one setValues, and `Histórico`'s grid
// shrunk so the cells Sheets counts really drop.

import { archiveName } from '../../src/core/history/rollover';
import { HISTORY_FORMATS, HISTORY_HEADERS } from '../../src/core/history/schema';
import { SHEET } from '../../src/core/sheets';
import type { Cell } from '../../src/core/workbook/workbook';
import { ARCHIVE_ID_KEY, ArchiveSpreadsheet, rollOverSpreadsheetHistory, trimGridToData } from '../../src/gas/archive-spreadsheet';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { type AppsScriptEnv, createAppsScriptEnv } from '../../testkit/fakes';
import { historyRow, weekAt } from '../support/history-fixture';

const row = (week: string, student: number): Cell[] => historyRow(week, student);
const weeksOfRows = (from: number, to: number): Cell[][] =>
  Array.from({ length: to - from }, (_, offset) => [row(weekAt(from + offset), 1), row(weekAt(from + offset), 2)]).flat();

/** 81 rows × 26 columns = 2,106 grid cells: above 80% of a 2,500-cell limit, with 40 weeks to spare. */
const OPTIONS = { cellLimit: 2500, keepWeeks: 4 };

function setUp(): { env: AppsScriptEnv; workbook: SpreadsheetWorkbook } {
  const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
  // SpreadsheetWorkbook protects owned sheets through the SpreadsheetApp global, as in Apps Script.
  Object.assign(globalThis, { SpreadsheetApp: env.spreadsheetApp, PropertiesService: env.properties });
  const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
  workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS], ...weeksOfRows(0, 40)], columnFormats: HISTORY_FORMATS, frozenRows: 1, owned: true });
  const ss = env.spreadsheet.gas();
  ss.deleteSheet(ss.getSheetByName('Página1')!);
  trimGridToData(ss.getSheetByName(SHEET.history)!);
  return { env, workbook };
}

const archiveOf = (env: AppsScriptEnv) => env.spreadsheetApp.registry.get(env.properties.document.data.get(ARCHIVE_ID_KEY)!)!;

describe('ArchiveSpreadsheet', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).SpreadsheetApp;
    delete (globalThis as Record<string, unknown>).PropertiesService;
  });

  it('creates "<nome> — arquivo" on first use and moves the oldest weeks there in one setValues', () => {
    const { env, workbook } = setUp();
    expect(env.spreadsheet.totalCells()).toBe(81 * 26);
    const outcome = rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook, OPTIONS)!;

    // 2,106 − 12 weeks × 2 rows × 26 cells = 1,482 < 60% of 2,500.
    expect(outcome.archivedWeeks).toEqual(Array.from({ length: 12 }, (_, index) => weekAt(index)));
    expect(outcome.name).toBe(archiveName(weekAt(0), weekAt(11)));
    const archive = archiveOf(env);
    expect(archive.getName()).toBe('Cademi Progress Monitor — arquivo');
    expect(archive.getSpreadsheetTimeZone()).toBe(env.spreadsheet.getSpreadsheetTimeZone());
    expect(outcome.destination).toContain(archive.getUrl());
    expect(env.calls('SpreadsheetApp.create')).toEqual({ 'SpreadsheetApp.create': 1 });
    expect(env.callsBySheet()[outcome.name]['Range.setValues']).toBe(1);

    // The starter sheet is gone and the archive sheet's grid is exactly its data.
    expect(archive.sheets.map((sheet) => sheet.name)).toEqual([outcome.name]);
    const archived = new SpreadsheetWorkbook(archive.gas()).readSheet(outcome.name)!;
    expect(archived).toEqual([[...HISTORY_HEADERS], ...weeksOfRows(0, 12)]);
    expect(archive.totalCells()).toBe(archived.length * HISTORY_HEADERS.length);

    // Histórico keeps the other weeks, and its grid shrank with it: the counted cells really drop.
    expect(workbook.readSheet(SHEET.history)).toEqual([[...HISTORY_HEADERS], ...weeksOfRows(12, 40)]);
    expect(env.spreadsheet.totalCells()).toBe(57 * 26);
    expect(env.spreadsheet.totalCells()).toBeLessThan(0.6 * OPTIONS.cellLimit);
  });

  it('opens the same archive by id on the next rollover and adds a sheet', () => {
    const { env, workbook } = setUp();
    const first = rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook, OPTIONS)!;
    const id = env.properties.document.data.get(ARCHIVE_ID_KEY);
    workbook.replaceRowsFrom(SHEET.history, 57, weeksOfRows(40, 60), HISTORY_FORMATS);
    const second = rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook, OPTIONS)!;

    expect(env.properties.document.data.get(ARCHIVE_ID_KEY)).toBe(id);
    expect(env.calls('SpreadsheetApp.create')).toEqual({ 'SpreadsheetApp.create': 1 });
    expect(env.calls('SpreadsheetApp.openById')).toEqual({ 'SpreadsheetApp.openById': 1 });
    expect(second.archivedWeeks[0]).toBe(weekAt(12));
    const archive = new SpreadsheetWorkbook(archiveOf(env).gas());
    expect(archive.sheetNames()).toEqual([first.name, second.name]);
    expect(archive.readSheet(second.name)!.slice(1)).toEqual(weeksOfRows(12, 12 + second.archivedWeeks.length));
  });

  it('appends only the missing rows when the same range is archived again', () => {
    const { env } = setUp();
    const sink = new ArchiveSpreadsheet({ source: env.spreadsheet.gas(), spreadsheetApp: env.spreadsheetApp.gas(), properties: env.properties.document.gas() });
    const rows = [[...HISTORY_HEADERS], ...weeksOfRows(0, 2)];
    sink.append(archiveName(weekAt(0), weekAt(1)), rows.slice(0, 3));
    sink.append(archiveName(weekAt(0), weekAt(1)), rows);
    const stored = new SpreadsheetWorkbook(archiveOf(env).gas()).readSheet(archiveName(weekAt(0), weekAt(1)));
    expect(stored).toEqual(rows);
  });

  it('leaves Histórico untouched when the archive cannot be opened, and says what to do', () => {
    const { env, workbook } = setUp();
    env.properties.document.gas().setProperty(ARCHIVE_ID_KEY, 'apagada');
    const before = workbook.readSheet(SHEET.history);
    const cells = env.spreadsheet.totalCells();
    expect(() => rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook, OPTIONS)).toThrow(
      /arquivo do Histórico.*cademi\.archiveSpreadsheetId.*não foi alterado/s,
    );
    expect(workbook.readSheet(SHEET.history)).toEqual(before);
    expect(env.spreadsheet.totalCells()).toBe(cells);
  });

  it('does nothing, and opens no archive, while there is room', () => {
    const { env, workbook } = setUp();
    expect(rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook)).toBeNull();
    expect(env.calls('SpreadsheetApp')).toEqual({});
    expect(env.properties.document.data.has(ARCHIVE_ID_KEY)).toBe(false);
  });

  it('starts a new archive spreadsheet when the current one would pass the cell limit', () => {
    const { env, workbook } = setUp();
    const full = env.spreadsheetApp.createSpreadsheet('Cademi Progress Monitor — arquivo');
    full.sheets[0].maxRows = 380_000; // 380,000 × 26 ≈ 9.9 million cells
    env.properties.document.gas().setProperty(ARCHIVE_ID_KEY, full.id);
    rollOverSpreadsheetHistory(env.spreadsheet.gas(), workbook, OPTIONS);
    expect(archiveOf(env).id).not.toBe(full.id);
    expect(archiveOf(env).getName()).toBe('Cademi Progress Monitor — arquivo 2');
  });
});
