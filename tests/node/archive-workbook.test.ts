// The Node archive: archived `Histórico` weeks land in `<arquivo>-arquivo.xlsx` beside the main file,
// one sheet per range, appended on later rollovers, saved before the main file.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollOverHistory } from '../../src/core/history/archive-sink';
import { HISTORY_HEADERS } from '../../src/core/history/schema';
import { SHEET } from '../../src/core/sheets';
import type { Cell } from '../../src/core/workbook/workbook';
import { ArchiveWorkbook, archivePathFor, archiveSheetName } from '../../src/node/archive-workbook';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { historyRow, weekAt } from '../support/history-fixture';

const row = (week: string, student: number): Cell[] => historyRow(week, student);
const weeksOfRows = (from: number, to: number): Cell[][] =>
  Array.from({ length: to - from }, (_, offset) => [row(weekAt(from + offset), 1), row(weekAt(from + offset), 2)]).flat();

describe('ArchiveWorkbook', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cademi-archive-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the archive file beside the main file, and sheets within Excel’s 31 characters', () => {
    expect(archivePathFor(join('dados', 'escola.xlsx'))).toBe(join('dados', 'escola-arquivo.xlsx'));
    expect(archiveSheetName('Histórico 2026-01-05 a 2026-06-29')).toBe('2026-01-05 a 2026-06-29');
    expect(archiveSheetName('Curto')).toBe('Curto');
  });

  it('writes the archived rows to the archive file, then appends a later rollover', async () => {
    const main = join(dir, 'escola.xlsx');
    const workbook = XlsxWorkbook.empty();
    workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS], ...weeksOfRows(0, 40)], frozenRows: 1 });
    const options = { cellLimit: 1000, keepWeeks: 4 };

    const archive = ArchiveWorkbook.beside(main);
    expect(archive.path).toBe(join(dir, 'escola-arquivo.xlsx'));
    const first = rollOverHistory(workbook, archive, options)!;
    expect(first.destination).toBe(`escola-arquivo.xlsx › ${archiveSheetName(first.name)}`);
    expect(existsSync(archive.path)).toBe(false); // collected only, until saved
    expect(archive.hasPending()).toBe(true);
    // The order the hosts follow: the archive first, then the main file.
    await archive.save();
    await workbook.save(main);
    expect(archive.hasPending()).toBe(false);

    const saved = await XlsxWorkbook.load(archive.path);
    const firstSheet = saved.readSheet(archiveSheetName(first.name))!;
    expect(firstSheet[0]).toEqual([...HISTORY_HEADERS]);
    expect(firstSheet.slice(1)).toEqual(weeksOfRows(0, first.archivedWeeks.length));
    const live = (await XlsxWorkbook.load(main)).readSheet(SHEET.history)!;
    expect(live.length - 1 + firstSheet.length - 1).toBe(80);

    // More weeks arrive; the next rollover adds a sheet to the same file and keeps the first.
    const reloaded = await XlsxWorkbook.load(main);
    reloaded.replaceRowsFrom(SHEET.history, live.length, weeksOfRows(40, 70));
    const later = ArchiveWorkbook.beside(main);
    const second = rollOverHistory(reloaded, later, options)!;
    expect(second.archivedWeeks[0]).toBe(weekAt(first.archivedWeeks.length));
    await later.save();
    await reloaded.save(main);
    const both = await XlsxWorkbook.load(archive.path);
    expect(both.sheetNames()).toEqual([archiveSheetName(first.name), archiveSheetName(second.name)]);
    expect(both.readSheet(archiveSheetName(first.name))).toEqual(firstSheet);
    expect(both.readSheet(archiveSheetName(second.name))!.length - 1).toBe(second.rows);
    expect(readdirSync(dir).sort()).toEqual(['escola-arquivo.xlsx', 'escola.xlsx']); // no temp file left
  });

  it('appends only missing rows when the same range is archived again (a crash before the main file was saved)', async () => {
    const main = join(dir, 'escola.xlsx');
    const values = [[...HISTORY_HEADERS], ...weeksOfRows(0, 40)];
    const options = { cellLimit: 1000, keepWeeks: 4 };
    const run = async () => {
      const workbook = XlsxWorkbook.empty();
      workbook.writeSheet(SHEET.history, { rows: values, frozenRows: 1 });
      const archive = ArchiveWorkbook.beside(main);
      const outcome = rollOverHistory(workbook, archive, options)!;
      await archive.save();
      return outcome; // the main file is never saved: the "crash"
    };
    const first = await run();
    const again = await run();
    expect(again.name).toBe(first.name);
    const saved = await XlsxWorkbook.load(archivePathFor(main));
    expect(saved.readSheet(archiveSheetName(first.name))!.length - 1).toBe(first.rows);

    // A person removed a row from the archive sheet: the redo puts it back, once.
    const sheet = saved.readSheet(archiveSheetName(first.name))!;
    saved.writeSheet(archiveSheetName(first.name), { rows: sheet.slice(0, -1), frozenRows: 1 });
    await saved.save(archivePathFor(main));
    await run();
    const restored = (await XlsxWorkbook.load(archivePathFor(main))).readSheet(archiveSheetName(first.name))!;
    expect(restored).toHaveLength(sheet.length);
  });

  it('save() without rows does not create a file', async () => {
    const archive = ArchiveWorkbook.beside(join(dir, 'escola.xlsx'));
    await archive.save();
    expect(existsSync(archive.path)).toBe(false);
  });
});
