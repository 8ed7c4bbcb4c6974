// The Workbook port's sheet identity, one contract over the three adapters: a sheet the job owns
// keeps its key when a person renames it in the spreadsheet program, loses it with the sheet, and
// the job's own writes, renames and deletions keep the keys straight.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SHEET } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Workbook } from '../../../src/core/workbook/workbook';
import { SpreadsheetWorkbook } from '../../../src/gas/spreadsheet-workbook';
import { XlsxWorkbook } from '../../../src/node/xlsx-workbook';
import { type AppsScriptEnv, createAppsScriptEnv } from '../../fakes';

/** A host: the adapter, and what a person does in that host's own program. */
interface Host {
  readonly name: string;
  workbook(): Workbook;
  /** A person renames a tab in Sheets / Excel / LibreOffice, then the job opens the workbook again. */
  personRenames(from: string, to: string): Promise<Workbook>;
  personDeletes(name: string): Promise<Workbook>;
}

function memoryHost(): Host {
  const book = new MemoryWorkbook();
  return {
    name: 'MemoryWorkbook',
    workbook: () => book,
    personRenames: async (from, to) => (book.renameSheet(from, to), book),
    personDeletes: async (name) => (book.deleteSheet(name), book),
  };
}

/**
 * The .xlsx as Excel or LibreOffice saves it after a person's rename: the tab's name and every
 * defined name's sheet reference change together (what LibreOffice 7.4 wrote when a sheet was renamed
 * through its API); after a deletion the defined name is left as `#REF!`.
 */
function xlsxHost(): Host {
  let book = XlsxWorkbook.empty();
  let saves = 0;
  /** The file edited as the program would save it, then opened by the job. */
  const edit = async (change: (xml: string) => string): Promise<Workbook> => {
    const zip = await JSZip.loadAsync(Buffer.from(await book.book.xlsx.writeBuffer()));
    zip.file('xl/workbook.xml', change(await zip.file('xl/workbook.xml')!.async('string')));
    const path = join(TEMP, `w${++saves}-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    book = await XlsxWorkbook.load(path);
    return book;
  };
  /** A sheet reference as it stands in workbook.xml: quoted, apostrophes doubled, XML-escaped. */
  const reference = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`.replace(/'/g, '&apos;');
  return {
    name: 'XlsxWorkbook',
    workbook: () => book,
    personRenames: (from, to) => edit((xml) => xml.split(`name="${from}"`).join(`name="${to}"`).split(reference(from)).join(reference(to))),
    personDeletes: async (name) => {
      book.book.removeWorksheet(book.book.getWorksheet(name)!.id);
      return edit((xml) => xml.split(`${reference(name)}$A$1`).join('#REF!'));
    },
  };
}

function spreadsheetHost(): Host {
  const env: AppsScriptEnv = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
  let book = new SpreadsheetWorkbook(env.spreadsheet.gas());
  // Each execution opens the spreadsheet anew (the adapter reads identities once per execution).
  const reopen = () => (book = new SpreadsheetWorkbook(env.spreadsheet.gas()));
  return {
    name: 'SpreadsheetWorkbook',
    workbook: () => book,
    personRenames: async (from, to) => (env.spreadsheet.sheet(from).setName(to), reopen()),
    personDeletes: async (name) => (env.spreadsheet.gas().deleteSheet(env.spreadsheet.sheet(name).gas()), reopen()),
  };
}

const TEMP = mkdtempSync(join(tmpdir(), 'cademi-identity-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

const HOSTS: (() => Host)[] = [memoryHost, xlsxHost, spreadsheetHost];

describe.each(HOSTS.map((make) => [make().name, make] as const))('sheet identity through %s', (_name, makeHost) => {
  it('a fixed owned sheet gets its key when the job creates it, and keeps it when a person renames the tab', async () => {
    const host = makeHost();
    const book = host.workbook();
    book.writeSheet(SHEET.history, { rows: [['Semana'], [1]] });
    book.writeSheet('Notas da coordenação', { rows: [['x']] });
    expect(book.sheetIdentities()).toEqual(new Map([['historico', [SHEET.history]]]));
    const reopened = await host.personRenames(SHEET.history, "Histórico d'Ana");
    expect(reopened.sheetIdentities()).toEqual(new Map([['historico', ["Histórico d'Ana"]]]));
    expect(reopened.readSheet("Histórico d'Ana")).toEqual([['Semana'], [1]]);
  });

  it('a deleted sheet takes its key with it', async () => {
    const host = makeHost();
    host.workbook().writeSheet(SHEET.history, { rows: [['Semana']] });
    host.workbook().writeSheet('Outra', { rows: [['x']] });
    const reopened = await host.personDeletes(SHEET.history);
    expect(reopened.sheetIdentities().has('historico')).toBe(false);
  });

  it('the job’s rewrites, renames and deletions keep each key on its sheet', () => {
    const book = makeHost().workbook();
    book.writeSheet('Turma A', { rows: [['Aluno']] });
    book.writeSheet('Turma B', { rows: [['Aluno']] });
    book.setSheetIdentity('Turma A', 'turma_ta_pivot');
    book.setSheetIdentity('Turma B', 'turma_tb_pivot');
    book.writeSheet('Turma A', { rows: [['Aluno'], ['Ana']] });
    expect(book.sheetIdentities().get('turma_ta_pivot')).toEqual(['Turma A']);
    book.renameSheet('Turma A', 'Turma Alfa');
    expect(book.sheetIdentities().get('turma_ta_pivot')).toEqual(['Turma Alfa']);
    expect(book.readSheet('Turma Alfa')).toEqual([['Aluno'], ['Ana']]);
    // A key moves to the sheet it is given; a sheet holds one key.
    book.setSheetIdentity('Turma B', 'turma_ta_pivot');
    expect(book.sheetIdentities()).toEqual(new Map([['turma_ta_pivot', ['Turma B']]]));
    book.deleteSheet('Turma B');
    expect(book.sheetIdentities().size).toBe(0);
  });

  it('does not give a created sheet a key another sheet already carries (a renamed Histórico)', () => {
    const book = makeHost().workbook();
    book.writeSheet(SHEET.history, { rows: [['Semana']] });
    book.renameSheet(SHEET.history, 'Antigo');
    book.writeSheet(SHEET.history, { rows: [['Semana']] });
    expect(book.sheetIdentities().get('historico')).toEqual(['Antigo']);
  });
});

describe('sheet identity in the .xlsx file', () => {
  it('survives a save and a load, as a defined name Excel and LibreOffice keep pointing at the tab', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cademi-identity-'));
    try {
      const book = XlsxWorkbook.empty();
      book.writeSheet(SHEET.history, { rows: [['Semana']] });
      book.writeSheet('Turma A', { rows: [['Aluno']] });
      book.setSheetIdentity('Turma A', 'turma_ta_pivot');
      book.renameSheet('Turma A', "Turma D'Ávila");
      await book.save(join(dir, 'w.xlsx'));
      const loaded = await XlsxWorkbook.load(join(dir, 'w.xlsx'));
      expect(loaded.sheetIdentities()).toEqual(
        new Map([
          ['historico', [SHEET.history]],
          ['turma_ta_pivot', ["Turma D'Ávila"]],
        ]),
      );
      expect(loaded.book.definedNames.model.map((entry) => entry.name).sort()).toEqual(['ProgressoCademi_historico', 'ProgressoCademi_turma_ta_pivot']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
