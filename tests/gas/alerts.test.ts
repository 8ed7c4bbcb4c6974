// Alerts that really arrive: a Slack answer other than 2xx is a failed alert, the e-mail paths respect
// MailApp's recipient quota, and every channel's outcome comes back for the run log.

import type { ContactEntry, WeeklyContacts } from '../../src/core/report/contacts';
import { describeDeliveries } from '../../src/core/runlog/delivery-report';
import { raiseIncident, resolveIncident } from '../../src/gas/alerts';
import { mailTutors } from '../../src/gas/tutor-mail';
import { type AppsScriptEnv, createAppsScriptEnv } from '../../testkit/fakes';

const WEBHOOK = 'https://hooks.slack.com/services/T0/B0/very-secret';
const URL = 'https://docs.google.com/spreadsheets/d/x';

function setUp(options: { mailQuota?: number; webhook?: boolean } = {}): { env: AppsScriptEnv; warnings: string[] } {
  const env = createAppsScriptEnv({
    handler: () => ({ status: 404, headers: {}, body: '' }),
    startTime: Date.UTC(2026, 8, 14, 9),
    mailQuota: options.mailQuota,
  });
  Object.assign(globalThis, { PropertiesService: env.properties, MailApp: env.mail, UrlFetchApp: env.urlFetch });
  if (options.webhook !== false) env.properties.document.gas().setProperty('cademi.slackWebhook', WEBHOOK);
  const warnings: string[] = [];
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  return { env, warnings };
}

afterEach(() => jest.restoreAllMocks());

describe('incident alerts', () => {
  it('a stored incident that does not match its schema (another version, an edit) counts as none: the next failure alerts', () => {
    const { env } = setUp({ webhook: false });
    for (const stored of ['{"kind":"outra","since":1,"message":"x"}', '{"kind":"falha","since":"ontem","message":"x"}', '[1,2]', '{']) {
      env.properties.document.gas().setProperty('cademi.incident', stored);
      expect(raiseIncident('falha', 'A Cademi respondeu 500.', 'coord@escola.com', URL)?.deliveries).toEqual([{ channel: 'e-mail', status: 'sent' }]);
      expect(JSON.parse(env.properties.document.gas().getProperty('cademi.incident')!)).toMatchObject({ kind: 'falha', message: 'A Cademi respondeu 500.' });
    }
    // A valid one is open: no second alert until it is resolved.
    expect(raiseIncident('falha', 'de novo', 'coord@escola.com', URL)).toBeNull();
  });

  it('a Slack answer other than 2xx is a failed alert, logged without the URL or the body', () => {
    const { env, warnings } = setUp();
    env.urlFetch.postHandler = () => ({ status: 404, headers: {}, body: 'no_service <script>untrusted</script>' });
    const report = raiseIncident('falha', 'A Cademi respondeu 500.', 'coord@escola.com', URL);
    expect(report?.deliveries).toEqual([
      { channel: 'e-mail', status: 'sent' },
      { channel: 'Slack', status: 'failed', reason: 'Slack respondeu HTTP 404' },
    ]);
    expect(describeDeliveries(report)).toBe('Alerta (a atualização falhou) — e-mail: enviado; Slack: falhou (Slack respondeu HTTP 404).');
    expect(warnings.join('\n')).toMatch(/Slack alert failed: Slack answered HTTP 404/);
    for (const text of [warnings.join('\n'), describeDeliveries(report)]) {
      expect(text).not.toContain('very-secret');
      expect(text).not.toContain('hooks.slack.com');
      expect(text).not.toContain('no_service');
    }
    // Still one alert per incident.
    expect(raiseIncident('falha', 'de novo', 'coord@escola.com', URL)).toBeNull();
  });

  it('a 2xx from Slack is a sent alert', () => {
    setUp();
    expect(raiseIncident('token', 'Token recusado.', '', URL)?.deliveries).toEqual([{ channel: 'Slack', status: 'sent' }]);
    expect(describeDeliveries(resolveIncident('', URL))).toBe('Alerta (resolvido) — Slack: enviado.');
    expect(resolveIncident('', URL)).toBeNull(); // nothing left to resolve
  });

  it('a Slack that cannot be reached fails without quoting the URL', () => {
    const { env, warnings } = setUp();
    env.urlFetch.postHandler = () => {
      throw new Error(`Address unavailable: ${WEBHOOK}`);
    };
    const report = raiseIncident('falha', 'x', '', URL);
    expect(report?.deliveries).toEqual([{ channel: 'Slack', status: 'failed', reason: 'o Slack não pôde ser contatado' }]);
    expect(warnings.join('\n')).toContain('[webhook do Slack]');
    expect(warnings.join('\n')).not.toContain('very-secret');
  });

  it('the alert e-mail is skipped, not attempted, when the recipient quota is spent', () => {
    const { env } = setUp({ mailQuota: 0, webhook: false });
    const report = raiseIncident('prazo', 'Semana não concluída.', 'coord@escola.com', URL);
    expect(report?.deliveries).toEqual([{ channel: 'e-mail', status: 'skipped', reason: 'cota diária de e-mails do MailApp esgotada' }]);
    expect(env.mail.sent).toHaveLength(0);
    expect(describeDeliveries(report)).toBe('Alerta (semana não concluída no prazo) — e-mail: não enviado (cota diária de e-mails do MailApp esgotada).');
  });

  it('says so when no channel is configured', () => {
    setUp({ webhook: false });
    expect(describeDeliveries(raiseIncident('falha', 'x', '', URL))).toBe('Alerta (a atualização falhou): nenhum canal configurado.');
  });
});

describe('mailTutors', () => {
  const contacts = (tutors: string[]): WeeklyContacts => {
    const entries = tutors.map(
      (tutor, index): ContactEntry => ({
        tutorEmail: tutor,
        tutorName: null,
        cohort: 'Turma',
        studentId: 1000 + index,
        student: `Aluno ${index}`,
        email: `a${index}@x.com`,
        situation: 'Em risco',
        reason: '12 dias sem acesso',
        daysWithoutAccess: 12,
        progress: 20,
        expected: 40,
        phone: null,
        whatsappUrl: null,
      }),
    );
    return { sheetName: 'Contatos da semana', week: '2026-09-14', content: { rows: [] }, entries };
  };

  it('checks the recipient quota before each send, skips what does not fit and reports how many', () => {
    const { env } = setUp({ mailQuota: 2 });
    // The second tutor cell holds two addresses: two recipients, more than the one left by then.
    const report = mailTutors(contacts(['ana@escola.com', 'bruno@escola.com, carla@escola.com', 'dani@escola.com', 'edu@escola.com']), URL);
    expect(env.mail.sent.map((mail) => mail.to)).toEqual(['ana@escola.com', 'dani@escola.com']);
    expect(report?.deliveries.map((delivery) => delivery.status)).toEqual(['sent', 'skipped', 'sent', 'skipped']);
    expect(describeDeliveries(report)).toBe('Listas dos tutores — e-mail: 2 enviados, 2 não enviados (cota diária de e-mails do MailApp esgotada).');
    expect(env.mail.getRemainingDailyQuota()).toBe(0);
  });

  it('reports nothing when there is nobody to write to', () => {
    setUp();
    expect(mailTutors({ ...contacts([]), week: null }, URL)).toBeNull();
  });
});
