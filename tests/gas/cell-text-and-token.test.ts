// Issue 11, classes 3 and 5 in Apps Script (the built bundle over the fakes): API text that XML
// forbids or that no cell can hold reaches Sheets safe, an echoed token never reaches a cell, and a
// token no header can carry fails the run before any request and is refused by the token dialog.

import { SHEET } from '../../src/core/sheets';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { type GasSchool, gasSchool, TOKEN } from '../support/apps-script-school';
import { ALERT_EMAIL, type FaultyGasSchool, runWeek, withFaults } from '../support/faulty-gas-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const FORBIDDEN = 'Ana\uFFFE\u0001\uD800 Souza 😀';
// Over Sheets' own 50,000 limit: the fake's setValues throws for it, as Sheets does.
const LONG = `Bruno ${'B'.repeat(60_000)}`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the control characters XML forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const school = (): FaultyGasSchool => withFaults(gasSchool(MONDAY, { studentCount: 60 }), 1);

function cellTexts(gas: GasSchool): string[] {
  return gas.env.runtime.quietly(() => {
    const workbook = new SpreadsheetWorkbook(gas.env.spreadsheet.gas());
    return workbook.sheetNames().flatMap((name) => (workbook.readSheet(name) ?? []).flat().filter((cell): cell is string => typeof cell === 'string'));
  });
}

const lastLog = (gas: GasSchool) => gas.env.spreadsheet.sheet(SHEET.runs).dump().at(-1)!;

describe('API text in Sheets', () => {
  it('forbidden characters, an overlong name and an echoed token are made safe, and the week completes', () => {
    const gas = school();
    gas.fault = (request, real) => {
      if (!request.url.includes('/usuario/lista_por_tag/')) return undefined;
      const answer = real();
      if (answer.status !== 200) return answer;
      const body = JSON.parse(answer.body) as { data: { usuario: { nome: string; email: string }[] } };
      const [first, second] = body.data.usuario;
      if (first) Object.assign(first, { nome: FORBIDDEN, email: `${TOKEN}@eco.example.com` });
      if (second) second.nome = LONG;
      return { ...answer, body: JSON.stringify(body) };
    };
    runWeek(gas);
    expect(lastLog(gas)[4]).toBe('Concluída');
    const cells = cellTexts(gas);
    expect(cells).toContain('Ana\uFFFD\uFFFD\uFFFD Souza 😀');
    expect(cells.some((cell) => cell.startsWith('Bruno BBB') && cell.endsWith(' […]') && cell.length === 32_767)).toBe(true);
    expect(cells.some((cell) => XML_FORBIDDEN.test(cell))).toBe(false);
    expect(cells.join('\n')).not.toContain(TOKEN);
  });
});

describe('a token no header can carry', () => {
  it('fails the run (Falhou, an alert) before any request, never showing the token', () => {
    const gas = school();
    const evil = `${TOKEN}\r\nX-Injetado: sim`;
    gas.env.properties.document.gas().setProperty('cademi.apiToken', evil);
    runWeek(gas);
    const row = lastLog(gas);
    expect(row[4]).toBe('Falhou');
    expect(String(row[12])).toMatch(/token/);
    expect(gas.env.urlFetch.log.filter((record) => !record.url.includes('hooks.slack.com'))).toHaveLength(0);
    expect(gas.env.mail.sent.at(-1)).toMatchObject({ to: ALERT_EMAIL });
    const everything = [...cellTexts(gas), ...gas.env.mail.sent.map((mail) => JSON.stringify(mail)), ...gas.env.logs.lines.map((line) => line.message)].join(
      '\n',
    );
    expect(everything).not.toContain(TOKEN);
  });

  it('is refused by the token dialog, which saves nothing and sends nothing', () => {
    const gas = school();
    const before = gas.env.urlFetch.log.length;
    gas.env.ui.scriptPrompt({ button: 'OK', text: 'abc\u0007def-ç' });
    gas.env.execute(() => gas.fns.configurarToken());
    expect(gas.env.properties.document.gas().getProperty('cademi.apiToken')).toBe(TOKEN);
    expect(gas.env.urlFetch.log.length).toBe(before);
    const shown = JSON.stringify(gas.env.ui.shown.at(-1));
    expect(shown).toMatch(/Token não salvo/);
    expect(shown).not.toContain('abc\\u0007def');
  });
});
