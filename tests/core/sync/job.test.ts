// The resumable weekly job against the simulator: completeness, the incremental rule, resume, faults.

import { loadConfig } from '../../../src/core/config/load-config';
import { HistoryIndex } from '../../../src/core/history/history-index';
import { HISTORY_HEADERS, type HistoryRow, historyKey } from '../../../src/core/history/schema';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { SyncFailedError } from '../../../src/core/sync/errors';
import { SyncJob, type SyncJobInput, type SyncResult } from '../../../src/core/sync/job';
import { decodeStaging, encodeStaging } from '../../../src/core/sync/staging';
import { startWeekRun } from '../../../src/core/sync/week-run';
import { driveJob } from '../../../src/node/drive-job';
import { advanceTo, type EmbeddedApi } from '../../../src/node/embedded-api';
import { createSimulator } from '../../../src/simulator';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

function jobInput(api: EmbeddedApi, now: number, history: HistoryRow[] = [], cohorts?: number): SyncJobInput {
  const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts }));
  return { config, target: api.target, history: HistoryIndex.fromRows(history), now, runId: `run-${now}` };
}

async function runToEnd(api: EmbeddedApi, input: SyncJobInput): Promise<SyncResult> {
  const job = new SyncJob(input);
  await driveJob(job, { transport: api.transport, clock: api.clock, requestsPerSecond: 2 });
  return job.result();
}

/** Rows as compact lines: jest's diff of thousands of objects is far too slow to be useful. */
function comparable(rows: readonly HistoryRow[]): string[] {
  return rows.map((row) => JSON.stringify(row));
}

const WEEK1 = mondayRun('2026-09-14');
const WEEK2 = mondayRun('2026-09-21');

describe('SyncJob against the simulator', () => {
  let api: EmbeddedApi;
  let week1: SyncResult;

  beforeAll(async () => {
    api = testApi(WEEK1, { studentCount: 500 });
    week1 = await runToEnd(api, jobInput(api, WEEK1));
  });

  it('collects every student of every started cohort, once per product', () => {
    const school = api.simulator.school;
    const started = school.cohorts.filter((cohort) => cohort.start <= '2026-09-14');
    const expected = new Set<number>();
    for (const cohort of started) for (const student of school.studentsWithTagAt(cohort.tagId, WEEK1)) expected.add(student.id);
    const collected = new Set(week1.rows.map((row) => row.studentId));
    expect(collected).toEqual(expected);
    expect(week1.rows).toHaveLength(expected.size * 3);
    expect(new Set(week1.rows.map(historyKey)).size).toBe(week1.rows.length);
    expect(week1.rows.every((row) => row.week === '2026-09-14')).toBe(true);
  });

  it('reads every page of a tag with more than 150 students', () => {
    const big = api.simulator.school.cohorts.find((cohort) => api.simulator.school.studentsWithTagAt(cohort.tagId, WEEK1).length > 150);
    expect(big).toBeDefined();
    const rows = week1.rows.filter((row) => row.cohort === big!.name);
    expect(new Set(rows.map((row) => row.studentId)).size).toBe(api.simulator.school.studentsWithTagAt(big!.tagId, WEEK1).length);
  });

  it('never exceeds the rate limit on the virtual clock', () => {
    expect(api.simulator.stats.responses429).toBe(0);
    expect(week1.stats.retries).toBe(0);
  });

  it('carries students without access since their last snapshot, without calling the API', async () => {
    advanceTo(api, WEEK2);
    const before = api.simulator.stats.requests;
    const week2 = await runToEnd(api, jobInput(api, WEEK2, week1.rows));
    const carried = week2.rows.filter((row) => row.origin === 'Mantido');
    expect(carried.length).toBeGreaterThan(0);
    expect(week2.stats.carried).toBe(carried.length);
    for (const row of carried) {
      const previous = week1.rows.find((old) => old.studentId === row.studentId && old.productId === row.productId);
      if (!previous) continue;
      expect(row.progress).toBe(previous.progress);
      // The rule is sound against the simulator: the API would have answered the same value.
      const truth = api.simulator.school.progressAt(Number(row.studentId), Number(row.productId), WEEK2);
      expect(truth?.completed).toBe(row.lessonsCompleted);
    }
    const progressCalls = week2.rows.filter((row) => row.origin === 'API').length;
    expect(api.simulator.stats.requests - before).toBe(week2.stats.calls);
    expect(week2.stats.calls).toBeGreaterThanOrEqual(progressCalls);
    expect(week2.stats.calls - progressCalls).toBeLessThanOrEqual(8); // tag pages only
  });

  it('fails with an auth error naming the endpoint when the token is wrong', async () => {
    const wrong = testApi(WEEK1, { token: 'errado' });
    const promise = runToEnd(wrong, jobInput(wrong, WEEK1));
    await expect(promise).rejects.toBeInstanceOf(SyncFailedError);
    await expect(runToEnd(wrong, jobInput(wrong, WEEK1))).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('SyncJob resume', () => {
  it('a run killed after any number of batches and resumed from checkpoint + staging ends with the same rows', async () => {
    const reference = await runToEnd(testApi(WEEK1), jobInput(testApi(WEEK1), WEEK1, [], 2));
    for (const killAfter of [1, 2, 3, 7, 40, 90, 130]) {
      const api = testApi(WEEK1);
      const input = jobInput(api, WEEK1, [], 2);
      const first = new SyncJob(input);
      let batches = 0;
      const stop = new Error('killed');
      await expect(
        driveJob(first, {
          transport: api.transport,
          clock: api.clock,
          requestsPerSecond: 2,
          onBatch: () => {
            if (++batches >= killAfter) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      // What a slice persists: the staging sheet (encoded as cells) and the checkpoint (as JSON).
      const staging = encodeStaging(first.runId, first.stagingRecords());
      const checkpoint = JSON.parse(JSON.stringify(first.checkpoint()));
      expect(JSON.stringify(checkpoint).length).toBeLessThan(9 * 1024);
      const resumed = new SyncJob(input, { checkpoint, records: decodeStaging(staging, first.runId) });
      await driveJob(resumed, { transport: api.transport, clock: api.clock, requestsPerSecond: 2 });
      expect(comparable(resumed.result().rows)).toEqual(comparable(reference.rows));
    }
  });
});

describe('SyncJob faults', () => {
  function faultyApi(fault: (request: HttpRequest, n: number) => HttpResponse | undefined): EmbeddedApi {
    const api = testApi(WEEK1);
    let n = 0;
    const simulator = createSimulator({ clock: api.virtualClock, school: api.simulator.school, fault: (request) => fault(request, n++) });
    return {
      ...api,
      simulator,
      transport: {
        send: async (requests) => {
          const out = requests.map((r) => simulator.handle(r));
          api.virtualClock.advance(100);
          return out;
        },
      },
    };
  }
  const envelope = (code: number, headers: Record<string, string> = {}): HttpResponse => ({
    status: code,
    headers,
    body: JSON.stringify({ success: false, code, msg: 'falha simulada', profiler: { start: 1, finish: 1, process: 0 } }),
  });

  it('retries 5xx bursts and 429s and still completes with the same rows', async () => {
    const clean = await runToEnd(testApi(WEEK1), jobInput(testApi(WEEK1), WEEK1, [], 1));
    const api = faultyApi((_request, n) => (n % 7 === 3 ? envelope(503) : n % 11 === 5 ? envelope(429, { 'retry-after': '2' }) : undefined));
    const result = await runToEnd(api, jobInput(api, WEEK1, [], 1));
    expect(result.stats.retries).toBeGreaterThan(0);
    expect(comparable(result.rows)).toEqual(comparable(clean.rows));
  });

  it('a pair Cademi answered 404 for in an earlier slice is still said, once per product, in the resumed run', async () => {
    // Every student's progress in product 11 answers 404: the pairs asked before the kill are staged as skips.
    const notFound = (request: HttpRequest) => (/progresso_por_produto\/\d+\/11$/.test(request.url) ? envelope(404) : undefined);
    const api = faultyApi(notFound);
    const input = jobInput(api, WEEK1, [], 1);
    const first = new SyncJob(input);
    let batches = 0;
    const stop = new Error('killed');
    await expect(
      driveJob(first, {
        transport: api.transport,
        clock: api.clock,
        requestsPerSecond: 2,
        onBatch: () => {
          if (++batches >= 40) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const skippedBefore = first.stagingRecords().filter((record) => record.kind === 'skip').length;
    expect(skippedBefore).toBeGreaterThan(0);
    const resumed = new SyncJob(input, {
      checkpoint: JSON.parse(JSON.stringify(first.checkpoint())),
      records: decodeStaging(encodeStaging(first.runId, first.stagingRecords()), first.runId),
    });
    await driveJob(resumed, { transport: api.transport, clock: api.clock, requestsPerSecond: 2 });
    const result = resumed.result();
    const asked = result.stats.skipped;
    expect(asked).toBeGreaterThan(skippedBefore);
    const notes = result.errors.filter((error) => error.startsWith('Produto 11,'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^Produto 11, ${asked} alunos \\(\\d+, \\d+, \\d+ e mais ${asked - 3}\\): a Cademi não encontrou`));
    // Every student asked lacked it: the id is the suspect, at the cohort's Produtos cell.
    expect(notes[0]).toContain('confira o ID na coluna Produtos de Turmas');
    expect(result.cohortProblems).toEqual([expect.objectContaining({ column: 'Produtos', message: expect.stringContaining('produto 11') })]);
    expect(result.rows.some((row) => row.productId === 11 && row.origin === 'API')).toBe(false);
  });

  it('gives up after repeated server errors with a clear message', async () => {
    const api = faultyApi((request) => (request.url.includes('progresso_por_produto') ? envelope(500) : undefined));
    await expect(runToEnd(api, jobInput(api, WEEK1, [], 1))).rejects.toMatchObject({ kind: 'retries-exhausted' });
  });

  it('stops on a changed response shape, naming the endpoint', async () => {
    const api = faultyApi((request) =>
      request.url.includes('progresso_por_produto')
        ? { status: 200, headers: {}, body: JSON.stringify({ success: true, code: 200, data: { progress: {} }, profiler: {} }) }
        : undefined,
    );
    const failure = await runToEnd(api, jobInput(api, WEEK1, [], 1)).catch((error) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect(failure.kind).toBe('shape');
    expect(failure.message).toMatch(/progresso_por_produto/);
  });

  it('skips a cohort whose tag does not exist and syncs the others', async () => {
    const api = testApi(WEEK1);
    const input = jobInput(api, WEEK1, [], 2);
    const cohorts = input.config.cohorts.map((cohort, index) => (index === 0 ? { ...cohort, tagId: 999_999 } : cohort));
    const result = await runToEnd(api, { ...input, config: { ...input.config, cohorts } });
    expect(result.warnings.join(' ')).toMatch(/999999/);
    expect(result.cohortProblems).toEqual([{ cohort: cohorts[0].name, column: 'Tag ID', message: expect.stringMatching(/tag 999999 não existe/) }]);
    expect(new Set(result.rows.map((row) => row.cohort))).toEqual(new Set([cohorts[1].name]));
  });
});

describe('unreadable Histórico rows', () => {
  it('are reported in the run warnings and left as they are', () => {
    const api = testApi(WEEK1);
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    workbook.writeSheet('Histórico', {
      rows: [[...HISTORY_HEADERS], ['quebrada', 'x', 'y', null, null, null, null, null, null, null, null, null, null, null]],
    });
    const { job } = startWeekRun(workbook, { now: WEEK1, target: api.target, runId: 'r' });
    expect(job.warnings.join(' ')).toMatch(/1 linha do Histórico não pôde ser lida \(linha 2\); ficou como está/);
  });
});
