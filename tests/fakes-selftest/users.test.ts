// Self-tests: triggers belong to the editor who created them (visibility, deletion, limits, who a
// trigger runs as), and MailApp's quota counts recipients.

import type { FakeScriptApp, FakeSession } from '../../testkit/fakes';
import { createMailApp, createScriptApp, createSession, Runtime } from '../../testkit/fakes';
import { MAX_TRIGGERS } from '../../testkit/fakes/script-app';

const START = Date.UTC(2026, 2, 2, 12);
const ANA = 'ana@escola.com';
const BRUNO = 'bruno@escola.com';

function twoEditors(options: { addon?: boolean } = {}): { app: FakeScriptApp; session: FakeSession; g: GoogleAppsScript.Script.ScriptApp } {
  const rt = new Runtime({ startTime: START });
  const session = createSession(rt, { activeUserEmail: ANA });
  const app = createScriptApp(rt, {
    documentId: 'doc-1',
    addon: options.addon,
    users: { current: () => session.activeUserEmail, runAs: (user, f) => session.runAs(user, f) },
  });
  return { app, session, g: app.gas() };
}

test('each editor sees and deletes only their own triggers', () => {
  const { app, session, g } = twoEditors();
  const anaTick = g.newTrigger('tick').timeBased().everyMinutes(10).create();
  session.activeUserEmail = BRUNO;
  expect(g.getProjectTriggers()).toEqual([]);
  const brunoTick = g.newTrigger('tick').timeBased().everyMinutes(10).create();
  expect(g.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([brunoTick.getUniqueId()]);
  expect(() => g.deleteTrigger(anaTick)).toThrow(/belongs to another user/);
  expect(app.triggers).toHaveLength(2);
  session.activeUserEmail = ANA;
  expect(g.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([anaTick.getUniqueId()]);
  expect(app.ownedBy(BRUNO).map((t) => t.id)).toEqual([brunoTick.getUniqueId()]);
  g.deleteTrigger(anaTick);
  expect(app.triggers.map((t) => t.owner)).toEqual([BRUNO]);
});

test("getUserTriggers(document) lists only the current user's triggers in that document", () => {
  const { session, g } = twoEditors();
  g.newTrigger('tick').timeBased().everyHours(1).create();
  session.activeUserEmail = BRUNO;
  const document = { getId: () => 'doc-1' } as GoogleAppsScript.Spreadsheet.Spreadsheet;
  expect(g.getUserTriggers(document)).toEqual([]);
  g.newTrigger('tick').timeBased().everyHours(1).create();
  expect(g.getUserTriggers(document)).toHaveLength(1);
});

test('the 20-triggers limit and the add-on one-clock-trigger rule count per user', () => {
  const { session, g } = twoEditors();
  for (let i = 0; i < MAX_TRIGGERS; i++) g.newTrigger(`f${i}`).timeBased().everyHours(1).create();
  expect(() => g.newTrigger('one-more').timeBased().everyHours(1).create()).toThrow(/too many triggers/);
  session.activeUserEmail = BRUNO;
  expect(() => g.newTrigger('tick').timeBased().everyHours(1).create()).not.toThrow();

  const addon = twoEditors({ addon: true });
  addon.g.newTrigger('tick').timeBased().everyHours(1).create();
  expect(() => addon.g.newTrigger('tick').timeBased().everyHours(1).create()).toThrow(/only one CLOCK trigger per user per document/);
  addon.session.activeUserEmail = BRUNO;
  expect(() => addon.g.newTrigger('tick').timeBased().everyHours(1).create()).not.toThrow();
});

test('the scheduler runs each trigger as its owner and restores the session afterwards', () => {
  const { app, session, g } = twoEditors();
  g.newTrigger('tick').timeBased().everyMinutes(30).create();
  session.activeUserEmail = BRUNO;
  g.newTrigger('tick').timeBased().everyMinutes(30).create();
  session.activeUserEmail = 'carla@escola.com';
  const seen: string[] = [];
  const runs = app.runUntil(START + 31 * 60_000, {
    tick: (event: { triggerUid: string }) => {
      const own = g.getProjectTriggers().map((t) => t.getUniqueId());
      seen.push(`${session.getEffectiveUser().getEmail()}/${session.getActiveUser().getEmail()}:${own.includes(event.triggerUid)}`);
    },
  });
  expect(runs).toHaveLength(2);
  expect(seen).toEqual([`${ANA}/${ANA}:true`, `${BRUNO}/${BRUNO}:true`]);
  expect(session.activeUserEmail).toBe('carla@escola.com');
  expect(session.getEffectiveUser().getEmail()).toBe('carla@escola.com');
});

test('the session may hide e-mails (consumer accounts) while the person stays the same', () => {
  const session = createSession(new Runtime({ startTime: START }), { activeUserEmail: ANA, emailsHidden: true });
  expect(session.getActiveUser().getEmail()).toBe('');
  expect(session.getEffectiveUser().getEmail()).toBe('');
  expect(session.activeUserEmail).toBe(ANA);
  session.emailsHidden = false;
  session.effectiveUserEmail = BRUNO;
  expect(session.getEffectiveUser().getEmail()).toBe(BRUNO);
  session.runAs(ANA, () => expect(session.getEffectiveUser().getEmail()).toBe(ANA));
  expect(session.getEffectiveUser().getEmail()).toBe(BRUNO);
});

test("MailApp's daily quota counts recipients (To, Cc and Bcc)", () => {
  const mail = createMailApp(new Runtime({ startTime: START }), 5);
  mail.gas().sendEmail({ to: 'a@x.com, b@x.com', cc: 'c@x.com', subject: 'S', body: 'b' });
  expect(mail.gas().getRemainingDailyQuota()).toBe(2);
  expect(() => mail.gas().sendEmail({ to: 'd@x.com', bcc: 'e@x.com,f@x.com', subject: 'S', body: 'b' })).toThrow(/too many times for one day: email/);
  mail.gas().sendEmail('d@x.com', 'S', 'b', { bcc: 'e@x.com' });
  expect(mail.gas().getRemainingDailyQuota()).toBe(0);
});
