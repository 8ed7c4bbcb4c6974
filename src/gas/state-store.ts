// What the add-on keeps between executions, in DocumentProperties: per spreadsheet, shared by the
// people who run the script there (editors), never visible in a cell.

import type { SyncCheckpoint } from '../core/sync/checkpoint';
import type { LocalDate } from '../core/time/local-date';

const KEY = {
  token: 'cademi.apiToken',
  checkpoint: 'cademi.checkpoint',
  runRequested: 'cademi.runRequested',
  lastCompletedWeek: 'cademi.lastCompletedWeek',
  lastFailureAt: 'cademi.lastFailureAt',
  lastOutcome: 'cademi.lastOutcome',
  progress: 'cademi.progress',
  pausedUntil: 'cademi.pausedUntil',
} as const;

/** How far the running slice is, for the sidebar's progress bar (another execution reads it). */
export interface SliceProgress {
  readonly week: string;
  readonly settled: number;
  readonly total: number;
  readonly listing: boolean;
  /** When it was written (epoch ms): a stale value means no slice is running. */
  readonly at: number;
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readToken(): string | null {
  return store().getProperty(KEY.token);
}

export function saveToken(token: string): void {
  store().setProperty(KEY.token, token);
}

/** The token as the UI may show it: only its last 4 characters. */
export function maskedToken(token: string | null): string {
  return token ? `…${token.slice(-4)}` : '(não configurado)';
}

export function readCheckpoint(): SyncCheckpoint | null {
  const text = store().getProperty(KEY.checkpoint);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as SyncCheckpoint;
    return parsed.version === 1 ? parsed : null;
  } catch {
    return null;
  }
}

export function saveCheckpoint(checkpoint: SyncCheckpoint): void {
  store().setProperty(KEY.checkpoint, JSON.stringify(checkpoint));
}

export function clearCheckpoint(): void {
  store().deleteProperty(KEY.checkpoint);
}

export function isRunRequested(): boolean {
  return store().getProperty(KEY.runRequested) === 'true';
}

export function setRunRequested(requested: boolean): void {
  if (requested) store().setProperty(KEY.runRequested, 'true');
  else store().deleteProperty(KEY.runRequested);
}

export function readRunHistory(): { lastCompletedWeek: LocalDate | null; lastFailureAt: number | null } {
  const properties = store().getProperties();
  const failure = Number(properties[KEY.lastFailureAt]);
  return { lastCompletedWeek: properties[KEY.lastCompletedWeek] ?? null, lastFailureAt: Number.isFinite(failure) && failure > 0 ? failure : null };
}

/** Records a completed week and withdraws the run request, in one properties write. */
export function recordCompletion(week: LocalDate, summary: string): void {
  store().setProperties({ [KEY.lastCompletedWeek]: week, [KEY.lastOutcome]: summary, [KEY.lastFailureAt]: '', [KEY.runRequested]: 'false' });
}

export function recordFailure(at: number, summary: string): void {
  store().setProperties({ [KEY.lastFailureAt]: String(at), [KEY.lastOutcome]: summary });
}

export function readLastOutcome(): string | null {
  return store().getProperty(KEY.lastOutcome);
}

export function saveProgress(progress: SliceProgress): void {
  store().setProperty(KEY.progress, JSON.stringify(progress));
}

export function readProgress(): SliceProgress | null {
  const text = store().getProperty(KEY.progress);
  if (!text) return null;
  try {
    return JSON.parse(text) as SliceProgress;
  } catch {
    return null;
  }
}

export function clearProgress(): void {
  store().deleteProperty(KEY.progress);
}

/** Until when slices wait (the UrlFetch quota renews the next day); null when not paused. */
export function readPausedUntil(): number | null {
  const value = Number(store().getProperty(KEY.pausedUntil));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function setPausedUntil(at: number | null): void {
  if (at === null) store().deleteProperty(KEY.pausedUntil);
  else store().setProperty(KEY.pausedUntil, String(at));
}
