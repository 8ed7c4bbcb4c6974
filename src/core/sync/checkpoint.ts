// The resumable job's cursor: small by design, JSON-safe, never data. Apps Script keeps it in
// DocumentProperties (9 KB a value, 500 KB a store), so a cohort whose listing ended costs 8
// characters, one not started costs nothing, and only the cohorts still listing carry a URL.

import { z } from 'zod';
import { type PageWalk, urlHash } from '../cademi/pagination';
import { CHECKPOINT_NOT_JSON, checkpointFieldInvalid, checkpointOtherVersion } from '../messages/sync';
import type { TagId } from '../model/ids';
import type { LocalDate } from '../time/local-date';

export const CHECKPOINT_VERSION = 2;

export interface SyncCheckpoint {
  readonly version: typeof CHECKPOINT_VERSION;
  readonly runId: string;
  readonly week: LocalDate;
  /** "Today" for the whole run (epoch ms): collection time, days without access. */
  readonly now: number;
  /** Cohorts (by `cohortKeys`) whose tag listing ended normally. */
  readonly listed: readonly string[];
  /** Cohorts whose tag Cademi does not know (404): the run goes on without them. */
  readonly unknownTags: readonly string[];
  /** Page walks of the cohorts still listing, by cohort key. A cohort in none of the three has not started. */
  readonly walks: Readonly<Record<string, PageWalk>>;
  /** Calls made so far by earlier slices, for the run log. */
  readonly calls: number;
  readonly retries: number;
  /** Cademi asked (429 Retry-After) that no request go before this instant (epoch ms); absent = no wait. */
  readonly notBefore?: number;
}

/** A stored checkpoint that does not parse: a stale format, a torn write, or garbage. */
export class CheckpointFormatError extends Error {
  constructor(readonly reason: string) {
    super(`checkpoint unreadable: ${reason}`);
    this.name = 'CheckpointFormatError';
  }
}

const KEY_LENGTH = 8;
const KEY = /^[0-9a-f]{8}$/;
const KEYS = /^(?:[0-9a-f]{8})*$/;
const HASHES = /^(?:[0-9a-f]{8})+$/;

/**
 * A compact key per cohort (8 hex digits), stable across slices: an FNV-1a hash of the tag and the
 * name, so a renamed cohort or a changed tag is simply listed again. Two cohorts of the set whose
 * hashes collide are told apart by rehashing, in name order.
 */
export function cohortKeys(cohorts: readonly { readonly name: string; readonly tagId: TagId }[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const cohort of [...cohorts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    let key = urlHash(`${cohort.tagId}|${cohort.name}`);
    while (taken.has(key)) key = urlHash(`${key}|${cohort.tagId}|${cohort.name}`);
    taken.add(key);
    keys.set(cohort.name, key);
  }
  return keys;
}

// The stored form: key sets and URL hashes as concatenated 8-digit runs, walks as short records.
const storedWalk = z
  .object({
    next: z.string().min(1),
    pages: z.number().int().positive(),
    seen: z.string().regex(HASHES),
  })
  .strict();

const storedCheckpoint = z
  .object({
    version: z.literal(CHECKPOINT_VERSION),
    runId: z.string().min(1).max(200),
    week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    now: z.number().int().nonnegative(),
    calls: z.number().int().nonnegative(),
    retries: z.number().int().nonnegative(),
    listed: z.string().regex(KEYS),
    unknownTags: z.string().regex(KEYS),
    walks: z.record(z.string().regex(KEY), storedWalk),
    // Optional, so checkpoints written before it existed still resume.
    notBefore: z.number().int().nonnegative().optional(),
  })
  .strict();

type StoredCheckpoint = z.infer<typeof storedCheckpoint>;

/** The checkpoint as compact ASCII-only JSON (non-ASCII escaped), so its length is its size in bytes. */
export function encodeCheckpoint(checkpoint: SyncCheckpoint): string {
  const stored: StoredCheckpoint = {
    version: CHECKPOINT_VERSION,
    runId: checkpoint.runId,
    week: checkpoint.week,
    now: checkpoint.now,
    calls: checkpoint.calls,
    retries: checkpoint.retries,
    listed: checkpoint.listed.join(''),
    unknownTags: checkpoint.unknownTags.join(''),
    walks: Object.fromEntries(
      Object.entries(checkpoint.walks).map(([key, walk]) => {
        if (walk.nextUrl === null || walk.stopReason !== null) throw new Error(`encodeCheckpoint: walk ${key} has stopped; record it as listed`);
        return [key, { next: walk.nextUrl, pages: walk.pages, seen: walk.seen.join('') }];
      }),
    ),
    ...(checkpoint.notBefore === undefined ? {} : { notBefore: Math.round(checkpoint.notBefore) }),
  };
  return JSON.stringify(stored).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses what `encodeCheckpoint` wrote; throws CheckpointFormatError for anything else. */
export function decodeCheckpoint(text: string): SyncCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CheckpointFormatError(CHECKPOINT_NOT_JSON);
  }
  const parsed = storedCheckpoint.safeParse(json);
  if (!parsed.success) {
    const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
    if (version !== CHECKPOINT_VERSION)
      throw new CheckpointFormatError(checkpointOtherVersion(version === undefined || version === null ? null : String(version), CHECKPOINT_VERSION));
    const [issue] = parsed.error.issues;
    if (!issue) throw new Error('decodeCheckpoint: the checkpoint failed validation without an issue');
    throw new CheckpointFormatError(checkpointFieldInvalid(issue.path.join('.')));
  }
  const stored = parsed.data;
  return {
    version: CHECKPOINT_VERSION,
    runId: stored.runId,
    week: stored.week,
    now: stored.now,
    calls: stored.calls,
    retries: stored.retries,
    listed: splitKeys(stored.listed),
    unknownTags: splitKeys(stored.unknownTags),
    walks: Object.fromEntries(
      Object.entries(stored.walks).map(([key, walk]) => [key, { nextUrl: walk.next, pages: walk.pages, seen: splitKeys(walk.seen), stopReason: null }]),
    ),
    ...(stored.notBefore === undefined ? {} : { notBefore: stored.notBefore }),
  };
}

function splitKeys(run: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < run.length; i += KEY_LENGTH) keys.push(run.slice(i, i + KEY_LENGTH));
  return keys;
}
