// Issue 14, part 2, in the Apps Script bundle: `Versão da API`, the key and `URL da API` pick the
// generation. The token dialog checks a v3 key with GET /credentials/current (an empty URL meaning
// Cademi's default v3 base, which the built manifest allowlists), a v1 key with GET /tag as before;
// the weekly run and the sidebar follow the same choice.

import { V3_CONTRACT } from '../../src/core/cademi-v3/contract';
import { SHEET } from '../../src/core/sheets';
import { DEFAULT_V3_TOKEN } from '../../src/simulator';
import { API_URL, configure, type GasSchool, gasSchool, TOKEN } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient as sidebar } from '../support/sidebar-client';

const V3_DEFAULT = V3_CONTRACT.defaultBaseUrl;
const WRONG_V3_KEY = 'ck_live_revogada9f2c';

function school(): GasSchool {
  const gas = gasSchool(mondayRun('2026-09-14'), { studentCount: 12 });
  configure(gas, { cohorts: 1 });
  gas.env.properties.document.gas().deleteProperty('cademi.apiToken');
  return gas;
}

function setSetting(gas: GasSchool, key: string, value: string): void {
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  expect(keys).toContain(key);
  settings.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

/** Types `key` into the token dialog and returns the dialogs it showed. */
function typeKey(gas: GasSchool, key: string): { kind: string; prompt?: string }[] {
  const before = gas.env.ui.shown.length;
  gas.env.ui.scriptPrompt({ button: 'OK', text: key });
  gas.env.ui.scriptAlert('OK');
  gas.env.execute(() => gas.fns.configurarToken(), { context: 'ui' });
  return gas.env.ui.shown.slice(before);
}

const savedToken = (gas: GasSchool) => gas.env.properties.document.gas().getProperty('cademi.apiToken');
const fetched = (gas: GasSchool) => gas.env.urlFetch.log.map((record) => record.url).filter((url) => !url.includes('hooks.slack.com'));

/** Nothing the person or the logs can read carries the key: dialogs, cells, logs. */
function expectKeyNowhere(gas: GasSchool, key: string): void {
  // What the code displayed (the fake also records what the person typed into the prompt).
  expect(gas.env.ui.shown.map((dialog) => `${dialog.title ?? ''} ${dialog.prompt ?? ''}`).join('\n')).not.toContain(key);
  expect(gas.env.logs.text()).not.toContain(key);
  for (const sheet of gas.env.spreadsheet.gas().getSheets()) {
    expect(JSON.stringify(gas.env.spreadsheet.sheet(sheet.getName()).dump())).not.toContain(key);
  }
}

describe('the token dialog picks the API the key is for', () => {
  it('checks a v3 key with GET /credentials/current at Cademi’s default v3 base when URL da API is empty, and saves it', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    const shown = typeKey(gas, DEFAULT_V3_TOKEN);
    expect(shown.map((dialog) => dialog.kind)).toEqual(['prompt', 'alert']);
    expect(shown[1]?.prompt).toBe('Token salvo (…ador). A Cademi aceitou a chave na API v3 (GET /credentials/current).');
    expect(savedToken(gas)).toBe(DEFAULT_V3_TOKEN);
    // One call, through the built manifest's allowlist, to the default host; the key only in its header.
    expect(fetched(gas)).toEqual([`${V3_DEFAULT}/credentials/current`]);
    expect(V3_DEFAULT).toMatch(/^https:\/\/api\.cademi\.com\.br\//);
    expect(gas.env.urlFetch.log[0]?.url).not.toContain(DEFAULT_V3_TOKEN);
    expect(gas.simulator.stats.byStatus[200]).toBe(1);
    expectKeyNowhere(gas, DEFAULT_V3_TOKEN);
  });

  it('refuses a v3 key Cademi answers 401 for, names the API and the call, and saves nothing', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    const shown = typeKey(gas, WRONG_V3_KEY);
    expect(shown.at(-1)?.prompt).toBe(
      'Token não salvo: a Cademi recusou a chave (HTTP 401, código invalid_credential) na API v3 (GET /credentials/current). Confira se ela está completa e ativa.',
    );
    expect(savedToken(gas)).toBeNull();
    expect(fetched(gas)).toEqual([`${V3_DEFAULT}/credentials/current`]);
    expectKeyNowhere(gas, WRONG_V3_KEY);
  });

  it('on a school’s own domain, a v3 key goes to its /api/v3 (a …/api/v1 cell is read as the same school)', () => {
    const gas = school();
    // configure() left URL da API at the school's v1 address.
    expect(typeKey(gas, DEFAULT_V3_TOKEN).at(-1)?.prompt).toMatch(/^Token salvo .*API v3/);
    expect(fetched(gas)).toEqual([`${API_URL.replace(/\/api\/v1$/, '/api/v3')}/credentials/current`]);
  });

  it('Versão da API = v3 checks on v3 whatever the key looks like (Cademi refuses one that is not a v3 key)', () => {
    const gas = school();
    setSetting(gas, 'Versão da API', 'v3');
    setSetting(gas, 'URL da API', '');
    expect(typeKey(gas, TOKEN).at(-1)?.prompt).toMatch(/^Token não salvo: a Cademi recusou a chave \(HTTP 401.*na API v3/);
    expect(fetched(gas)).toEqual([`${V3_DEFAULT}/credentials/current`]);
    expect(savedToken(gas)).toBeNull();
  });

  it('a v1 key is still checked with GET /tag at URL da API, and saved', () => {
    const gas = school();
    expect(typeKey(gas, TOKEN).at(-1)?.prompt).toBe('Token salvo (…oken). A Cademi aceitou a chave na API v1 (GET /tag).');
    expect(fetched(gas)).toEqual([`${API_URL}/tag`]);
    expect(savedToken(gas)).toBe(TOKEN);
  });

  it('Versão da API = v1 checks even a ck_ key on v1', () => {
    const gas = school();
    setSetting(gas, 'Versão da API', 'v1');
    expect(typeKey(gas, DEFAULT_V3_TOKEN).at(-1)?.prompt).toMatch(/^Token não salvo: a Cademi recusou a chave \(HTTP 405\) na API v1 \(GET \/tag\)/);
    expect(fetched(gas)).toEqual([`${API_URL}/tag`]);
    expect(savedToken(gas)).toBeNull();
  });

  it('an empty URL da API refuses a v1 key after it is typed under automática, and before asking under v1; nothing is sent', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    expect(typeKey(gas, TOKEN).at(-1)?.prompt).toMatch(/^Token não salvo: a chave é da API v1, que precisa de "URL da API" na aba Configuração/);
    expect(savedToken(gas)).toBeNull();

    setSetting(gas, 'Versão da API', 'v1');
    const before = gas.env.ui.shown.length;
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.configurarToken(), { context: 'ui' });
    expect(gas.env.ui.shown.slice(before).map((dialog) => [dialog.kind, dialog.prompt])).toEqual([['alert', expect.stringMatching(/^Configure "URL da API"/)]]);
    expect(fetched(gas)).toEqual([]);
  });
});

describe('the weekly run and the sidebar follow the same choice', () => {
  it('"Atualizar agora" with a v3 key and an empty URL da API is not refused for the URL, and calls only Cademi’s default v3 base', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    gas.env.properties.document.gas().setProperty('cademi.apiToken', DEFAULT_V3_TOKEN);
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(JSON.stringify(gas.env.ui.shown)).not.toMatch(/Configure \\"URL da API\\"/);
    expect(JSON.stringify(gas.env.spreadsheet.sheet(SHEET.runs).dump())).not.toMatch(/Configure \\"URL da API\\"/);
    for (const url of fetched(gas)) expect(url.startsWith(`${V3_DEFAULT}/`)).toBe(true);
    expectKeyNowhere(gas, DEFAULT_V3_TOKEN);
  });

  it('"Atualizar agora" with a v1 key and an empty URL da API is refused as before, nothing sent', () => {
    const gas = school();
    setSetting(gas, 'URL da API', '');
    gas.env.properties.document.gas().setProperty('cademi.apiToken', TOKEN);
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.ui.shown.at(-1)?.prompt).toMatch(/^A atualização falhou: Configure "URL da API"/);
    expect(fetched(gas)).toEqual([]);
  });

  it('the sidebar’s Cademi look-ups (v1 endpoints) say so for a v3 key instead of calling v1 paths on v3; nothing is sent', () => {
    const gas = school();
    gas.env.properties.document.gas().setProperty('cademi.apiToken', DEFAULT_V3_TOKEN);
    expect(() => sidebar(gas).listTags()).toThrow(/Com a API v3 da Cademi .* a barra lateral ainda não consulta a Cademi/);
    expect(fetched(gas)).toEqual([]);
  });
});
