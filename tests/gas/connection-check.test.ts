// "Verificar conexão com a Cademi" in the built bundle over the fakes: the report in a dialog as
// escaped text, the key from DocumentProperties never shown, nothing written to the spreadsheet.

import { SHEET } from '../../src/core/sheets';
import { DEFAULT_V3_TOKEN, productV3Id, tagV3Id } from '../../src/simulator';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

function school(): GasSchool {
  const gas = gasSchool(mondayRun('2026-09-14'), { studentCount: 30 });
  configure(gas, { cohorts: 2 });
  return gas;
}

function setCell(gas: GasSchool, sheet: string, row: number, column: number, value: string): void {
  gas.env.spreadsheet.gas().getSheetByName(sheet)!.getRange(row, column).setValue(value);
}

function setSetting(gas: GasSchool, key: string, value: string): void {
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  setCell(gas, SHEET.settings, keys.indexOf(key) + 1, 2, value);
}

/** Runs the menu item; returns the dialog's title and its text (unescaped back). */
function check(gas: GasSchool): { title: string; text: string; html: string } {
  const before = gas.env.ui.shown.length;
  gas.env.execute(() => gas.fns.verificarConexao(), { context: 'ui' });
  const shown = gas.env.ui.shown.slice(before);
  expect(shown.map((dialog) => dialog.kind)).toEqual(['modal']);
  const html = shown[0]!.html!.getContent();
  const text = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { title: shown[0]!.title ?? '', text, html };
}

const sheetsDump = (gas: GasSchool) =>
  JSON.stringify(
    gas.env.spreadsheet
      .gas()
      .getSheets()
      .map((sheet) => gas.env.spreadsheet.sheet(sheet.getName()).dump()),
  );

describe('Verificar conexão com a Cademi', () => {
  it('checks the v1 school through UrlFetchApp and shows the report, writing nothing', () => {
    const gas = school();
    const before = sheetsDump(gas);
    const { title, text } = check(gas);
    expect(title).toBe('Verificação da conexão com a Cademi (API v1)');
    expect(text).toContain('✓ URL da API: https://escola.cademi.com.br/api/v1 (aba Configuração)');
    expect(text).toContain('✓ Chave: salva nas propriedades do documento.');
    expect(text).toMatch(/✓ Turma .*: a tag \d+ responde/);
    expect(text.trim().split('\n').at(-1)).toBe('A próxima atualização pode rodar.');
    expect(gas.env.urlFetch.log.length).toBeGreaterThanOrEqual(3);
    expect(gas.simulator.stats.responses429).toBe(0);
    expect(sheetsDump(gas)).toBe(before);
  });

  it('says to replace a refused key in the token dialog, never showing the key', () => {
    const gas = school();
    gas.env.properties.document.gas().setProperty('cademi.apiToken', 'chave-velha-12345');
    const { text } = check(gas);
    expect(text).toContain('substitua-a em "Progresso Cademi › Configurar token da API…"');
    expect(text).toContain('A próxima atualização vai falhar');
    expect(text).not.toContain('chave-velha-12345');
    expect(gas.env.urlFetch.log).toHaveLength(1);
  });

  it('checks a v3 school at Cademi’s default address, contract included, and escapes what people typed', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    gas.env.properties.document.gas().setProperty('cademi.apiToken', DEFAULT_V3_TOKEN);
    const [first, second] = gas.school.cohorts;
    setCell(gas, SHEET.cohorts, 2, 1, 'Turma <b>A</b> & "B"');
    setCell(gas, SHEET.cohorts, 2, 2, tagV3Id(first!.tagId));
    setCell(gas, SHEET.cohorts, 2, 4, first!.productIds.map(productV3Id).join(', '));
    setCell(gas, SHEET.cohorts, 3, 2, tagV3Id(second!.tagId));
    setCell(gas, SHEET.cohorts, 3, 4, second!.productIds.map(productV3Id).join(', '));
    const { title, text, html } = check(gas);
    expect(title).toBe('Verificação da conexão com a Cademi (API v3)');
    expect(gas.env.urlFetch.log[0]?.url).toBe('https://api.cademi.com.br/api/v3/credentials/current');
    expect(text).toContain('✓ A Cademi aceitou a chave (GET /credentials/current), chave de teste.');
    expect(text).toMatch(/• (\d+) de \1 itens do contrato conferem/);
    expect(text).toContain('Turma Turma <b>A</b> & "B": a tag');
    expect(html).not.toContain('<b>A</b>');
    expect(text).toContain('A próxima atualização pode rodar.');
    expect(html).not.toContain(DEFAULT_V3_TOKEN);
  });
});
