// The checkpoint store at the platform's limits: 1,000 active cohorts with several pages each, over
// the fake PropertiesService (9 KB a value, 500 KB a store, as Apps Script enforces them).

import { newPageWalk, type PageWalk, urlHash } from '../../src/core/cademi/pagination';
import { cohortKeys, encodeCheckpoint, type SyncCheckpoint } from '../../src/core/sync/checkpoint';
import {
  CHECKPOINT_CHUNK_CHARS,
  clearCheckpoint,
  readCheckpoint,
  readProgress,
  readStoredCheckpoint,
  recordFailure,
  STORE_BUDGET_BYTES,
  StateLimitError,
  saveCheckpoint,
  saveProgress,
} from '../../src/gas/state-store';
import { createPropertiesService, type FakePropertiesService, MAX_STORE_BYTES, MAX_VALUE_BYTES } from '../../testkit/fakes/properties';

const COHORTS = Array.from({ length: 1000 }, (_, index) => ({
  name: `Turma ${2026 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')} grupo ${index}`,
  tagId: 5000 + index,
}));
const KEYS = cohortKeys(COHORTS);
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A next_page_url as long as a real opaque cursor can make it. */
function pageUrl(tagId: number, page: number, length: number): string {
  const base = `https://escolaexemplo.cademi.com.br/api/v1/tag/${tagId}/usuarios?cursor=`;
  const cursor = Buffer.from(`{"list":"tag:${tagId}","after":${page * 150},"pad":"${'x'.repeat(length)}"}`).toString('base64url');
  return (base + cursor).slice(0, Math.max(length, base.length + 16));
}

/** A walk `pages` pages in, its next URL `urlLength` characters long. */
function walkAt(tagId: number, pages: number, urlLength: number): PageWalk {
  let walk = newPageWalk(`https://escolaexemplo.cademi.com.br/api/v1/tag/${tagId}/usuarios`);
  for (let page = 1; page <= pages; page++) {
    const next = pageUrl(tagId, page, urlLength);
    walk = { nextUrl: next, pages: page, seen: [...walk.seen, urlHash(next)], stopReason: null };
  }
  return walk;
}

/** 1,000 active cohorts mid-run: most listed (several pages each), `listing` still listing, 30 unknown tags, the rest not started. */
function checkpointAt(listing: number, options: { urlLength?: number; pages?: number } = {}): SyncCheckpoint {
  const listed: string[] = [];
  const unknownTags: string[] = [];
  const walks: Record<string, PageWalk> = {};
  COHORTS.forEach((cohort, index) => {
    const key = KEYS.get(cohort.name)!;
    if (index < listing) walks[key] = walkAt(cohort.tagId, options.pages ?? 3 + (index % 6), options.urlLength ?? 600);
    else if (index < listing + 30) unknownTags.push(key);
    else if (index < 980) listed.push(key);
  });
  return { version: 2, runId: 'Agendada-1789380000000', week: '2026-09-14', now: 1789380000000, listed, unknownTags, walks, calls: 4321, retries: 12 };
}

/** What the rest of the add-on keeps in the same store, at realistic (generous) sizes. */
function otherValues(): Record<string, string> {
  return {
    'cademi.apiToken': 'a'.repeat(64),
    'cademi.slackWebhook': `https://hooks.slack.com/services/T0000000/B0000000/${'s'.repeat(24)}`,
    'cademi.incident': JSON.stringify({ kind: 'falha', since: 1789380000000, message: 'é'.repeat(1000) }),
    'cademi.lastOutcome': 'ç'.repeat(1000),
    'cademi.lastFailureAt': '1789380000000',
    'cademi.lastCompletedWeek': '2026-09-07',
    'cademi.progress': JSON.stringify({ week: '2026-09-14', settled: 12000, total: 30000, listing: false, at: 1789380000000 }),
    'cademi.archiveSpreadsheetId': '1'.repeat(44),
    'cademi.autoUpdate': 'on',
    'cademi.runRequested': 'true',
    'cademi.pausedUntil': '1789380000000',
  };
}

let properties: FakePropertiesService;
const document = () => properties.document;
const chunkKeys = () => [...document().data.keys()].filter((key) => /^cademi\.checkpoint\.\d+$/.test(key)).sort();

beforeEach(() => {
  properties = createPropertiesService();
  (globalThis as unknown as { PropertiesService: unknown }).PropertiesService = properties;
  document().setProperties(otherValues());
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('cohort keys', () => {
  it('are 8 hex digits, unique across 1,000 cohorts, and do not depend on the order', () => {
    expect(new Set(KEYS.values()).size).toBe(1000);
    for (const key of KEYS.values()) expect(key).toMatch(/^[0-9a-f]{8}$/);
    expect(cohortKeys([...COHORTS].reverse())).toEqual(KEYS);
  });
});

describe('the checkpoint store at 1,000 active cohorts', () => {
  it('would not fit one value the old way; chunked, every value is under 9 KB and the store under its budget', () => {
    const checkpoint = checkpointAt(100);
    // The first format: every cohort's walk by name, URL hashes as JSON strings, finished walks included.
    const oldFormat = JSON.stringify({
      version: 1,
      runId: checkpoint.runId,
      week: checkpoint.week,
      now: checkpoint.now,
      calls: checkpoint.calls,
      retries: checkpoint.retries,
      walks: Object.fromEntries(
        COHORTS.map((cohort, index) => [cohort.name, index < 100 ? walkAt(cohort.tagId, 3 + (index % 6), 600) : walkAt(cohort.tagId, 4, 120)]),
      ),
      failedCohorts: {},
    });
    expect(bytes(oldFormat)).toBeGreaterThan(MAX_VALUE_BYTES);

    const footprint = saveCheckpoint(checkpoint);
    expect(footprint.chunks).toBe(Math.ceil(encodeCheckpoint(checkpoint).length / CHECKPOINT_CHUNK_CHARS));
    expect(footprint.chunks).toBeGreaterThan(1);
    for (const [key, value] of document().data) expect(bytes(key) + bytes(value)).toBeLessThan(MAX_VALUE_BYTES);
    expect(document().sizeBytes()).toBe(footprint.storeBytes);
    expect(document().sizeBytes()).toBeLessThan(STORE_BUDGET_BYTES);
    expect(readStoredCheckpoint()).toEqual({ kind: 'valid', checkpoint });
    // Written in one call with its manifest.
    expect(properties.rt.calls('Properties.setProperties')['Properties.setProperties']).toBe(2); // otherValues + the checkpoint
  });

  it('fits even with 950 cohorts still listing at once behind 300-character URLs', () => {
    const crowded = checkpointAt(950, { urlLength: 300, pages: 5 });
    const footprint = saveCheckpoint(crowded);
    expect(footprint.storeBytes).toBeLessThan(STORE_BUDGET_BYTES);
    for (const value of document().data.values()) expect(bytes(value)).toBeLessThan(MAX_VALUE_BYTES);
    expect(readCheckpoint()).toEqual(crowded);
  });

  it('a finished listing costs 8 characters and a not-started one nothing', () => {
    const done = checkpointAt(0);
    expect(encodeCheckpoint(done).length).toBeLessThan(980 * 8 + 200); // 950 listed + 30 unknown keys + the header
    saveCheckpoint(done);
    expect(chunkKeys()).toEqual(['cademi.checkpoint.1']);
    expect(readCheckpoint()).toEqual(done);
  });

  it('a smaller checkpoint empties the chunks a larger one left, in the same write, then deletes them', () => {
    saveCheckpoint(checkpointAt(200));
    const before = chunkKeys().length;
    expect(before).toBeGreaterThan(5);
    let inWrite: Record<string, string> = {};
    const setProperties = document().setProperties.bind(document());
    document().setProperties = ((values: Record<string, string>) => {
      inWrite = values;
      return setProperties(values);
    }) as typeof setProperties;
    const small = checkpointAt(3);
    saveCheckpoint(small);
    expect(Object.entries(inWrite).filter(([, value]) => value === '').length).toBe(before - chunkKeys().length);
    expect(chunkKeys()).toHaveLength(Math.ceil(encodeCheckpoint(small).length / CHECKPOINT_CHUNK_CHARS));
    expect(readCheckpoint()).toEqual(small);
    clearCheckpoint();
    expect([...document().data.keys()].filter((key) => key.startsWith('cademi.checkpoint'))).toEqual([]);
    expect(readStoredCheckpoint()).toEqual({ kind: 'none' });
  });

  it('detects a torn or stale read and never returns garbage', () => {
    const first = checkpointAt(100);
    saveCheckpoint(first);
    const staleChunk = document().data.get('cademi.checkpoint.2')!;
    saveCheckpoint({ ...first, calls: 9999, walks: { ...first.walks, [KEYS.get(COHORTS[0].name)!]: walkAt(COHORTS[0].tagId, 8, 700) } });

    // A chunk from the previous write next to the new manifest (a torn write).
    document().data.set('cademi.checkpoint.2', staleChunk);
    expect(readStoredCheckpoint()).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/não conferem/) });
    expect(readCheckpoint()).toBeNull();

    // A missing chunk.
    saveCheckpoint(first);
    document().data.delete('cademi.checkpoint.3');
    expect(readStoredCheckpoint()).toMatchObject({
      kind: 'unreadable',
      reason: `falta a parte 3 de ${Math.ceil(encodeCheckpoint(first).length / CHECKPOINT_CHUNK_CHARS)}`,
    });

    // The first format, whole in the manifest's key (left by an older version).
    document().data.set(
      'cademi.checkpoint',
      JSON.stringify({ version: 1, runId: 'x', week: '2026-09-14', now: 1, walks: {}, failedCohorts: {}, calls: 0, retries: 0 }),
    );
    expect(readStoredCheckpoint()).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/formato antigo/) });

    // Chunks that match the manifest but do not hold a checkpoint.
    const text = '{"version":2,"runId":"x"}';
    document().data.set('cademi.checkpoint', JSON.stringify({ version: 2, chunks: 1, length: text.length, hash: urlHash(text) }));
    document().data.set('cademi.checkpoint.1', text);
    expect(readStoredCheckpoint()).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/campo/) });
  });

  it('refuses, with a message people can act on, a checkpoint that would pass the store budget, and keeps the previous one', () => {
    const previous = checkpointAt(10);
    saveCheckpoint(previous);
    const before = new Map(document().data);
    // Every cohort still listing behind a 1 KB URL: ~1 MB, more than the store holds.
    const huge = checkpointAt(970, { urlLength: 1000, pages: 2 });
    expect(() => saveCheckpoint(huge)).toThrow(StateLimitError);
    expect(() => saveCheckpoint(huge)).toThrow(/não cabe nas propriedades do documento.*Desative em Turmas/);
    expect(document().data).toEqual(before);
    expect(readCheckpoint()).toEqual(previous);
  });

  it('counts the other values: a store filled by others refuses a checkpoint that alone would fit', () => {
    for (let index = 0; index < 45; index++) document().setProperty(`outro.complemento.${index}`, 'x'.repeat(9000));
    expect(() => saveCheckpoint(checkpointAt(20))).toThrow(StateLimitError);
    expect(document().sizeBytes()).toBeLessThan(MAX_STORE_BYTES);
  });
});

describe('other values', () => {
  it('progress read back is validated; a malformed value reads as none', () => {
    saveProgress({ week: '2026-09-14', settled: 3, total: 10, listing: false, at: 5 });
    expect(readProgress()).toEqual({ week: '2026-09-14', settled: 3, total: 10, listing: false, at: 5 });
    document().data.set('cademi.progress', JSON.stringify({ week: '2026-09-14', settled: 'três' }));
    expect(readProgress()).toBeNull();
    document().data.set('cademi.progress', '{');
    expect(readProgress()).toBeNull();
  });

  it('a failure summary is capped so it always fits one value', () => {
    recordFailure(1, 'erro '.repeat(5000));
    expect(bytes(document().data.get('cademi.lastOutcome')!)).toBeLessThanOrEqual(1000);
  });
});
