// The checkpoint's stored form: compact by design, ASCII, validated when read back, resumable.

import { urlHash } from '../../../src/core/cademi/pagination';
import { loadConfig } from '../../../src/core/config/load-config';
import { HistoryIndex } from '../../../src/core/history/history-index';
import { CheckpointFormatError, cohortKeys, decodeCheckpoint, encodeCheckpoint, type SyncCheckpoint } from '../../../src/core/sync/checkpoint';
import { SyncJob, type SyncJobInput } from '../../../src/core/sync/job';
import { decodeStaging, encodeStaging } from '../../../src/core/sync/staging';
import { driveJob } from '../../../src/node/drive-job';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const WEEK1 = mondayRun('2026-09-14');

const sample: SyncCheckpoint = {
  version: 2,
  runId: 'Manual-1',
  week: '2026-09-14',
  now: WEEK1,
  calls: 7,
  retries: 1,
  listed: ['0000abcd', 'ffffffff'],
  unknownTags: ['12345678'],
  walks: {
    deadbeef: {
      nextUrl: 'https://escola.cademi.com.br/api/v1/tag/9/usuarios?cursor=ção',
      pages: 2,
      seen: ['11111111', '22222222', '33333333'],
      stopReason: null,
    },
  },
};

describe('encodeCheckpoint / decodeCheckpoint', () => {
  it('round-trips, as ASCII only (its length is its size in bytes)', () => {
    const text = encodeCheckpoint(sample);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).toContain('"listed":"0000abcdffffffff"');
    expect(decodeCheckpoint(text)).toEqual(sample);
  });

  it('keeps until when Cademi asked to wait, and reads checkpoints written before that field existed', () => {
    const waiting = { ...sample, notBefore: WEEK1 + 3 * 3_600_000 };
    expect(decodeCheckpoint(encodeCheckpoint(waiting))).toEqual(waiting);
    expect(decodeCheckpoint(encodeCheckpoint(sample))).not.toHaveProperty('notBefore');
    expect(() => decodeCheckpoint(encodeCheckpoint(sample).replace('"version":2', '"version":2,"notBefore":-5'))).toThrow(/campo notBefore/);
  });

  it('refuses what it did not write: the first format, garbage, a malformed key', () => {
    expect(() =>
      decodeCheckpoint(JSON.stringify({ version: 1, runId: 'r', week: '2026-09-14', now: 1, walks: {}, failedCohorts: {}, calls: 0, retries: 0 })),
    ).toThrow(/formato 1, esperado 2/);
    expect(() => decodeCheckpoint('{"version":2')).toThrow(CheckpointFormatError);
    expect(() => decodeCheckpoint(encodeCheckpoint(sample).replace('0000abcd', '0000abc'))).toThrow(/campo listed/);
    expect(() => decodeCheckpoint(encodeCheckpoint(sample).replace('"deadbeef"', '"Turma 1"'))).toThrow(CheckpointFormatError);
  });

  it('a stopped walk is recorded as listed, not as a walk', () => {
    const stopped = { nextUrl: null, pages: 3, seen: ['11111111'], stopReason: 'last' as const };
    expect(() => encodeCheckpoint({ ...sample, walks: { deadbeef: stopped } })).toThrow(/listed/);
  });
});

describe('cohortKeys', () => {
  it('tells apart two cohorts whose hashes collide', () => {
    const pair = ['Turma 851009', 'Turma 1251246']; // found by search: same FNV-1a of `1|name`
    expect(urlHash(`1|${pair[0]}`)).toBe(urlHash(`1|${pair[1]}`));
    const keys = cohortKeys(pair.map((name) => ({ name, tagId: 1 })));
    expect(new Set(keys.values()).size).toBe(2);
    expect(cohortKeys(pair.reverse().map((name) => ({ name, tagId: 1 })))).toEqual(keys);
  });

  it('change with the tag, so a cohort pointed at another tag is listed again', () => {
    expect(cohortKeys([{ name: 'Turma A', tagId: 1 }]).get('Turma A')).not.toBe(cohortKeys([{ name: 'Turma A', tagId: 2 }]).get('Turma A'));
  });
});

describe('SyncJob.checkpoint', () => {
  function input(): SyncJobInput & { api: ReturnType<typeof testApi> } {
    const api = testApi(WEEK1);
    const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts: 3 }));
    const cohorts = config.cohorts.map((cohort, index) => (index === 1 ? { ...cohort, tagId: 999_999 } : cohort));
    return { api, config: { ...config, cohorts }, target: api.target, history: HistoryIndex.fromRows([]), now: WEEK1, runId: 'r' };
  }

  it('holds only the walks still listing; a resumed run still reports the unknown tag at its cell', async () => {
    const run = input();
    const job = new SyncJob(run);
    const keys = cohortKeys(run.config.cohorts);
    const stop = new Error('killed');
    let batches = 0;
    await expect(
      driveJob(job, {
        transport: run.api.transport,
        clock: run.api.clock,
        requestsPerSecond: 2,
        onBatch: () => {
          if (++batches >= 3) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const checkpoint = decodeCheckpoint(encodeCheckpoint(job.checkpoint()));
    expect(checkpoint.unknownTags).toEqual([keys.get(run.config.cohorts[1].name)]);
    for (const walk of Object.values(checkpoint.walks)) expect(walk.pages).toBeGreaterThan(0);
    const inCheckpoint = [...checkpoint.listed, ...checkpoint.unknownTags, ...Object.keys(checkpoint.walks)];
    expect(new Set(inCheckpoint).size).toBe(inCheckpoint.length);

    const resumed = new SyncJob(run, { checkpoint, records: decodeStaging(encodeStaging(job.runId, job.stagingRecords()), job.runId) });
    await driveJob(resumed, { transport: run.api.transport, clock: run.api.clock, requestsPerSecond: 2 });
    const result = resumed.result();
    expect(result.cohortProblems).toEqual([{ cohort: run.config.cohorts[1].name, column: 'Tag ID', message: expect.stringMatching(/tag 999999 não existe/) }]);
    expect(result.warnings.join(' ')).toMatch(/999999/);
  });

  it('a job that has not started checkpoints no cohort at all', () => {
    const job = new SyncJob(input());
    expect(job.checkpoint()).toMatchObject({ listed: [], unknownTags: [], walks: {} });
    expect(encodeCheckpoint(job.checkpoint()).length).toBeLessThan(200);
  });
});
