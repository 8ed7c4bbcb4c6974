// The built Apps Script bundle (build/Code.js) in a vm over the fakes: menu, token, triggers, a
// multi-slice weekly run, slices killed at any point, and the same rows as the Node host.

import { ensureConfigSheets } from '../../src/core/config/templates';
import { HISTORY_HEADERS } from '../../src/core/history/schema';
import { PIVOT_HEADER_ROW, PIVOT_HEADERS } from '../../src/core/report/pivot';
import { SHEET } from '../../src/core/sheets';
import { instantOfSerial } from '../../src/core/time/local-date';
import { MemoryWorkbook } from '../../src/core/workbook/memory-workbook';
import type { Cell } from '../../src/core/workbook/workbook';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { embeddedApi } from '../../src/node/embedded-api';
import { runWeek } from '../../src/node/sync-runner';
import { bundleCode } from '../../testkit/bundle';
import { topLevelFunctionNames } from '../../testkit/fakes';
import { API_URL, configure, type GasSchool, gasSchool, TOKEN } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const SIX_MINUTES = 6 * 60_000;

function history(gas: GasSchool): Cell[][] {
  return gas.env.runtime.quietly(() => new SpreadsheetWorkbook(gas.env.spreadsheet.gas()).readSheet(SHEET.history) ?? []);
}

/** "Atualizar agora", then ticks until the week is written; returns every execution's duration. */
function runWeekWithTicks(gas: GasSchool): number[] {
  const { env, fns } = gas;
  const started = env.time.now();
  env.execute(() => fns.atualizarAgora(), { context: 'ui' });
  const first = env.time.now() - started;
  const runs = env.runTriggersUntil(env.time.now() + 3 * 60 * 60_000, fns);
  for (const run of runs) expect(run.error).toBeUndefined();
  return [first, ...runs.map((run) => run.durationMs)];
}

describe('build/Code.js in Apps Script', () => {
  it('exposes exactly the entry functions, as top-level functions', () => {
    expect(topLevelFunctionNames(bundleCode()).sort()).toEqual(
      [
        'ativarAtualizacaoAutomatica',
        'atualizarAgora',
        'configurarAlertas',
        'configurarToken',
        'configurarWebhook',
        'desativarAtualizacaoAutomatica',
        'doPost',
        'gerenciarTurmas',
        'onInstall',
        'onOpen',
        'sidebarRpc',
        'tick',
        'verExecucoes',
        'verificarConexao',
      ].sort(),
    );
    expect(bundleCode()).not.toMatch(/\brequire\(/);
  });

  it('onOpen adds the Portuguese menu without touching anything that needs authorization', () => {
    const gas = gasSchool(MONDAY);
    gas.env.execute(() => gas.fns.onOpen({ authMode: 'NONE' }));
    const [menu] = gas.env.ui.menus;
    expect(menu.caption).toBe('Progresso Cademi');
    expect(menu.items.filter((item) => item.kind === 'item').map((item) => item.caption)).toEqual([
      'Atualizar agora',
      'Gerenciar turmas…',
      'Configurar token da API…',
      'Verificar conexão com a Cademi',
      'Configurar alertas do Slack…',
      'Configurar webhook da Cademi…',
      'Ativar atualização automática',
      'Desativar atualização automática',
      'Ver execuções',
    ]);
    expect(gas.env.calls('UrlFetchApp')).toEqual({});
    expect(gas.env.calls('PropertiesService')).toEqual({});
    expect(gas.env.spreadsheet.gas().getSheets()).toHaveLength(1);
  });

  it('the token dialog validates with GET /tag before saving, and shows only the last 4 characters', () => {
    const gas = gasSchool(MONDAY);
    const { env, fns } = gas;
    // An empty URL da API: a v1 key (the simulator's) has no default address, so it is not saved.
    env.ui.scriptPrompt({ button: 'OK', text: TOKEN });
    env.ui.scriptAlert('OK');
    env.execute(() => fns.configurarToken(), { context: 'ui' });
    expect(env.ui.shown.at(-1)?.prompt).toMatch(/^Token não salvo: a chave é da API v1, que precisa de "URL da API"/);
    expect(env.properties.document.data.get('cademi.apiToken')).toBeUndefined();
    expect(env.urlFetch.log).toHaveLength(0);
    const settings = env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((row) => row[0]);
    settings.getRange(keys.indexOf('URL da API') + 1, 2).setValue(API_URL);

    env.ui.scriptPrompt({ button: 'OK', text: 'chave-errada-1234' });
    env.ui.scriptAlert('OK');
    env.execute(() => fns.configurarToken(), { context: 'ui' });
    expect(env.ui.shown.at(-1)?.prompt).toMatch(/recusou a chave \(HTTP 405\)/);
    expect(env.properties.document.data.get('cademi.apiToken')).toBeUndefined();

    env.ui.scriptPrompt({ button: 'OK', text: TOKEN });
    env.ui.scriptAlert('OK');
    env.execute(() => fns.configurarToken(), { context: 'ui' });
    expect(env.ui.shown.at(-1)?.prompt).toMatch(/Token salvo \(…oken\)\. A Cademi aceitou a chave na API v1 \(GET \/tag\)/);
    expect(env.properties.document.data.get('cademi.apiToken')).toBe(TOKEN);
    expect(env.urlFetch.log.map((fetch) => fetch.url)).toEqual([`${API_URL}/tag`, `${API_URL}/tag`]);

    env.ui.scriptPrompt({ button: 'CANCEL' });
    env.execute(() => fns.configurarToken(), { context: 'ui' });
    const prompt = env.ui.shown.filter((shown) => shown.kind === 'prompt').at(-1);
    expect(prompt?.prompt).toMatch(/Atual: …oken/);
    expect(prompt?.prompt).not.toContain(TOKEN);
    for (const sheet of env.spreadsheet.gas().getSheets()) {
      expect(JSON.stringify(env.spreadsheet.sheet(sheet.getName()).dump())).not.toContain(TOKEN);
    }
  });

  it('installs one tick trigger however often it is enabled, and removes it', () => {
    const gas = gasSchool(MONDAY);
    const { env, fns } = gas;
    for (let i = 0; i < 3; i++) {
      env.ui.scriptAlert('OK');
      env.execute(() => fns.ativarAtualizacaoAutomatica(), { context: 'ui' });
    }
    expect(env.triggers.timeTriggers().map((trigger) => trigger.handler)).toEqual(['tick']);
    env.ui.scriptAlert('OK');
    env.execute(() => fns.desativarAtualizacaoAutomatica(), { context: 'ui' });
    expect(env.triggers.timeTriggers()).toHaveLength(0);
  });

  it('"Atualizar agora" plus ticks completes a multi-slice week, no execution over 6 minutes', () => {
    const gas = gasSchool(MONDAY);
    configure(gas);
    const durations = runWeekWithTicks(gas);
    expect(durations.length).toBeGreaterThanOrEqual(2);
    for (const ms of durations) expect(ms).toBeLessThan(SIX_MINUTES);

    const rows = history(gas);
    expect(rows[0]).toEqual([...HISTORY_HEADERS]);
    const expectedStudents = new Set(
      gas.school.cohorts.slice(0, 3).flatMap((cohort) => gas.school.studentsWithTagAt(cohort.tagId, MONDAY).map((student) => student.id)),
    );
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(expectedStudents);
    expect(rows.length - 1).toBe(expectedStudents.size * 3);
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).toBeNull();
    expect(gas.env.properties.document.data.get('cademi.checkpoint')).toBeUndefined();
    const log = gas.env.spreadsheet.sheet(SHEET.runs).dump();
    expect(log.slice(1).map((row) => row[4])).toEqual(['Concluída']);
    expect(gas.env.spreadsheet.toasts.map((toast) => toast.msg).join(' ')).toMatch(/continua automaticamente/);
    // The tick was only there to finish the requested run (auto-update is off).
    expect(gas.env.triggers.timeTriggers()).toHaveLength(0);
    expect(gas.simulator.stats.responses429).toBe(0);
  });

  it('with automatic updates on, the tick starts the weekly run on the configured day and hour by itself', () => {
    const sunday = mondayRun('2026-09-13'); // Sunday 06:00: not due yet
    const gas = gasSchool(sunday);
    configure(gas, { cohorts: 1 });
    gas.env.properties.document.gas().setProperty('cademi.lastCompletedWeek', '2026-09-07');
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.ativarAtualizacaoAutomatica(), { context: 'ui' });
    const runs = gas.env.runTriggersUntil(mondayRun('2026-09-14') - 60_000, gas.fns);
    expect(runs.length).toBeGreaterThan(100); // a day of idle ticks…
    expect(gas.env.urlFetch.log).toHaveLength(0); // …that called nothing
    gas.env.runTriggersUntil(mondayRun('2026-09-14') + 2 * 60 * 60_000, gas.fns);
    expect(gas.env.properties.document.data.get('cademi.lastCompletedWeek')).toBe('2026-09-14');
    expect(history(gas).length).toBeGreaterThan(1);
    expect(gas.env.triggers.timeTriggers()).toHaveLength(1); // stays for next week
  });

  it('builds the report sheets with native charts, and updates the charts in place the next week, found by id', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 2 });
    runWeekWithTicks(gas);
    const names = () =>
      gas.env.spreadsheet
        .gas()
        .getSheets()
        .map((sheet) => sheet.getName());
    expect(names()).toEqual(
      expect.arrayContaining(['Resumo', 'Contatos da semana', 'Turma 2026-07', 'Gráficos Turma 2026-07', 'Turma 2026-08', 'Gráficos Turma 2026-08']),
    );
    const chartsOf = (name: string) => gas.env.spreadsheet.sheet(name).chartSpecs();
    const idsOf = (name: string) => chartsOf(name).map((chart) => chart.chartId);
    expect(chartsOf('Gráficos Turma 2026-07')).toHaveLength(3);
    expect(chartsOf('Resumo')).toHaveLength(1);
    const pivot = gas.env.spreadsheet.sheet('Turma 2026-07');
    expect(pivot.dump()[PIVOT_HEADER_ROW].slice(0, PIVOT_HEADERS.length)).toEqual([...PIVOT_HEADERS]);
    expect(pivot.conditionalFormatRules.length).toBeGreaterThan(0);
    expect(pivot.filter).toBeTruthy();
    const [progressId, situationsId, distributionId] = idsOf('Gráficos Turma 2026-07');
    const titles = chartsOf('Gráficos Turma 2026-07').map((chart) => chart.options.title);

    // By hand, between runs: our first chart retitled (its title no longer says what it is), the third
    // deleted, and a person's own chart added with the same title as ours.
    const personal = gas.env.runtime.quietly(() => {
      const sheet = gas.env.spreadsheet.sheet('Gráficos Turma 2026-07').gas();
      const [progress, , distribution] = sheet.getCharts();
      sheet.updateChart(progress.modify().setOption('title', 'Curva (renomeada à mão)').build());
      sheet.removeChart(distribution);
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(progress.modify().getChartType())
          .addRange(sheet.getRange('A1:B5'))
          .setPosition(70, 1, 0, 0)
          .setOption('title', titles[1])
          .build(),
      );
      return sheet.getCharts().at(-1)!.getChartId();
    });

    // Next week: the same charts, updated in place; one values write per report sheet.
    gas.env.time.set(mondayRun('2026-09-21') - 60_000);
    const before = gas.env.callsBySheet();
    runWeekWithTicks(gas);
    const week2 = idsOf('Gráficos Turma 2026-07');
    expect(week2).toHaveLength(4);
    expect(week2.slice(0, 3)).toEqual([progressId, situationsId, personal]);
    expect([progressId, situationsId, distributionId, personal]).not.toContain(week2[3]); // recreated once
    expect(chartsOf('Gráficos Turma 2026-07').map((chart) => chart.options.title)).toEqual([titles[0], titles[1], titles[1], titles[2]]);
    const after = gas.env.callsBySheet();
    for (const sheet of ['Resumo', 'Turma 2026-07', 'Gráficos Turma 2026-07']) {
      expect((after[sheet]?.['Range.setValues'] ?? 0) - (before[sheet]?.['Range.setValues'] ?? 0)).toBe(1);
    }

    // A sheet as the previous version left it (charts, no records): its charts are adopted, then kept by id.
    const [resumo, cohort8] = [idsOf('Resumo'), idsOf('Gráficos Turma 2026-08')];
    gas.env.runtime.quietly(() => {
      for (const item of gas.env.spreadsheet.sheet('Gráficos Turma 2026-08').gas().getDeveloperMetadata()) item.remove();
    });
    for (const week of ['2026-09-28', '2026-10-05']) {
      gas.env.time.set(mondayRun(week) - 60_000);
      runWeekWithTicks(gas);
      expect(idsOf('Gráficos Turma 2026-07')).toEqual(week2);
      expect(idsOf('Gráficos Turma 2026-08')).toEqual(cohort8);
      expect(idsOf('Resumo')).toEqual(resumo);
    }
  });

  it('e-mails each tutor only their own students when Configuração asks for it', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 2, tutors: ['ana@escola.com', 'bruno@escola.com'], emailTutors: true });
    runWeekWithTicks(gas);
    const sent = gas.env.mail.sent;
    expect(sent.map((mail) => mail.to).sort()).toEqual(['ana@escola.com', 'bruno@escola.com']);
    // Under the title and the header, each band ("tutor · n alunos", column A only) opens a tutor's students.
    const contacts: { tutor: string; student: string }[] = [];
    let tutor = '';
    for (const row of gas.env.spreadsheet.sheet('Contatos da semana').dump().slice(2)) {
      if (row.slice(1).every((cell) => cell === '' || cell === null))
        tutor =
          String(row[0])
            .split(' · ')
            .find((part) => part.includes('@')) ?? '';
      else contacts.push({ tutor, student: String(row[0]) });
    }
    for (const mail of sent) {
      const own = contacts.filter((row) => row.tutor === mail.to).map((row) => row.student);
      const others = contacts.filter((row) => row.tutor !== mail.to).map((row) => row.student);
      expect(own.length).toBeGreaterThan(0);
      for (const name of own) expect(mail.body).toContain(name);
      for (const name of others) if (!own.includes(name)) expect(mail.body).not.toContain(`- ${name} (`);
    }
  });

  it('a second click while a slice holds the lock says so instead of starting another run', () => {
    const gas = gasSchool(MONDAY);
    configure(gas);
    gas.env.lock.holdExternally('document');
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.ui.shown.at(-1)?.prompt).toMatch(/já está em andamento/);
    expect(gas.env.urlFetch.log).toHaveLength(0);
  });

  it('the same week through the Node host and the Apps Script host gives identical Histórico rows', async () => {
    const gas = gasSchool(MONDAY);
    configure(gas);
    runWeekWithTicks(gas);
    // The run's "now" is the instant its first slice started (logged as `Início`), a moment after the click.
    const runLog = gas.env.runtime.quietly(() => new SpreadsheetWorkbook(gas.env.spreadsheet.gas()).readSheet(SHEET.runs)!);
    const clickedAt = instantOfSerial(Number(runLog[1][0]), 'America/Sao_Paulo');

    const workbook = new MemoryWorkbook();
    ensureConfigSheets(workbook);
    workbook.writeSheet(SHEET.cohorts, { rows: gas.env.runtime.quietly(() => new SpreadsheetWorkbook(gas.env.spreadsheet.gas()).readSheet(SHEET.cohorts)!) });
    const api = embeddedApi({ startAt: clickedAt, studentCount: 300 });
    await runWeek(workbook, api, { now: clickedAt, trigger: 'CLI' });
    expect(history(gas).map((row) => JSON.stringify(row))).toEqual((workbook.readSheet(SHEET.history) ?? []).map((row) => JSON.stringify(row)));
  });

  it('a slice killed at any point and resumed ends with the same Histórico as an unkilled run', () => {
    const reference = gasSchool(MONDAY);
    configure(reference, { cohorts: 2 });
    const callsBeforeClick = reference.env.killSwitch.count;
    runWeekWithTicks(reference);
    // A run killed before it saved anything starts over at a later tick, so its `Coletado em`
    // (the run's "now") is later; every other cell must be identical.
    const withoutCollectionTime = (rows: Cell[][]) => rows.map((row) => JSON.stringify(row.slice(0, 13)));
    const expected = withoutCollectionTime(history(reference));

    // The kill switch counts service calls from the click on, across executions: a kill point past
    // the click's own calls lands in a tick (including the one that writes the week).
    const totalCalls = reference.env.killSwitch.count - callsBeforeClick;
    let seed = 7;
    const killPoints = [0, 1, 3, 8, 20, 45];
    for (let i = 0; i < 10; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      killPoints.push(50 + (seed % Math.max(1, totalCalls - 100)));
    }
    for (const killAfter of killPoints) {
      const gas = gasSchool(MONDAY);
      configure(gas, { cohorts: 2 });
      gas.env.killSwitch.killAfter(killAfter);
      let clickDied = false;
      try {
        gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
      } catch {
        clickDied = true;
      }
      if (clickDied && gas.env.triggers.timeTriggers().length === 0) {
        // The click died before its request stuck: the coordinator clicks again.
        gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
      }
      const ticks = gas.env.runTriggersUntil(gas.env.time.now() + 3 * 60 * 60_000, gas.fns);
      // Every kill point really killed an execution: the test is not vacuous.
      expect(clickDied || ticks.some((run) => String(run.error).includes('Exceeded maximum execution time'))).toBe(true);
      if (gas.env.properties.document.data.get('cademi.lastCompletedWeek') !== '2026-09-14') {
        gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
        gas.env.runTriggersUntil(gas.env.time.now() + 3 * 60 * 60_000, gas.fns);
      }
      expect(withoutCollectionTime(history(gas))).toEqual(expected);
      expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).toBeNull();
    }
  });
});
