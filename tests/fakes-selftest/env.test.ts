// Self-tests: the environment, kill switch, virtual time accounting and loadBundle in a vm context.
import { createAppsScriptEnv, type FetchHandler, KILL_MESSAGE, loadBundle, makeFakeDate, VirtualTime } from '../../testkit/fakes';

const START = Date.UTC(2026, 2, 2, 12);
const handler: FetchHandler = () => ({ status: 200, headers: {}, body: '{}' });

test('fake Date: now and new Date() read virtual time; other forms are normal', () => {
  const time = new VirtualTime(START);
  const FakeDate = makeFakeDate(time);
  expect(FakeDate.now()).toBe(START);
  expect(new FakeDate().getTime()).toBe(START);
  time.advance(1000);
  expect(new FakeDate().getTime()).toBe(START + 1000);
  expect(new FakeDate(5).getTime()).toBe(5);
  expect(new FakeDate(2026, 0, 1).getFullYear()).toBe(2026);
  expect(FakeDate.UTC(2026, 0, 1)).toBe(Date.UTC(2026, 0, 1));
  expect(FakeDate.parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
  expect(new FakeDate()).toBeInstanceOf(Date);
});

test('service calls advance virtual time by the cost table', () => {
  const env = createAppsScriptEnv({ handler, startTime: START });
  const sheet = env.spreadsheet.gas().getSheets()[0];
  const range = sheet.getRange(1, 1, 100, 10);
  const t0 = env.time.now();
  range.getValues();
  expect(env.time.now() - t0).toBeCloseTo(50 + 0.002 * 1000);
  const t1 = env.time.now();
  range.setValues(Array.from({ length: 100 }, () => new Array(10).fill(1)));
  expect(env.time.now() - t1).toBeCloseTo(100 + 0.005 * 1000);
  const t2 = env.time.now();
  (env.globals.Utilities as GoogleAppsScript.Utilities.Utilities).sleep(2000);
  expect(env.time.now() - t2).toBe(2000);
  expect(env.calls('Range.')).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1 });
});

test('kill switch: the (n+1)-th call throws and every later call too, until the execution ends', () => {
  const env = createAppsScriptEnv({ handler, startTime: START });
  const ss = env.spreadsheet.gas();
  env.killSwitch.killAfter(2);
  ss.getSheets();
  ss.getName();
  expect(() => ss.getId()).toThrow(KILL_MESSAGE);
  expect(() => ss.getName()).toThrow(KILL_MESSAGE);
  env.killSwitch.reset();
  expect(ss.getName()).toBe('Cademi Progress Monitor');

  env.killSwitch.killAfter(1);
  expect(() =>
    env.execute(() => {
      ss.getName();
      ss.getName();
    }),
  ).toThrow(KILL_MESSAGE);
  expect(env.execute(() => ss.getName())).toBe('Cademi Progress Monitor'); // the next execution runs
  // An execution dies at 6 virtual minutes.
  const utilities = env.utilities.gas();
  expect(() =>
    env.execute(() => {
      for (;;) utilities.sleep(60_000);
    }),
  ).toThrow(KILL_MESSAGE);
});

test('execute releases locks and hides the Ui in trigger context; runTriggersUntil records failures', () => {
  const env = createAppsScriptEnv({ handler, startTime: START });
  const lockService = env.lock.gas();
  env.execute(() => expect(lockService.getScriptLock().tryLock(0)).toBe(true));
  expect(env.lock.holder('script')).toBeNull();
  expect(() => env.execute(() => env.spreadsheetApp.gas().getUi(), { context: 'trigger' })).toThrow(/from this context/);
  env.triggers.gas().newTrigger('tick').timeBased().everyMinutes(30).create();
  const runs = env.runTriggersUntil(START + 61 * 60_000, {
    tick: () => {
      throw new Error('boom');
    },
  });
  expect(runs.map((r) => (r.error as Error).message)).toEqual(['boom', 'boom']);
});

test('loadBundle runs a bundle in a vm context over the fakes and returns its top-level functions', () => {
  const env = createAppsScriptEnv({ handler, startTime: START, spreadsheetName: 'Escola' });
  const bundle = `
var __app = (() => {
  function writeNow() {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Log');
    sheet.getRange(1, 1, 1, 2).setValues([[new Date(), Date.now()]]);
    const back = sheet.getRange(1, 1).getValue();
    let caught = null;
    try { sheet.getRange(1, 1, 1, 1).setValues([[1, 2]]); } catch (e) { caught = e instanceof Error ? e.name + ': ' + e.message : 'not an Error'; }
    Logger.log('wrote %s', SpreadsheetApp.getActive().getName());
    return { isDate: back instanceof Date, ms: back.getTime(), now: Date.now(), caught, fetched: UrlFetchApp.fetch('https://x.test/').getResponseCode() };
  }
  return { writeNow };
})();
function writeNow(...args) { return __app.writeNow(...args); }
`;
  const fns = loadBundle(bundle, env);
  expect(Object.keys(fns)).toEqual(['writeNow']);
  const result = env.execute(() => fns.writeNow()) as Record<string, unknown>;
  expect(result.isDate).toBe(true);
  expect(result.ms).toBe(START + 5 + 300 + 1); // getActiveSpreadsheet 5 ms, insertSheet 300, Sheet.getRange 1, then new Date()
  expect(result.caught).toMatch(/^Exception: The number of columns in the data does not match/);
  expect(result.fetched).toBe(200);
  expect(env.logs.text()).toBe('wrote Escola');
  expect(env.spreadsheet.sheet('Log').dump()[0][1]).toBe(START + 306);
});
