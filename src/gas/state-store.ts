// What the add-on keeps between executions, in DocumentProperties: per spreadsheet, shared by the
// people who run the script there (editors), never visible in a cell. Apps Script allows 9 KB per
// value and 500 KB per store (https://developers.google.com/apps-script/guides/services/quotas):
// the checkpoint is split into numbered chunks under a manifest, and every write is checked against
// those limits here, with a message people can act on, before the platform would throw.

import { z } from 'zod';
import { urlHash } from '../core/cademi/pagination';
import { tokenMessages } from '../core/messages/cademi';
import { CHECKPOINT_INDEX_UNREADABLE, CHECKPOINT_PARTS_MISMATCH, checkpointPartMissing, checkpointTooLarge, propertyTooLarge } from '../core/messages/sync';
import { CHECKPOINT_VERSION, CheckpointFormatError, decodeCheckpoint, encodeCheckpoint, type SyncCheckpoint } from '../core/sync/checkpoint';
import type { LocalDate } from '../core/time/local-date';
import { DOCUMENT_KEY } from './property-keys';

const KEY = DOCUMENT_KEY;

/** Apps Script's limit per property value. */
const VALUE_LIMIT_BYTES = 9 * 1024;
/** The most a checkpoint write may bring the store to, under Apps Script's 500 KB per store (keys and values): room is kept for the token, alerts, incident, archive id… */
export const STORE_BUDGET_BYTES = 400 * 1024;
/** Characters per checkpoint chunk. The serialized checkpoint is ASCII, so this is bytes too: under 9 KB with margin. */
export const CHECKPOINT_CHUNK_CHARS = 8 * 1024;
/** At most this many chunks (the budget allows ~50); a manifest naming more is not ours. */
const MAX_CHUNKS = 64;
/** A run summary kept for the sidebar, capped so it always fits one value. */
const OUTCOME_MAX_CHARS = 1000;

/** A value or the whole store would not fit in PropertiesService: the run fails with this message. */
export class StateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateLimitError';
  }
}

/** How far the running slice is, for the sidebar's progress bar (another execution reads it). */
export interface SliceProgress {
  readonly week: string;
  readonly settled: number;
  readonly total: number;
  readonly listing: boolean;
  /** When it was written (epoch ms): a stale value means no slice is running. */
  readonly at: number;
}

const sliceProgressSchema = z.object({
  week: z.string(),
  settled: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  listing: z.boolean(),
  at: z.number().nonnegative(),
});

const manifestSchema = z
  .object({
    version: z.literal(CHECKPOINT_VERSION),
    chunks: z.number().int().min(1).max(MAX_CHUNKS),
    length: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{8}$/),
  })
  .strict();

type CheckpointManifest = z.infer<typeof manifestSchema>;

/** What the store holds for the checkpoint: nothing, a whole checkpoint, or something that must not be trusted. */
export type StoredCheckpoint =
  | { readonly kind: 'none' }
  | { readonly kind: 'valid'; readonly checkpoint: SyncCheckpoint }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** What a checkpoint write took: its serialized size, its chunks, and the store's size after it. */
export interface CheckpointFootprint {
  readonly bytes: number;
  readonly chunks: number;
  readonly storeBytes: number;
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** UTF-8 size of a string (Apps Script has no Buffer; a blob per value would cost a service call). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function entriesBytes(entries: Iterable<[string, string]>): number {
  let bytes = 0;
  for (const [key, value] of entries) bytes += utf8Bytes(key) + utf8Bytes(value);
  return bytes;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).replace('.', ',');

/** Writes values in one call, refusing (with a message) any value the platform would refuse. */
function put(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    const bytes = utf8Bytes(key) + utf8Bytes(value);
    if (bytes > VALUE_LIMIT_BYTES) {
      throw new StateLimitError(propertyTooLarge(key, kb(bytes)));
    }
  }
  store().setProperties(values);
}

function parseJson<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readToken(): string | null {
  return store().getProperty(KEY.token);
}

export function saveToken(token: string): void {
  put({ [KEY.token]: token });
}

/** The token as the UI may show it: only its last 4 characters. */
export function maskedToken(token: string | null): string {
  return token ? `…${token.slice(-4)}` : tokenMessages.noneSaved;
}

const chunkKey = (index: number) => `${KEY.checkpointChunk}${index}`;
const isChunkKey = (key: string) => key.startsWith(KEY.checkpointChunk) && /^\d+$/.test(key.slice(KEY.checkpointChunk.length));

/**
 * The checkpoint as stored, read in one call. A manifest whose chunks are missing, or whose length
 * or hash does not match them (a torn or interrupted write, a stale format), is `unreadable`.
 */
export function readStoredCheckpoint(): StoredCheckpoint {
  const properties = store().getProperties();
  const manifestText = properties[KEY.checkpoint];
  if (!manifestText) return { kind: 'none' };
  const manifest = parseJson(manifestSchema, manifestText);
  if (!manifest) return { kind: 'unreadable', reason: CHECKPOINT_INDEX_UNREADABLE };
  const parts: string[] = [];
  for (let index = 1; index <= manifest.chunks; index++) {
    const part = properties[chunkKey(index)];
    if (!part) return { kind: 'unreadable', reason: checkpointPartMissing(index, manifest.chunks) };
    parts.push(part);
  }
  const text = parts.join('');
  if (text.length !== manifest.length || urlHash(text) !== manifest.hash) {
    return { kind: 'unreadable', reason: CHECKPOINT_PARTS_MISMATCH };
  }
  try {
    return { kind: 'valid', checkpoint: decodeCheckpoint(text) };
  } catch (error) {
    if (error instanceof CheckpointFormatError) return { kind: 'unreadable', reason: error.reason };
    throw error;
  }
}

/** The checkpoint, or null when there is none or it cannot be trusted (the slice reports that case). */
export function readCheckpoint(): SyncCheckpoint | null {
  const stored = readStoredCheckpoint();
  if (stored.kind === 'unreadable') console.warn(`checkpoint unreadable: ${stored.reason}`);
  return stored.kind === 'valid' ? stored.checkpoint : null;
}

/**
 * Writes the checkpoint's chunks and manifest in ONE setProperties call; chunks left from a larger
 * previous checkpoint are emptied in that same call (then deleted), so the store never holds both.
 * Throws StateLimitError, before writing anything, when the store would pass STORE_BUDGET_BYTES.
 */
export function saveCheckpoint(checkpoint: SyncCheckpoint): CheckpointFootprint {
  const text = encodeCheckpoint(checkpoint);
  const values: Record<string, string> = {};
  let chunks = 0;
  for (let offset = 0; offset < text.length; offset += CHECKPOINT_CHUNK_CHARS) values[chunkKey(++chunks)] = text.slice(offset, offset + CHECKPOINT_CHUNK_CHARS);
  const manifest: CheckpointManifest = { version: CHECKPOINT_VERSION, chunks, length: text.length, hash: urlHash(text) };
  values[KEY.checkpoint] = JSON.stringify(manifest);
  const current = store().getProperties();
  const leftovers = Object.keys(current).filter((key) => isChunkKey(key) && !(key in values));
  for (const key of leftovers) values[key] = '';
  const others = entriesBytes(Object.entries(current).filter(([key]) => !(key in values)));
  const storeBytes = others + entriesBytes(Object.entries(values));
  if (chunks > MAX_CHUNKS || storeBytes > STORE_BUDGET_BYTES) {
    throw new StateLimitError(checkpointTooLarge(kb(text.length), kb(others), kb(STORE_BUDGET_BYTES)));
  }
  put(values);
  for (const key of leftovers) store().deleteProperty(key);
  return { bytes: text.length, chunks, storeBytes };
}

/** Removes the manifest first (the checkpoint is gone from then on), then every chunk. */
export function clearCheckpoint(): void {
  const keys = store().getKeys();
  if (keys.includes(KEY.checkpoint)) store().deleteProperty(KEY.checkpoint);
  for (const key of keys.filter(isChunkKey)) store().deleteProperty(key);
}

export function isRunRequested(): boolean {
  return store().getProperty(KEY.runRequested) === 'true';
}

export function setRunRequested(requested: boolean): void {
  if (requested) put({ [KEY.runRequested]: 'true' });
  else store().deleteProperty(KEY.runRequested);
}

export function readRunHistory(): { lastCompletedWeek: LocalDate | null; lastFailureAt: number | null } {
  const properties = store().getProperties();
  const failure = Number(properties[KEY.lastFailureAt]);
  return { lastCompletedWeek: properties[KEY.lastCompletedWeek] || null, lastFailureAt: Number.isFinite(failure) && failure > 0 ? failure : null };
}

/** Records a completed week and withdraws the run request, in one properties write. */
export function recordCompletion(week: LocalDate, summary: string): void {
  put({ [KEY.lastCompletedWeek]: week, [KEY.lastOutcome]: summary.slice(0, OUTCOME_MAX_CHARS), [KEY.lastFailureAt]: '', [KEY.runRequested]: 'false' });
}

export function recordFailure(at: number, summary: string): void {
  put({ [KEY.lastFailureAt]: String(at), [KEY.lastOutcome]: summary.slice(0, OUTCOME_MAX_CHARS) });
}

export function readLastOutcome(): string | null {
  return store().getProperty(KEY.lastOutcome);
}

export function saveProgress(progress: SliceProgress): void {
  put({ [KEY.progress]: JSON.stringify(progress) });
}

export function readProgress(): SliceProgress | null {
  const text = store().getProperty(KEY.progress);
  return text ? parseJson(sliceProgressSchema, text) : null;
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
  else put({ [KEY.pausedUntil]: String(at) });
}
