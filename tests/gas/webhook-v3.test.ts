// doPost in the built bundle, receiving Cademi API v3 events: the secret in the URL guards it (a web
// app never sees the Cademi-Signature header), a progress event lands in _Webhook under its usr_/prd_
// ids, and the next weekly run on v3 needs no progress call for that student. A body that does not
// read as a v3 progress event stores nothing, and none of its text comes back anywhere.

import { V3_CONTRACT } from '../../src/core/cademi-v3/contract';
import { productV3Id, userV3Id } from '../../src/simulator';
import { putAt } from '../../src/simulator/v3-payloads';
import { configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';

const MONDAY = mondayRun('2026-09-14');
const HOUR = 60 * 60_000;
const WEBHOOK_SHEET = '_Webhook';
const EVENT_FIELDS = V3_CONTRACT.endpoints.events.fields;
const PROGRESS_TYPE = V3_CONTRACT.progressEventTypes.values[0];

/** A v3 event body `{id, type, version, occurred_at, data, delivery_id, attempt}`, data at the contract table's paths. */
function v3Event(userId: unknown, productId: unknown, percent: unknown, type: unknown = PROGRESS_TYPE): string {
  const body: Record<string, unknown> = { version: '3.12', occurred_at: new Date(MONDAY - 3 * HOUR).toISOString(), delivery_id: 'dlv_teste', attempt: 1 };
  putAt(body, EVENT_FIELDS.id.path, 'evt_teste1');
  putAt(body, EVENT_FIELDS.type.path, type);
  putAt(body, EVENT_FIELDS.userId.path, userId);
  putAt(body, EVENT_FIELDS.productId.path, productId);
  putAt(body, EVENT_FIELDS.percent.path, percent);
  return JSON.stringify(body);
}

interface V3WebhookSchool {
  readonly gas: GasSchool;
  readonly secret: string;
  /** POSTs `contents` to the web app with `?secret=given` (none when null); the parsed reply and its raw text. */
  post(contents: string, given: string | null): { reply: Record<string, unknown>; text: string };
  /** The _Webhook sheet's rows (header first), null when it was never written. */
  pushedRows(): unknown[][] | null;
}

/** A school on v3 (URL …/api/v3, a ck_test_ key, tag_/prd_ ids in Turmas) with the webhook configured, two hours before Monday's run. */
function v3WebhookSchool(): V3WebhookSchool {
  const gas = gasSchool(MONDAY - 2 * HOUR, { api: 'v3' });
  configure(gas, { cohorts: 1 });
  gas.env.ui.scriptAlert('OK');
  gas.env.execute(() => gas.fns.configurarWebhook(), { context: 'ui' });
  const secret = gas.env.properties.script.data.get('cademi.webhookSecret')!;
  expect(secret).toMatch(/^[0-9a-f]{32}$/);
  return {
    gas,
    secret,
    post(contents, given) {
      const parameter = given === null ? {} : { secret: given };
      const text = gas.env.execute(() => gas.fns.doPost({ parameter, postData: { contents } }), { context: 'webapp' }).getContent() as string;
      return { reply: JSON.parse(text) as Record<string, unknown>, text };
    },
    pushedRows: () => (gas.env.spreadsheet.gas().getSheetByName(WEBHOOK_SHEET) === null ? null : gas.env.spreadsheet.sheet(WEBHOOK_SHEET).dump()),
  };
}

/** Runs "Atualizar agora" at Monday's run time and lets its slices finish. */
function runWeek(gas: GasSchool): void {
  gas.env.time.set(MONDAY);
  gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  gas.env.runTriggersUntil(gas.env.time.now() + HOUR, gas.fns);
}

const progressPath = (userId: string) => `${V3_CONTRACT.basePath}${V3_CONTRACT.endpoints.userProgress.path.replace('{user_id}', userId)}`;

describe('Cademi API v3 webhook web app (doPost)', () => {
  it('stores a v3 progress event sent with the right secret, and the next v3 run skips that student’s progress call', () => {
    const { gas, secret, post, pushedRows } = v3WebhookSchool();
    const cohort = gas.school.cohorts[0];
    // Someone who accessed before the events and not again before the run: the pushed values are current.
    const student = gas.school
      .studentsWithTagAt(cohort.tagId, MONDAY)
      .find(
        (candidate) =>
          gas.school.lastAccessAt(candidate.id, MONDAY - 2 * HOUR) !== null &&
          gas.school.lastAccessAt(candidate.id, MONDAY + HOUR) === gas.school.lastAccessAt(candidate.id, MONDAY - 2 * HOUR),
      )!;
    const userId = userV3Id(student.id);
    const pushed = new Map(cohort.productIds.map((id, index) => [productV3Id(id), [64, 38.5, 12][index]!]));

    for (const [productId, percent] of pushed) expect(post(v3Event(userId, productId, percent), secret).reply).toEqual({ ok: true });
    const [header, ...stored] = pushedRows()!;
    expect(header).toEqual(['Aluno ID', 'Produto ID', 'Progresso (%)', 'Recebido em (ms)']);
    expect(stored.map((cells) => cells.slice(0, 3))).toEqual([...pushed].map(([productId, percent]) => [userId, productId, percent]));
    // Received at the script's clock, after the student's last access and before the run.
    for (const cells of stored) expect(cells[3]).toBeGreaterThanOrEqual(gas.school.lastAccessAt(student.id, MONDAY)!);
    for (const cells of stored) expect(cells[3]).toBeLessThan(MONDAY);

    runWeek(gas);
    const urls = gas.env.urlFetch.log.map((fetch) => fetch.url);
    // The run read v3, and called other students' progress as usual.
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => new URL(url).pathname.startsWith(`${V3_CONTRACT.basePath}/`))).toBe(true);
    const progressPaths = new Set(urls.map((url) => decodeURIComponent(new URL(url).pathname)).filter((path) => path.endsWith('/progress')));
    const others = gas.school
      .studentsWithTagAt(cohort.tagId, MONDAY)
      .filter((other) => other.id !== student.id && gas.school.lastAccessAt(other.id, MONDAY) !== null);
    expect(others.length).toBeGreaterThan(5);
    for (const other of others) expect(progressPaths.has(progressPath(userV3Id(other.id)))).toBe(true);
    expect(progressPaths.has(progressPath(userId))).toBe(false);
    // The student's rows carry the pushed values.
    const rows = gas.env.spreadsheet
      .sheet('Histórico')
      .dump()
      .filter((cells) => cells[2] === userId);
    expect(new Map(rows.map((cells) => [cells[5], cells[7]]))).toEqual(pushed);
  });

  it('refuses a valid v3 event sent with a wrong or no secret, and stores nothing', () => {
    const { gas, post, pushedRows } = v3WebhookSchool();
    const student = gas.school.studentsWithTagAt(gas.school.cohorts[0].tagId, MONDAY)[0]!;
    const body = v3Event(userV3Id(student.id), productV3Id(11), 50);
    expect(post(body, 'errado').reply).toEqual({ ok: false, error: 'não autorizado' });
    expect(post(body, null).reply).toEqual({ ok: false, error: 'não autorizado' });
    expect(pushedRows()).toBeNull();
  });

  it('stores nothing for a malformed v3 body, answers without throwing, and repeats none of its text', () => {
    const { gas, secret, post, pushedRows } = v3WebhookSchool();
    const marker = 'TEXTO-DO-CORPO-7f3a';
    const bodies = [
      // Cut off mid-transfer.
      v3Event(`usr_${marker}`, productV3Id(11), 40).slice(0, -12),
      // A progress type whose ids or percent are not what the contract table says.
      v3Event(marker, productV3Id(11), 40),
      v3Event(userV3Id(1001), `usr_${marker}`, 40),
      v3Event(userV3Id(1001), productV3Id(11), marker),
      v3Event(userV3Id(1001), productV3Id(11), 140),
      JSON.stringify({ [EVENT_FIELDS.type.path]: PROGRESS_TYPE, data: marker }),
      // Not an object at all.
      JSON.stringify([marker]),
      JSON.stringify(marker),
      'null',
      '',
    ];
    for (const body of bodies) {
      const { reply, text } = post(body, secret);
      expect(reply).toEqual({ ok: true, ignored: expect.any(String) });
      expect(text).not.toContain(marker);
    }
    expect(pushedRows()).toBeNull();
    expect(gas.env.logs.text()).not.toContain(marker);
    for (const sheet of gas.env.spreadsheet.gas().getSheets()) {
      expect(JSON.stringify(gas.env.spreadsheet.sheet(sheet.getName()).dump())).not.toContain(marker);
    }
  });
});
