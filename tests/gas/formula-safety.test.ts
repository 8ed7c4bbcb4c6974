// Untrusted text is data: every API string written through the Apps Script adapter stays text —
// never a formula, never re-read as a number or a date — and reads back exactly as it came.

import { SpreadsheetWorkbook, sheetValue } from '../../src/gas/spreadsheet-workbook';
import { createAppsScriptEnv } from '../../testkit/fakes';

const HOSTILE = [
  '=HYPERLINK("http://x","Clique")',
  '+55 11 99999-0000',
  '-1+2',
  '@SUM(A1:A2)',
  '\tTab',
  '\rCR',
  '11,12',
  '14/09',
  '007',
  'VERDADEIRO',
  '<img src=x onerror=alert(1)>',
];

describe('formula-safe writes through SpreadsheetApp', () => {
  it('prefixes an apostrophe exactly where Sheets would interpret the text', () => {
    for (const text of HOSTILE.slice(0, 10)) expect(sheetValue(text)).toBe(`'${text}`);
    expect(sheetValue('Maria José')).toBe('Maria José');
    expect(sheetValue('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(sheetValue(42)).toBe(42);
    expect(sheetValue(null)).toBe('');
  });

  it('applies the one cell-text rule: forbidden characters replaced, the length capped, then the apostrophe', () => {
    expect(sheetValue('=A\uFFFE\u0001')).toBe("'=A\uFFFD\uFFFD");
    const long = sheetValue('x'.repeat(60_000)) as string;
    expect(long.length).toBe(32_767);
    expect(long.endsWith(' […]')).toBe(true);
    // 50,000 is Sheets' own limit: the fake refuses more, as setValues does.
    const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
    const sheet = env.spreadsheet.gas().insertSheet('Longo');
    expect(() => sheet.getRange(1, 1).setValues([['y'.repeat(50_001)]])).toThrow(/50000/);
    new SpreadsheetWorkbook(env.spreadsheet.gas()).writeSheet('Longo', { rows: [['y'.repeat(50_001)]] });
    expect(String(sheet.getRange(1, 1).getValue()).length).toBe(32_767);
  });

  it('writes hostile names as text that reads back unchanged, with no formula in the sheet', () => {
    const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
    const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
    workbook.writeSheet('Nomes', { rows: [['Nome'], ...HOSTILE.map((name) => [name])] });
    const sheet = env.spreadsheet.gas().getSheetByName('Nomes')!;
    const formulas = sheet
      .getRange(1, 1, HOSTILE.length + 1, 1)
      .getFormulas()
      .flat()
      .filter((formula) => formula !== '');
    expect(formulas).toEqual([]);
    expect(
      workbook
        .readSheet('Nomes')!
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(HOSTILE);
  });
});

describe('SpreadsheetWorkbook.writeSheet killed part-way', () => {
  it('never leaves a sheet empty: old or new rows are always there', () => {
    for (let killAfter = 0; killAfter < 12; killAfter++) {
      const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
      const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
      const old = [
        ['Tipo', 'Aluno'],
        ['aluno', 1],
        ['aluno', 2],
        ['aluno', 3],
      ];
      workbook.writeSheet('_Coleta', { rows: old, hidden: true });
      env.killSwitch.killAfter(killAfter);
      try {
        workbook.writeSheet('_Coleta', { rows: [...old, ['aluno', 4]], hidden: true });
      } catch {
        // killed: what matters is what the sheet holds now
      }
      env.killSwitch.reset();
      const rows = workbook.readSheet('_Coleta')!;
      expect(rows.slice(0, 4)).toEqual(old);
    }
  });
});
