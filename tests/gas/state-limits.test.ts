// build/Code.js at the PropertiesService limits: a property write that fails, a store too full for
// the checkpoint, a torn checkpoint and a broken store all end as `Falhou` in Execuções with an
// alert (or at least a console error), never as a throw; and a school with many cohorts fits.

import { cohortRow } from '../../src/core/config/templates';
import { DEFAULT_GOAL_TRACK } from '../../src/core/model/goals';
import { SHEET } from '../../src/core/sheets';
import { createSchool, createSimulator } from '../../src/simulator';
import { bundleCode } from '../../testkit/bundle';
import { createAppsScriptEnv, loadBundle } from '../../testkit/fakes';
import { MAX_VALUE_BYTES } from '../../testkit/fakes/properties';
import { configure, enforceManifest, type GasSchool, gasSchool, TOKEN } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const HOUR = 60 * 60_000;
const CHUNK = /^cademi\.checkpoint\.\d+$/;

const logRows = (gas: GasSchool) => (gas.env.spreadsheet.gas().getSheetByName(SHEET.runs) ? gas.env.spreadsheet.sheet(SHEET.runs).dump().slice(1) : []);
const outcomes = (gas: GasSchool) => logRows(gas).map((row) => row[4]);

function setSetting(gas: GasSchool, key: string, value: string): void {
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

/** A school of 500 students in 3 cohorts (a week takes several slices), alerts by e-mail, automatic updates on. */
function school(): GasSchool {
  const gas = gasSchool(MONDAY, { studentCount: 500 });
  configure(gas, { cohorts: 3 });
  setSetting(gas, 'E-mail para alertas', 'coord@escola.com');
  gas.env.ui.scriptAlert('OK');
  gas.env.execute(() => gas.fns.ativarAtualizacaoAutomatica(), { context: 'ui' });
  return gas;
}

/** "Atualizar agora" as a coordinator clicks it (a failure shows an alert dialog). */
function refreshNow(gas: GasSchool): void {
  gas.env.ui.scriptAlert('OK');
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
}

/** Ticks for `hours`; no tick may throw. */
function tickFor(gas: GasSchool, hours: number): void {
  const runs = gas.env.runTriggersUntil(gas.env.time.now() + hours * HOUR, gas.fns);
  for (const run of runs) expect(run.error).toBeUndefined();
}

describe('a property write that fails inside a slice', () => {
  it('ends the run as Falhou with an alert naming the platform error, and the next tick recovers', () => {
    const gas = school();
    const properties = gas.env.properties.document;
    const setProperties = properties.setProperties.bind(properties);
    let broken = true;
    properties.setProperties = ((values: Record<string, string>, deleteAllOthers?: boolean) => {
      if (broken && Object.keys(values).some((key) => CHUNK.test(key))) throw gas.env.runtime.exception('Argument too large: value');
      return setProperties(values, deleteAllOthers);
    }) as typeof setProperties;

    expect(() => refreshNow(gas)).not.toThrow();
    expect(outcomes(gas)).toEqual(['Falhou']);
    expect(String(logRows(gas)[0][12])).toMatch(/^A atualização parou por um erro inesperado \(Exception: Argument too large: value\)/);
    expect(gas.env.mail.sent.map((mail) => mail.subject)).toEqual(['Progresso Cademi: a atualização falhou']);
    expect(gas.env.ui.shown.at(-1)?.prompt).toMatch(/A atualização falhou: A atualização parou/);
    expect(gas.env.properties.document.data.get('cademi.checkpoint')).toBeUndefined();
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).toBeNull();
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.history)).toBeNull();

    broken = false;
    tickFor(gas, 4);
    expect(outcomes(gas)).toEqual(['Falhou', 'Concluída']);
    expect(gas.env.properties.document.data.get('cademi.lastCompletedWeek')).toBe('2026-09-14');
    expect(gas.env.mail.sent.map((mail) => mail.subject)).toEqual(['Progresso Cademi: a atualização falhou', 'Progresso Cademi: resolvido']);
  });

  it('a store other values fill refuses the checkpoint with a pt-BR message before the platform would throw', () => {
    const gas = school();
    const properties = gas.env.properties.document;
    for (let index = 0; index < 46; index++) properties.data.set(`outro.valor.${index}`, 'x'.repeat(9000));
    refreshNow(gas);
    expect(outcomes(gas)).toEqual(['Falhou']);
    expect(String(logRows(gas)[0][12])).toMatch(/O ponto de retomada da coleta \(.* KB\) não cabe nas propriedades do documento.*400,0 KB/);
    expect(gas.env.mail.sent).toHaveLength(1);

    for (let index = 0; index < 46; index++) properties.data.delete(`outro.valor.${index}`);
    tickFor(gas, 4);
    expect(outcomes(gas)).toEqual(['Falhou', 'Concluída']);
  });
});

describe('a checkpoint that cannot be trusted', () => {
  it('a chunk lost between slices is a logged, alerted failure, never a half-resumed week', () => {
    const gas = school();
    refreshNow(gas);
    expect(outcomes(gas)).toEqual([]);
    const properties = gas.env.properties.document;
    expect(properties.data.get('cademi.checkpoint')).toBeDefined();
    properties.data.delete('cademi.checkpoint.1');
    tickFor(gas, 0.25);
    expect(outcomes(gas)).toEqual(['Falhou']);
    expect(String(logRows(gas)[0][12])).toMatch(/O ponto de retomada da coleta em andamento não pôde ser lido \(falta a parte 1 de 1\)/);
    expect(gas.env.mail.sent).toHaveLength(1);
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).toBeNull();

    tickFor(gas, 4);
    expect(outcomes(gas)).toEqual(['Falhou', 'Concluída']);
  });
});

describe('when even the failure cannot be written', () => {
  it('no tick throws: what could not be recorded goes to console.error', () => {
    const gas = school();
    refreshNow(gas); // a paused week: checkpoint and staging saved
    const properties = gas.env.properties.document;
    // Every write of the run's state fails (the tick's own heartbeat, written before the slice, still works).
    const tickKeys = ['cademi.tickOwner', 'cademi.tickHeartbeat'];
    const refuse = <T extends (...args: never[]) => unknown>(write: T, keysOf: (...args: Parameters<T>) => string[]) =>
      ((...args: Parameters<T>) => {
        if (keysOf(...args).some((key) => !tickKeys.includes(key))) throw gas.env.runtime.exception('Service unavailable: Properties');
        return write(...args);
      }) as unknown as T;
    properties.setProperties = refuse(properties.setProperties.bind(properties), (values) => Object.keys(values));
    properties.setProperty = refuse(properties.setProperty.bind(properties), (key) => [key]);
    properties.deleteProperty = refuse(properties.deleteProperty.bind(properties), (key) => [key]);
    gas.env.spreadsheet.insertSheet = (() => {
      throw gas.env.runtime.exception('Service unavailable: Spreadsheets');
    }) as never; // Execuções does not exist yet: the log row cannot be written either

    tickFor(gas, 1);
    const errors = gas.env.logs.lines.filter((line) => line.level === 'error').map((line) => line.message);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/failed run not fully recorded \(.*clear checkpoint: Exception: Service unavailable: Properties.*append run log: Exception/);
    // The cursor could not be cleared, so its staging was kept: a later resume is never missing students.
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).not.toBeNull();
    expect(gas.env.logs.text()).not.toContain(TOKEN);
  });
});

describe('a slice killed while completing its week', () => {
  it('is redone as the same run: Execuções logs it once, wherever in the completion it died', () => {
    const reference = gasSchool(MONDAY);
    configure(reference, { cohorts: 1 });
    const before = reference.env.killSwitch.count;
    reference.env.execute(() => reference.fns.atualizarAgora(), { context: 'ui' });
    const total = reference.env.killSwitch.count - before; // a one-slice week
    expect(outcomes(reference)).toEqual(['Concluída']);
    const doubled: number[] = [];
    for (let killAfter = total - 60; killAfter < total; killAfter += 3) {
      const gas = gasSchool(MONDAY);
      configure(gas, { cohorts: 1 });
      gas.env.killSwitch.killAfter(killAfter);
      expect(() => gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' })).toThrow(/Exceeded maximum execution time/);
      tickFor(gas, 3);
      if (outcomes(gas).filter((outcome) => outcome === 'Concluída').length !== 1) doubled.push(killAfter);
      expect(gas.env.properties.document.data.get('cademi.lastCompletedWeek')).toBe('2026-09-14');
    }
    expect(doubled).toEqual([]);
  });
});

describe('many cohorts', () => {
  /** Cohorts on their own tags (1001…), answered by the simulator's started cohort tags, 25 students a page. */
  function manyCohorts(count: number): GasSchool {
    const school = createSchool({ studentCount: 300 });
    const started = school.cohorts.filter((cohort) => cohort.start <= '2026-09-14');
    const realTag = (tagId: number) => started[(tagId - 1001) % started.length].tagId;
    let simulator: ReturnType<typeof createSimulator> | undefined;
    const env = createAppsScriptEnv({
      startTime: MONDAY,
      latencyMs: 150,
      handler: (request) =>
        simulator!.handle({ ...request, url: request.url.replace(/\/lista_por_tag\/(\d{4,})(?=[/?]|$)/, (_, id) => `/lista_por_tag/${realTag(Number(id))}`) }),
    });
    simulator = createSimulator({ clock: env.time, school, token: TOKEN, pageSize: 25 });
    enforceManifest(env);
    const gas: GasSchool = { env, fns: loadBundle(bundleCode(), env), simulator, school };
    configure(gas, { cohorts: 1 });
    const rows = Array.from({ length: count }, (_, index) => {
      const model = started[index % started.length];
      return cohortRow({
        ...model,
        name: `${model.name} grupo ${index + 1}`,
        tagId: 1001 + index,
        goalTrack: DEFAULT_GOAL_TRACK.name,
        tutorEmail: 'tutora@escola.com.br',
        active: true,
      });
    });
    const turmas = env.spreadsheet.gas().getSheetByName(SHEET.cohorts)!;
    if (turmas.getMaxRows() < rows.length + 1) turmas.insertRowsAfter(turmas.getMaxRows(), rows.length + 1 - turmas.getMaxRows());
    turmas.getRange(2, 1, rows.length, 7).setValues(rows);
    return gas;
  }

  it('a week of 1,100 active cohorts with several pages each runs in many slices, its checkpoint chunked within the limits', () => {
    const gas = manyCohorts(1100);
    const properties = gas.env.properties.document;
    const setProperties = properties.setProperties.bind(properties);
    const checkpointWrites: { chunks: number; storeBytes: number; largest: number }[] = [];
    properties.setProperties = ((values: Record<string, string>, deleteAllOthers?: boolean) => {
      const result = setProperties(values, deleteAllOthers);
      if ('cademi.checkpoint' in values) {
        const sizes = [...properties.data.values()].map((value) => Buffer.byteLength(value));
        checkpointWrites.push({
          chunks: Object.keys(values).filter((key) => CHUNK.test(key) && values[key] !== '').length,
          storeBytes: properties.sizeBytes(),
          largest: Math.max(...sizes),
        });
      }
      return result;
    }) as typeof setProperties;
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    tickFor(gas, 12);
    expect(outcomes(gas)).toEqual(['Concluída']);
    expect(gas.env.urlFetch.log.filter((fetch) => fetch.url.includes('/lista_por_tag/')).length).toBeGreaterThanOrEqual(3 * 1100); // several pages each
    expect(checkpointWrites.length).toBeGreaterThan(4);
    expect(Math.max(...checkpointWrites.map((write) => write.chunks))).toBe(2); // 1,100 listed cohorts: 8.8 KB
    for (const write of checkpointWrites) {
      expect(write.largest).toBeLessThan(MAX_VALUE_BYTES);
      expect(write.storeBytes).toBeLessThan(400 * 1024);
    }
    expect([...properties.data.keys()].filter((key) => key.startsWith('cademi.checkpoint'))).toEqual([]);
  });
});
