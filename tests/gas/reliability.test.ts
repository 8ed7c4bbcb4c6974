// Failures are never silent and never lose history: one alert per incident, a log row per failed
// run, a quota pause that resumes the next day, and a week that could not finish dropped whole.

import { SHEET } from '../../src/core/sheets';
import { configure, type GasSchool, gasSchool, TOKEN } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');

function setSetting(gas: GasSchool, key: string, value: string): void {
  const settings = gas.env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf(key) + 1, 2).setValue(value);
}

const logRows = (gas: GasSchool) => gas.env.spreadsheet.sheet(SHEET.runs).dump().slice(1);

describe('alerts and the run log', () => {
  it('a rejected token gives one alert and one log row per incident, and a "resolved" message after the fix', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1, token: 'token-revogado' });
    setSetting(gas, 'E-mail para alertas', 'coord@escola.com');
    gas.env.properties.document.gas().setProperty('cademi.slackWebhook', 'https://hooks.slack.com/services/T0/B0/secret');
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });

    expect(logRows(gas).map((row) => row[4])).toEqual(['Falhou', 'Falhou']);
    expect(String(logRows(gas)[0][12])).toMatch(/token/i);
    expect(gas.env.mail.sent).toHaveLength(1);
    expect(gas.env.mail.sent[0]).toMatchObject({ to: 'coord@escola.com', subject: 'Progresso Cademi: o token da API foi recusado' });
    const slack = gas.env.urlFetch.log.filter((fetch) => fetch.url.startsWith('https://hooks.slack.com'));
    expect(slack).toHaveLength(1);
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.history)).toBeNull(); // no half week

    gas.env.properties.document.gas().setProperty('cademi.apiToken', TOKEN);
    gas.env.properties.document.gas().deleteProperty('cademi.lastFailureAt');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    expect(logRows(gas).map((row) => row[4])).toEqual(['Falhou', 'Falhou', 'Concluída']);
    expect(gas.env.mail.sent.map((mail) => mail.subject)).toEqual(['Progresso Cademi: o token da API foi recusado', 'Progresso Cademi: resolvido']);
    // Secrets stay out of every cell and every log line.
    for (const sheet of gas.env.spreadsheet.gas().getSheets()) {
      const text = JSON.stringify(gas.env.spreadsheet.sheet(sheet.getName()).dump());
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('token-revogado');
      expect(text).not.toContain('hooks.slack.com');
    }
    expect(gas.env.logs.text()).not.toContain(TOKEN);
  });

  it('protects the sheets the job owns with a warning only', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1 });
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    for (const name of [SHEET.history, SHEET.runs, 'Resumo', 'Turma 2026-07']) {
      const protections = gas.env.spreadsheet.sheet(name).protections;
      expect(protections).toHaveLength(1);
      expect(protections[0].isWarningOnly()).toBe(true);
    }
    expect(gas.env.spreadsheet.sheet(SHEET.cohorts).protections).toHaveLength(0);
  });
});

describe('limits', () => {
  it('pauses when the daily UrlFetch quota runs out and finishes the week the next day', () => {
    // The school's week needs ~400 calls; the quota allows 250 a day.
    const gas = gasSchool(MONDAY, { urlFetchQuota: 250 });
    configure(gas, { cohorts: 2 });
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 3 * 24 * 60 * 60_000, gas.fns);
    const outcomes = logRows(gas).map((row) => row[4]);
    expect(outcomes).toContain('Em andamento');
    expect(outcomes.at(-1)).toBe('Concluída');
    expect(String(logRows(gas).find((row) => row[4] === 'Em andamento')?.[12])).toMatch(/Cota diária/);
    expect(gas.env.properties.document.data.get('cademi.lastCompletedWeek')).toBe('2026-09-14');
  });

  it('drops a week that could not finish before the week ended, logging why, with no partial week in Histórico', () => {
    const gas = gasSchool(MONDAY, { studentCount: 500 });
    configure(gas, { cohorts: 3 });
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.properties.document.data.get('cademi.checkpoint')).toBeDefined();
    // No tick runs for a week (triggers deleted by someone); the next one comes on the following Monday.
    gas.env.triggers.triggers.length = 0;
    gas.env.time.set(mondayRun('2026-09-21') + 60_000);
    gas.env.execute(() => gas.fns.tick(), { context: 'trigger' });
    const last = logRows(gas).at(-1)!;
    expect(last[4]).toBe('Falhou');
    expect(String(last[12])).toMatch(/semana 14\/09\/2026 não foi concluída/);
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.history)).toBeNull();
    expect(gas.env.spreadsheet.gas().getSheetByName(SHEET.staging)).toBeNull();
  });
});

describe('alerts that really arrive', () => {
  it('a Slack answer other than 2xx counts as a failed alert, logged without the URL or the body', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1, token: 'token-revogado' });
    gas.env.properties.document.gas().setProperty('cademi.slackWebhook', 'https://hooks.slack.com/services/T0/B0/very-secret');
    gas.env.urlFetch.postHandler = () => ({ status: 404, headers: {}, body: 'no_service-untrusted' });
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.logs.text()).toMatch(/Slack alert failed: Slack answered HTTP 404/);
    expect(gas.env.logs.text()).not.toContain('very-secret');
    expect(gas.env.logs.text()).not.toContain('no_service-untrusted');
  });

  it("tutor lists that do not fit the day's MailApp recipient quota are skipped, and the week still completes", () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 2, tutors: ['ana@escola.com', 'bruno@escola.com'], emailTutors: true });
    gas.env.mail.dailyQuota = 1;
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    gas.env.runTriggersUntil(gas.env.time.now() + 60 * 60_000, gas.fns);
    expect(logRows(gas).map((row) => row[4])).toEqual(['Concluída']);
    expect(gas.env.mail.sent).toHaveLength(1);
    expect(gas.env.logs.text()).toMatch(/tutor e-mails: 1 of 2 skipped/);
  });
});

describe('secrets in failures', () => {
  it('a Slack webhook that fails is logged without its URL', () => {
    const gas = gasSchool(MONDAY);
    configure(gas, { cohorts: 1, token: 'token-revogado' });
    const webhook = 'https://hooks.slack.com/services/T0/B0/very-secret';
    gas.env.properties.document.gas().setProperty('cademi.slackWebhook', webhook);
    gas.env.urlFetch.postHandler = () => {
      throw new Error(`Address unavailable: ${webhook}`);
    };
    gas.env.ui.scriptAlert('OK');
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
    expect(gas.env.logs.text()).toMatch(/Slack alert failed/);
    expect(gas.env.logs.text()).not.toContain('very-secret');
    for (const sheet of gas.env.spreadsheet.gas().getSheets())
      expect(JSON.stringify(gas.env.spreadsheet.sheet(sheet.getName()).dump())).not.toContain('very-secret');
  });
});
