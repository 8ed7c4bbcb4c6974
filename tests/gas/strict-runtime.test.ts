// build/Code.js in a vm context that holds only ECMAScript built-ins plus the Apps Script fakes (no
// Node or web globals at all), driven through every entry point over a multi-slice week; and the
// first-run self-check that stops a menu action when the platform lacks what the code relies on.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { SHEET } from '../../src/core/sheets';
import { bundleCode } from '../../testkit/bundle';
import { loadBundle } from '../../testkit/fakes';
import { builtManifest, configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { sidebarClient } from '../support/sidebar-client';

const MONDAY = mondayRun('2026-09-14');
const NODE_AND_WEB = [
  'process',
  'Buffer',
  'require',
  'module',
  'setTimeout',
  'setInterval',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'atob',
  'btoa',
  'File',
  'structuredClone',
  'queueMicrotask',
  'WebAssembly',
  'SharedArrayBuffer',
  'Atomics',
];

/** Reloads the bundle in a context with the V8 extras Apps Script lacks removed too. */
function strictBundle(gas: GasSchool): GasSchool['fns'] {
  const probe = vm.createContext({ ...gas.env.globals });
  const present = vm.runInContext('Object.getOwnPropertyNames(globalThis)', probe) as string[];
  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics']) if (present.includes(name)) gas.env.globals[name] = undefined;
  const fns = loadBundle(bundleCode(), gas.env);
  return fns;
}

describe('the bundle in a strict Apps Script runtime', () => {
  it('has no Node or web globals to lean on', () => {
    const gas = gasSchool(MONDAY);
    const context = vm.createContext({ ...gas.env.globals, WebAssembly: undefined, SharedArrayBuffer: undefined, Atomics: undefined });
    const missing = vm.runInContext(`${JSON.stringify(NODE_AND_WEB)}.filter((name) => typeof globalThis[name] !== 'undefined')`, context);
    expect(missing).toEqual([]);
  });

  it('runs every entry point through a multi-slice week', () => {
    const gas = gasSchool(MONDAY - 60 * 60_000, { studentCount: 400 });
    gas.fns = strictBundle(gas);
    const { env } = gas;
    env.execute(() => gas.fns.onOpen({ authMode: 'NONE' }));
    configure(gas, { cohorts: 3 });
    env.time.set(MONDAY);
    env.ui.scriptPrompt({ button: 'OK', text: 'https://hooks.slack.com/services/T000/B000/strict' });
    env.ui.scriptAlert('OK');
    env.execute(() => gas.fns.configurarAlertas(), { context: 'ui' });
    env.ui.scriptAlert('OK');
    env.execute(() => gas.fns.configurarWebhook(), { context: 'ui' });
    const secret = env.properties.script.data.get('cademi.webhookSecret')!;
    const body = JSON.stringify({ event_id: 'x', event_type: 'usuario.progresso', event: { usuario: { id: 1 }, produto: { id: 11 }, progresso: 10 } });
    expect(JSON.parse(env.execute(() => gas.fns.doPost({ parameter: { secret }, postData: { contents: body } }), { context: 'webapp' }).getContent())).toEqual({
      ok: true,
    });
    env.html.files.Sidebar = readFileSync(join(__dirname, '../../build/Sidebar.html'), 'utf8');
    env.execute(() => gas.fns.gerenciarTurmas(), { context: 'ui' });
    const sidebar = sidebarClient(gas);
    expect(sidebar.getState()).toHaveProperty('cohorts');
    // A too-long value: zod's size check names `File` internally, which the bundle's shim provides.
    const tooLong = { name: 'x'.repeat(500), tagId: 1, start: '2026-09-01', productIds: [11], goalTrack: null, tutorEmail: null };
    expect(() => sidebar.validateCohort(tooLong, null)).toThrow(/Dados inválidos/);
    env.ui.scriptAlert('OK');
    env.execute(() => gas.fns.ativarAtualizacaoAutomatica(), { context: 'ui' });
    env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    const runs = env.runTriggersUntil(env.time.now() + 3 * 60 * 60_000, gas.fns);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.error).toBeUndefined();
    const log = env.spreadsheet.sheet(SHEET.runs).dump();
    expect(log.some((row) => row.includes('Concluída'))).toBe(true);
    expect(env.spreadsheet.sheet(SHEET.history).dump().length).toBeGreaterThan(400);
    env.execute(() => gas.fns.verExecucoes(), { context: 'ui' });
    env.ui.scriptAlert('OK');
    env.execute(() => gas.fns.desativarAtualizacaoAutomatica(), { context: 'ui' });
    expect(env.triggers.timeTriggers()).toHaveLength(0);
  });
});

describe('first-run self-check', () => {
  it('stops the first menu action when a manifest scope was not granted, naming it', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1 });
    gas.env.properties.user.data.delete('cademi.selfCheckPassed'); // as a second person would
    gas.env.triggers.grantedScopes = builtManifest().oauthScopes.filter((scope) => !scope.endsWith('script.send_mail'));
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.ui.shown.at(-1)?.prompt).toMatch(/faltam permissões .*script\.send_mail/);
    expect(gas.env.urlFetch.log).toHaveLength(0);
    gas.env.triggers.grantedScopes = null;
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.urlFetch.log.length).toBeGreaterThan(0);
    expect(gas.env.properties.user.data.get('cademi.selfCheckPassed')).toBe(builtManifest().oauthScopes.join(' '));
  });

  it('refuses a time zone Intl does not know and an API host outside the allowlist', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1 });
    gas.env.properties.user.data.delete('cademi.selfCheckPassed');
    const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((row) => row[0]);
    settings.getRange(keys.indexOf('URL da API') + 1, 2).setValue('https://api.outraescola.com.br/api/v1');
    gas.env.spreadsheet.gas().setSpreadsheetTimeZone('Etc/Nowhere');
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    const message = gas.env.ui.shown.at(-1)?.prompt ?? '';
    expect(message).toMatch(/fuso horário "Etc\/Nowhere"/);
    expect(message).toMatch(/https:\/\/api\.outraescola\.com\.br.* não está entre os endereços permitidos/);
    expect(gas.env.urlFetch.log).toHaveLength(0);
  });
});
