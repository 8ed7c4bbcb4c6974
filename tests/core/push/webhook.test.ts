// Push instead of poll: webhook bodies in both formats, the latest value kept, and the job skipping
// the call for a student whose progress arrived after their last access.

import { loadConfig } from '../../../src/core/config/load-config';
import { HistoryIndex } from '../../../src/core/history/history-index';
import { PROGRESS_EVENT_UNREADABLE } from '../../../src/core/messages/webhook';
import { readPushedProgress, recordPushedProgress } from '../../../src/core/push/pushed-sheet';
import { parseWebhookBody } from '../../../src/core/push/webhook-events';
import { SyncJob } from '../../../src/core/sync/job';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { driveJob } from '../../../src/node/drive-job';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

describe('parseWebhookBody', () => {
  it('reads the documented usuario.progresso event and the v2 user.progress event', () => {
    expect(
      parseWebhookBody(
        JSON.stringify({ event_id: 'e1', event_type: 'usuario.progresso', event: { usuario: { id: 1051 }, produto: { id: '2404' }, progresso: 30 } }),
        5,
      ),
    ).toEqual({
      kind: 'progress',
      progress: { studentId: 1051, productId: 2404, percent: 30, receivedAt: 5 },
    });
    expect(
      parseWebhookBody(
        JSON.stringify({ version: '2', event: 'user.progress', payload: { user: { id: '7' }, product: { id: 11 }, progress_percentage: '41,7%' } }),
        9,
      ),
    ).toEqual({
      kind: 'progress',
      progress: { studentId: 7, productId: 11, percent: 41.7, receivedAt: 9 },
    });
  });

  it('acknowledges and ignores other events and bad bodies', () => {
    expect(parseWebhookBody(JSON.stringify({ event_type: 'aula.concluida', event: {} }), 1)).toMatchObject({ kind: 'ignored' });
    expect(parseWebhookBody('{not json', 1)).toMatchObject({ kind: 'ignored', reason: 'corpo não é JSON' });
    expect(
      parseWebhookBody(JSON.stringify({ event_type: 'usuario.progresso', event: { usuario: { id: 1 }, produto: { id: 2 }, progresso: 140 } }), 1),
    ).toMatchObject({ kind: 'ignored' });
  });
});

describe('pushed progress', () => {
  it('keeps only the latest value per student and product', () => {
    const workbook = new MemoryWorkbook();
    recordPushedProgress(workbook, [{ studentId: 1, productId: 11, percent: 10, receivedAt: 100 }]);
    recordPushedProgress(workbook, [
      { studentId: 1, productId: 11, percent: 25, receivedAt: 200 },
      { studentId: 2, productId: 11, percent: 5, receivedAt: 150 },
    ]);
    recordPushedProgress(workbook, [{ studentId: 1, productId: 11, percent: 12, receivedAt: 120 }]); // late, older
    expect([...readPushedProgress(workbook).values()]).toEqual([
      { studentId: 1, productId: 11, percent: 25, receivedAt: 200 },
      { studentId: 2, productId: 11, percent: 5, receivedAt: 150 },
    ]);
    expect(workbook.sheet('_Webhook')!.hidden).toBe(true);
  });

  it('the weekly job takes a value pushed after the last access instead of calling the API', async () => {
    const week = mondayRun('2026-09-14');
    const api = testApi(week);
    const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts: 1 }));
    const active = api.simulator.school.studentsWithTagAt(101, week).find((student) => api.simulator.school.lastAccessAt(student.id, week) !== null)!;
    const pushed = new Map([[`${active.id}|11`, { studentId: active.id, productId: 11, percent: 77, receivedAt: week - 1000 }]]);
    const job = new SyncJob({ config, target: api.target, history: HistoryIndex.fromRows([]), now: week, runId: 'r', pushed });
    await driveJob(job, { transport: api.transport, clock: api.clock, requestsPerSecond: 2 });
    const result = job.result();
    expect(result.stats.pushed).toBe(1);
    expect(result.rows.find((row) => row.studentId === active.id && row.productId === 11)).toMatchObject({ progress: 77, origin: 'API' });
    const fresh = testApi(week);
    const withoutPush = new SyncJob({ config, target: fresh.target, history: HistoryIndex.fromRows([]), now: week, runId: 'r2' });
    await driveJob(withoutPush, { transport: fresh.transport, clock: fresh.clock, requestsPerSecond: 2 });
    expect(withoutPush.result().stats.calls - result.stats.calls).toBe(1);
  });
});

describe('v3 webhook bodies', () => {
  const body = (overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'evt_1',
      type: 'progress.updated',
      version: '3.12',
      occurred_at: '2026-11-23T12:00:00Z',
      delivery_id: 'dlv_1',
      attempt: 1,
      data: { user_id: 'usr_abc', product_id: 'prd_x1', percent: 42.5, ...data },
      ...overrides,
    });

  it('reads a progress event: the user, the product and the percent, as the API knows them', () => {
    expect(parseWebhookBody(body(), 7)).toEqual({ kind: 'progress', progress: { studentId: 'usr_abc', productId: 'prd_x1', percent: 42.5, receivedAt: 7 } });
  });

  it('ignores other event types and bodies whose ids or percent are not what the contract says', () => {
    expect(parseWebhookBody(body({ type: 'user.created' }), 1)).toMatchObject({ kind: 'ignored' });
    expect(parseWebhookBody(body({}, { user_id: 123 }), 1)).toMatchObject({ kind: 'ignored' });
    expect(parseWebhookBody(body({}, { product_id: 'usr_x' }), 1)).toMatchObject({ kind: 'ignored' });
    expect(parseWebhookBody(body({}, { percent: 140 }), 1)).toMatchObject({ kind: 'ignored' });
    expect(parseWebhookBody(body({}, { percent: undefined }), 1)).toMatchObject({ kind: 'ignored', reason: PROGRESS_EVENT_UNREADABLE });
  });

  it('says why an event is ignored without repeating any text of the body but a plain event type', () => {
    expect(parseWebhookBody(body({ type: 'user.created' }), 1)).toEqual({ kind: 'ignored', reason: 'evento user.created não é de progresso' });
    const hostile = '=HYPERLINK("x") ck_live_segredo123';
    for (const json of [{ type: hostile }, { event: hostile }, { event_type: `aula.${hostile}` }, { type: 42 }]) {
      const parsed = parseWebhookBody(JSON.stringify(json), 1);
      expect(parsed).toEqual({ kind: 'ignored', reason: 'evento de outro tipo, não de progresso' });
    }
    // A v1 or v2 progress event with a bad field is said as one, not as "another type".
    expect(parseWebhookBody(JSON.stringify({ event: 'user.progress', payload: {} }), 1)).toEqual({ kind: 'ignored', reason: PROGRESS_EVENT_UNREADABLE });
  });
});
