// Issue 11, class 6, in the Apps Script bundle: an invalid `URL da API` is named, cell and all, by every
// entry point that would send a request (a run, the token dialog, the sidebar), before the token is
// even read, so it is never reported as a missing or refused key; nothing is sent.

import { SHEET } from '../../src/core/sheets';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar } from '../support/sidebar-client';

const BAD_URL = 'http://escola.cademi.com.br/api/v1';
const NAMES_THE_CELL =
  /^Configuração, linha \d+, coluna Valor: URL da API: "http:\/\/escola\.cademi\.com\.br\/api\/v1" usa http:\/\/.*Corrija a célula URL da API/s;

function schoolWithBadUrl(options: { token: boolean }): GasSchool {
  const gas = gasSchool(mondayRun('2026-09-14'), { studentCount: 12 });
  configure(gas, { cohorts: 1 });
  if (!options.token) gas.env.properties.document.gas().deleteProperty('cademi.apiToken');
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf('URL da API') + 1, 2).setValue(BAD_URL);
  return gas;
}

const lastAlert = (gas: GasSchool) => gas.env.ui.shown.at(-1)?.prompt ?? '';

describe('an invalid URL da API in Apps Script', () => {
  it.each([{ token: false }, { token: true }])(
    '"Atualizar agora" (token saved: $token) fails naming the cell, never the token; nothing is sent',
    ({ token }) => {
      const gas = schoolWithBadUrl({ token });
      gas.env.ui.scriptAlert('OK');
      gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
      expect(lastAlert(gas)).toMatch(/^A atualização falhou: /);
      expect(lastAlert(gas).replace(/^A atualização falhou: /, '')).toMatch(NAMES_THE_CELL);
      expect(lastAlert(gas)).not.toMatch(/token|chave/i);
      expect(gas.env.urlFetch.log).toHaveLength(0);
      const runs = gas.env.spreadsheet.sheet(SHEET.runs).dump();
      expect(JSON.stringify(runs.at(-1))).toMatch(/Falhou/);
      expect(JSON.stringify(runs.at(-1))).toMatch(/URL da API/);
    },
  );

  it('the token dialog names the cell instead of asking for a key (and does not say "fill it in")', () => {
    const gas = schoolWithBadUrl({ token: false });
    const prompts = gas.env.ui.shown.length;
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.configurarToken(), { context: 'ui' });
    expect(gas.env.ui.shown.slice(prompts).map((shown) => shown.kind)).toEqual(['alert']);
    expect(lastAlert(gas)).toMatch(NAMES_THE_CELL);
    expect(lastAlert(gas)).not.toMatch(/Preencha|Configure "URL da API"/);
    expect(gas.env.urlFetch.log).toHaveLength(0);
  });

  it('the sidebar lists no tags and says which cell to fix', () => {
    const gas = schoolWithBadUrl({ token: true });
    let message = '';
    try {
      sidebar(gas).listTags();
    } catch (error) {
      message = String((error as Error).message);
    }
    expect(message).toMatch(NAMES_THE_CELL);
    expect(gas.env.urlFetch.log).toHaveLength(0);
  });
});
