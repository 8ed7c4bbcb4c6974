// The order of a run's state writes (`pauseWeek`, `commitWeek`) over a fake run-state store: the
// documented order, and a process killed at every single operation of a run, then resumed the way
// a host does, that still ends with the week written once, logged once, and nothing left behind.

import { SHEET } from '../../../src/core/sheets';
import { runSlice, type SliceIo } from '../../../src/core/sync/slice-driver';
import { decodeStaging, encodeStaging } from '../../../src/core/sync/staging';
import { commitWeek, pauseWeek } from '../../../src/core/sync/week-commit';
import { startWeekRun } from '../../../src/core/sync/week-run';
import { weekKeyOf } from '../../../src/core/time/local-date';
import type { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';
import type { EmbeddedApi } from '../../../src/node/embedded-api';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';
import { FakeRunStateStore, Journal, JournaledWorkbook, Killed } from './run-state-fake';

const MONDAY = mondayRun('2026-09-14');
const WEEK = weekKeyOf(MONDAY, 'America/Sao_Paulo');
/** A slice long enough for the whole week, and one that pauses the run several times. */
const WHOLE_WEEK_MS = 3_600_000;
const SHORT_SLICE_MS = 6_000;

interface Host {
  readonly api: EmbeddedApi;
  readonly sheets: MemoryWorkbook;
  readonly journal: Journal;
  readonly workbook: JournaledWorkbook;
  readonly store: FakeRunStateStore;
}

function newHost(): Host {
  const api = testApi(MONDAY, { studentCount: 40 });
  const sheets = schoolWorkbook(api.simulator.school, { cohorts: 2 });
  const journal = new Journal();
  return { api, sheets, journal, workbook: new JournaledWorkbook(sheets, journal), store: new FakeRunStateStore(journal) };
}

/** The simulator as a synchronous host transport on its virtual clock (what UrlFetchApp.fetchAll is to Apps Script). */
function sliceIo(api: EmbeddedApi): SliceIo {
  return {
    now: () => api.virtualClock.now(),
    sleep: (ms) => api.virtualClock.advance(ms),
    fetchAll: (requests) => {
      const responses = requests.map((request) => api.simulator.handle(request));
      api.virtualClock.advance(100);
      return responses;
    },
  };
}

/**
 * One execution as the Apps Script host runs it: the stored cursor is resumed, else a new run
 * starts unless the week is complete; then fetch for one slice, and pause or commit.
 */
function execution(host: Host, sliceMs: number): 'idle' | 'paused' | 'completed' {
  const now = host.api.virtualClock.now();
  const checkpoint = host.store.cursor;
  if (!checkpoint && host.store.completedWeek === WEEK) return 'idle';
  const { job, config } = startWeekRun(host.workbook, { now, target: host.api.target, runId: checkpoint?.runId ?? `run-${now}`, resume: checkpoint });
  if (runSlice(job, sliceIo(host.api), { requestsPerSecond: 2, deadline: now + sliceMs }) === 'paused') {
    pauseWeek(host.workbook, job, host.store);
    return 'paused';
  }
  const log = { trigger: 'teste', startedAt: checkpoint?.now ?? now, finishedAt: host.api.virtualClock.now() };
  commitWeek(host.workbook, job, config, host.store, log);
  return 'completed';
}

/**
 * Executions until the week is committed; a killed one is followed by the next, as the next tick
 * would. `lastWriteBeforeKill` is the write the kill followed (undefined: no kill, or none yet).
 */
function runUntilDone(host: Host, sliceMs: number): { kills: number; lastWriteBeforeKill?: string } {
  let kills = 0;
  let lastWriteBeforeKill: string | undefined;
  for (let executions = 0; executions < 100; executions++) {
    try {
      if (execution(host, sliceMs) === 'idle') return { kills, lastWriteBeforeKill };
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      kills++;
      lastWriteBeforeKill = host.journal.writes.at(-1);
      expect(recoverable(host)).toBe(true);
    }
  }
  throw new Error('the run never completed');
}

/** After any death: a week in Histórico is one the store will not start again (a cursor resumes it, or it is recorded complete). */
function recoverable(host: Host): boolean {
  return weekRows(host.sheets).length === 0 || host.store.cursor !== null || host.store.completedWeek === WEEK;
}

function weekRows(sheets: MemoryWorkbook): Cell[][] {
  const history = sheets.readSheet(SHEET.history) ?? [];
  return history.slice(1);
}

const keysOf = (sheets: MemoryWorkbook) => weekRows(sheets).map((row) => `${row[2]}|${row[5]}`);
const completions = (sheets: MemoryWorkbook) => (sheets.readSheet(SHEET.runs) ?? []).slice(1).filter((row) => row[4] === 'Concluída').length;

describe('commitWeek: the order of the state writes', () => {
  it('a run completing in its first slice stores a cursor first, then Histórico, the log, the completion, the cursor cleared, the staging dropped', () => {
    const host = newHost();
    host.sheets.writeSheet(SHEET.staging, { rows: [['Tipo']], hidden: true }); // a staging left by an older run
    expect(execution(host, WHOLE_WEEK_MS)).toBe('completed');
    const at = (write: string) => host.journal.writes.indexOf(write);
    const order = [
      at('store:saveCursor'),
      at(`workbook:writeSheet ${SHEET.history}`),
      host.journal.writes.findIndex((write) => write.endsWith(` ${SHEET.runs}`)),
      at('store:recordCompletion'),
      at('store:clearCursor'),
      at(`workbook:deleteSheet ${SHEET.staging}`),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Nothing after the staging is dropped: the run is over.
    expect(host.journal.writes.at(-1)).toBe(`workbook:deleteSheet ${SHEET.staging}`);
    expect(host.store).toMatchObject({ cursor: null, completedWeek: WEEK });
  });

  it('a paused slice writes its staging, then its cursor; the resumed run commits without storing a cursor again', () => {
    const host = newHost();
    expect(execution(host, SHORT_SLICE_MS)).toBe('paused');
    // (Before them, the run's start notes the config sheets.)
    expect(host.journal.writes.slice(-2)).toEqual([`workbook:writeSheet ${SHEET.staging}`, 'store:saveCursor']);
    expect(host.journal.writes.filter((write) => write.startsWith('store:'))).toEqual(['store:saveCursor']);
    let outcome = execution(host, SHORT_SLICE_MS);
    while (outcome === 'paused') outcome = execution(host, SHORT_SLICE_MS);
    const commit = host.journal.writes.slice(host.journal.writes.lastIndexOf('store:saveCursor') + 1);
    expect(commit).not.toContain('store:saveCursor');
    expect(commit.indexOf(`workbook:replaceRowsFrom ${SHEET.history}`) >= 0 || commit.indexOf(`workbook:writeSheet ${SHEET.history}`) >= 0).toBe(true);
    expect(commit.slice(-3)).toEqual(['store:recordCompletion', 'store:clearCursor', `workbook:deleteSheet ${SHEET.staging}`]);
  });
});

describe('pauseWeek: the staging sheet', () => {
  it('the first pause writes it whole; a resumed slice appends only what it collected, and the sheet decodes to the whole run', () => {
    const host = newHost();
    expect(execution(host, SHORT_SLICE_MS)).toBe('paused');
    expect(host.journal.writes).toContain(`workbook:writeSheet ${SHEET.staging}`);
    const runId = host.store.cursor!.runId;
    let pauses = 1;
    for (;;) {
      const before = (host.sheets.readSheet(SHEET.staging) ?? []).length;
      host.journal.writes.length = 0;
      const now = host.api.virtualClock.now();
      const { job } = startWeekRun(host.workbook, { now, target: host.api.target, runId, resume: host.store.cursor });
      if (runSlice(job, sliceIo(host.api), { requestsPerSecond: 2, deadline: now + SHORT_SLICE_MS }) !== 'paused') break;
      pauseWeek(host.workbook, job, host.store);
      pauses++;
      expect(host.journal.writes).toContain(`workbook:replaceRowsFrom ${SHEET.staging}`);
      expect(host.journal.writes).not.toContain(`workbook:writeSheet ${SHEET.staging}`);
      const staging = host.sheets.readSheet(SHEET.staging)!;
      expect(staging.length).toBeGreaterThan(before);
      expect(staging).toEqual(encodeStaging(runId, job.stagingRecords()));
      expect(decodeStaging(staging, runId)).toEqual(job.stagingRecords());
    }
    expect(pauses).toBeGreaterThan(2);
  });

  it('a sheet holding rows of another run is written whole, without them', () => {
    const host = newHost();
    expect(execution(host, SHORT_SLICE_MS)).toBe('paused');
    const runId = host.store.cursor!.runId;
    const staging = host.sheets.readSheet(SHEET.staging)!;
    host.sheets.writeSheet(SHEET.staging, {
      rows: [...staging, ['ignorado', null, 1, 'HTTP 404', null, null, null, 11, null, null, null, 'outra-execucao']],
      hidden: true,
    });
    host.journal.writes.length = 0;
    const now = host.api.virtualClock.now();
    const { job } = startWeekRun(host.workbook, { now, target: host.api.target, runId, resume: host.store.cursor });
    expect(runSlice(job, sliceIo(host.api), { requestsPerSecond: 2, deadline: now + SHORT_SLICE_MS })).toBe('paused');
    pauseWeek(host.workbook, job, host.store);
    expect(host.journal.writes).toContain(`workbook:writeSheet ${SHEET.staging}`);
    expect(host.sheets.readSheet(SHEET.staging)).toEqual(encodeStaging(runId, job.stagingRecords()));
  });
});

describe('commitWeek and pauseWeek: a process killed at any operation', () => {
  function reference(sliceMs: number): { keys: string[]; operations: number } {
    const host = newHost();
    runUntilDone(host, sliceMs);
    return { keys: keysOf(host.sheets).sort(), operations: host.journal.operations };
  }

  it.each([
    ['completing in one slice', WHOLE_WEEK_MS],
    ['paused and resumed over several slices', SHORT_SLICE_MS],
  ])('%s: resumed, the week is written once and logged once, whatever operation the kill lands on', (_name, sliceMs) => {
    const undisturbed = reference(sliceMs);
    expect(undisturbed.keys.length).toBeGreaterThan(0);
    expect(new Set(undisturbed.keys).size).toBe(undisturbed.keys.length);
    let killed = 0;
    for (let killAt = 1; killAt <= undisturbed.operations; killAt++) {
      const host = newHost();
      host.journal.killAt = killAt;
      const { kills, lastWriteBeforeKill } = runUntilDone(host, sliceMs);
      killed += kills;
      const where = `kill at operation ${killAt}`;
      expect({ where, keys: keysOf(host.sheets).sort() }).toEqual({ where, keys: undisturbed.keys });
      expect({ where, completions: completions(host.sheets) }).toEqual({ where, completions: 1 });
      expect({ where, cursor: host.store.cursor, week: host.store.completedWeek }).toEqual({ where, cursor: null, week: WEEK });
      // A staging stays only when the kill fell between the cursor's end and its drop: no cursor names its run, so nothing resumes it.
      if (host.sheets.sheetNames().includes(SHEET.staging)) expect({ where, lastWriteBeforeKill }).toEqual({ where, lastWriteBeforeKill: 'store:clearCursor' });
    }
    // Every kill point really killed an execution: the sweep is not vacuous.
    expect(killed).toBe(undisturbed.operations);
  });
});
