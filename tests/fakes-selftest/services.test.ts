// Self-tests: properties, locks, triggers, UrlFetch, Utilities, Mail and HtmlService fakes.
import {
  createHtmlService,
  createLockService,
  createMailApp,
  createPropertiesService,
  createScriptApp,
  createUrlFetchApp,
  createUtilities,
  type FetchHandler,
  Runtime,
} from '../../testkit/fakes';

const START = Date.UTC(2026, 2, 2, 12);
const ok: FetchHandler = (req) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: req.url }) });

test('properties: separate stores, 9 KB per value, 500 KB per store', () => {
  const service = createPropertiesService(new Runtime({ startTime: START })).gas();
  const script = service.getScriptProperties();
  script.setProperty('k', 'v');
  expect(service.getDocumentProperties().getProperty('k')).toBeNull();
  expect(script.getProperty('k')).toBe('v');
  expect(() => script.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
  for (let i = 0; i < 56; i++) script.setProperty(`p${i}`, 'x'.repeat(9000));
  expect(() => script.setProperty('p56', 'x'.repeat(9000))).toThrow(/exceeded the property storage quota/);
  script.setProperties({ a: '1' }, true);
  expect(script.getKeys()).toEqual(['a']);
  script.deleteAllProperties();
  expect(script.getProperties()).toEqual({});
});

test('locks: contention with an external holder, waiting in virtual time', () => {
  const rt = new Runtime({ startTime: START });
  const service = createLockService(rt);
  service.holdExternally('script');
  const lock = service.getScriptLock();
  const before = rt.time.now();
  expect(lock.tryLock(5000)).toBe(false);
  expect(rt.time.now() - before).toBeGreaterThanOrEqual(5000);
  expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
  service.holdExternally('script', 2000);
  expect(lock.tryLock(10_000)).toBe(true);
  expect(lock.hasLock()).toBe(true);
  expect(service.getScriptLock().tryLock(0)).toBe(false); // a second handle contends too
  lock.releaseLock();
  expect(service.holder('script')).toBeNull();
  expect(service.getDocumentLock().tryLock(0)).toBe(true);
  service.releaseAll();
  expect(service.holder('document')).toBeNull();
});

test('locks: a web app has no document lock, only the script and user locks', () => {
  const service = createLockService(new Runtime({ startTime: START }));
  service.inWebApp = true;
  expect(service.getDocumentLock()).toBeNull();
  expect(service.getScriptLock().tryLock(0)).toBe(true);
  service.inWebApp = false;
  expect(service.getDocumentLock().tryLock(0)).toBe(true);
});

test('triggers: builder rules, registry, and the scheduler', () => {
  const rt = new Runtime({ startTime: START });
  const app = createScriptApp(rt, { documentId: 'doc-1' });
  const g = app.gas();
  expect(() => g.newTrigger('tick').timeBased().everyMinutes(7).create()).toThrow(/everyMinutes.*1, 5, 10, 15, 30/);
  const tick = g.newTrigger('tick').timeBased().everyMinutes(10).create();
  g.newTrigger('weekly').timeBased().onWeekDay(g.WeekDay.MONDAY).atHour(6).create();
  g.newTrigger('onOpenInstalled').forSpreadsheet('doc-1').onOpen().create();
  expect(g.getProjectTriggers().map((t) => [t.getHandlerFunction(), t.getEventType()])).toEqual([
    ['tick', g.EventType.CLOCK],
    ['weekly', g.EventType.CLOCK],
    ['onOpenInstalled', g.EventType.ON_OPEN],
  ]);
  expect(tick.getTriggerSource()).toBe(g.TriggerSource.CLOCK);
  const calls: string[] = [];
  const runs = app.runUntil(
    START + 61 * 60_000, // created at +0.2 s, fires every 10 min after
    { tick: () => calls.push('tick'), weekly: () => calls.push('weekly') },
  );
  expect(runs).toHaveLength(6);
  expect(calls.every((c) => c === 'tick')).toBe(true);
  g.deleteTrigger(tick);
  expect(app.timeTriggers().map((t) => t.handler)).toEqual(['weekly']);
  const addon = createScriptApp(rt, { documentId: 'doc-1', addon: true }).gas();
  expect(() => addon.newTrigger('tick').timeBased().everyMinutes(10).create()).toThrow(/once per hour/);
  addon.newTrigger('tick').timeBased().everyHours(1).create();
  expect(() => addon.newTrigger('other').timeBased().everyHours(2).create()).toThrow(/only one CLOCK trigger/);
});

test('UrlFetch: routes to the handler, muteHttpExceptions, latency and the daily quota', () => {
  const rt = new Runtime({ startTime: START });
  const fetchApp = createUrlFetchApp({
    runtime: rt,
    handler: (req) => (req.url.endsWith('/missing') ? { status: 404, headers: {}, body: 'nope' } : ok(req)),
    dailyQuota: 3,
    latencyMs: 200,
  });
  const g = fetchApp.gas();
  const response = g.fetch('https://api.example.com/x', { headers: { Authorization: 't' } });
  expect(JSON.parse(response.getContentText())).toEqual({ url: 'https://api.example.com/x' });
  expect(response.getBlob().getDataAsString()).toBe(response.getContentText());
  expect(fetchApp.log[0].headers).toEqual({ Authorization: 't' });
  expect(rt.time.now() - START).toBe(200);
  expect(() => g.fetch('https://api.example.com/missing')).toThrow(/^Request failed for https:\/\/api.example.com returned code 404/);
  const responses = g.fetchAll([{ url: 'https://api.example.com/missing', muteHttpExceptions: true }]);
  expect(responses[0].getResponseCode()).toBe(404);
  expect(() => g.fetch('https://api.example.com/y')).toThrow('Service invoked too many times for one day: urlfetch.');
  rt.time.advance(86_400_000);
  expect(g.fetch('https://api.example.com/y').getResponseCode()).toBe(200);
});

test('UrlFetch: fetchAll costs the slowest request; redirects are followed unless disabled', () => {
  const rt = new Runtime({ startTime: START });
  const handler: FetchHandler = (req) => (req.url.endsWith('/old') ? { status: 301, headers: { location: '/new' }, body: '' } : ok(req));
  const g = createUrlFetchApp({ runtime: rt, handler, latencyMs: (req) => (req.url.includes('slow') ? 900 : 100) }).gas();
  g.fetchAll(['https://a.test/slow', 'https://a.test/fast', 'https://a.test/fast2']);
  expect(rt.time.now() - START).toBe(900);
  expect(JSON.parse(g.fetch('https://a.test/old').getContentText()).url).toBe('https://a.test/new');
  expect(g.fetch('https://a.test/old', { followRedirects: false }).getResponseCode()).toBe(301);
});

test('Utilities: sleep advances virtual time; formatDate follows Java patterns', () => {
  const rt = new Runtime({ startTime: START });
  const u = createUtilities(rt).gas();
  u.sleep(1500);
  expect(rt.time.now() - START).toBe(1500);
  const d = new Date(Date.UTC(2026, 0, 5, 2, 7, 9));
  expect(u.formatDate(d, 'America/Sao_Paulo', "yyyy-MM-dd'T'HH:mm:ss 'dia' u")).toBe('2026-01-04T23:07:09 dia 7');
  expect(u.formatDate(d, 'UTC', 'dd/MM/yy HH:mm')).toBe('05/01/26 02:07');
  expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(u.base64Encode('olá')).toBe(Buffer.from('olá').toString('base64'));
  expect(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc')).toHaveLength(32);
});

test('MailApp and HtmlService', () => {
  const rt = new Runtime({ startTime: START });
  const mail = createMailApp(rt, 2);
  mail.gas().sendEmail('a@x.com', 'Assunto', 'Corpo');
  mail.gas().sendEmail({ to: 'b@x.com', subject: 'S', htmlBody: '<b>h</b>' });
  expect(mail.sent.map((m) => m.to)).toEqual(['a@x.com', 'b@x.com']);
  expect(mail.gas().getRemainingDailyQuota()).toBe(0);
  expect(() => mail.gas().sendEmail('c@x.com', 's', 'b')).toThrow(/too many times for one day: email/);

  const html = createHtmlService(rt, { Sidebar: '<p>Olá</p>', Page: '<h1><?= title ?></h1><? for (var i = 0; i < 2; i++) { ?>x<? } ?>' }).gas();
  const out = html.createHtmlOutputFromFile('Sidebar').setTitle('Cademi').setWidth(300);
  expect([out.getContent(), out.getTitle()]).toEqual(['<p>Olá</p>', 'Cademi']);
  const t = html.createTemplateFromFile('Page');
  (t as unknown as Record<string, unknown>).title = '<Turma>';
  expect(t.evaluate().getContent()).toBe('<h1>&lt;Turma&gt;</h1>xx');
  expect(() => html.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
});
