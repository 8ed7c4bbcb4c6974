// The retry ledger on its own: requests in flight, waiting to be sent again, backing off with their
// attempts counted, and the hold a 429 puts on every request.

import { MAX_CONSECUTIVE_RATE_LIMITS, RetryLedger } from '../../../src/core/sync/retry-ledger';

const T = 1_000_000;

describe('RetryLedger', () => {
  it('keeps a request from being handed out twice while it is in flight, and knows where it went', () => {
    const ledger = new RetryLedger(6);
    expect(ledger.mayHandOut('progress:1|1', T)).toBe(true);
    ledger.handedOut('progress:1|1', 'https://x/p/1/1');
    expect(ledger.mayHandOut('progress:1|1', T)).toBe(false);
    expect(ledger.answered('progress:1|1')).toBe('https://x/p/1/1');
    expect(ledger.mayHandOut('progress:1|1', T)).toBe(true);
    expect(ledger.answered('never-sent')).toBe('');
  });

  it('puts a request handed back unsent in the waiting line, oldest first, until it is handed out again', () => {
    const ledger = new RetryLedger(6);
    for (const key of ['progress:1|1', 'tag:A', 'progress:2|1']) ledger.handedOut(key, key);
    ledger.release('progress:2|1');
    ledger.release('tag:A');
    ledger.release('progress:1|1');
    expect(ledger.waitingWith('progress:')).toEqual(['progress:2|1', 'progress:1|1']);
    expect(ledger.mayHandOut('progress:2|1', T)).toBe(true);
    ledger.handedOut('progress:2|1', 'again');
    ledger.forget('progress:1|1');
    expect(ledger.waitingWith('progress:')).toEqual([]);
    expect(ledger.waitingWith('tag:')).toEqual(['tag:A']);
  });

  it('backs a failed request off exponentially, waiting to be sent again, until its attempts are spent', () => {
    const ledger = new RetryLedger(3);
    ledger.handedOut('product:7', 'u');
    ledger.answered('product:7');
    expect(ledger.failed('product:7', 'GET /produto', T)).toBe(1);
    expect(ledger.waitingWith('product:')).toEqual(['product:7']);
    expect(ledger.backingOff('product:7', T + 999)).toBe(true);
    expect(ledger.mayHandOut('product:7', T + 999)).toBe(false);
    expect(ledger.pendingWait()).toEqual({ until: T + 1000, rateLimited: false, requestedMs: 0, endpoint: 'GET /produto' });
    expect(ledger.mayHandOut('product:7', T + 1000)).toBe(true);
    expect(ledger.failed('product:7', 'GET /produto', T + 1000)).toBe(2);
    expect(ledger.pendingWait()?.until).toBe(T + 1000 + 2000);
    expect(ledger.failed('product:7', 'GET /produto', T + 3000)).toBeNull();
  });

  it('forgets a request once it succeeded: no attempts, no back-off, not waiting', () => {
    const ledger = new RetryLedger(2);
    ledger.failed('tag:A', 'GET /tag', T);
    ledger.succeeded('tag:A');
    expect(ledger.waitingWith('tag:')).toEqual([]);
    expect(ledger.pendingWait()).toBeNull();
    expect(ledger.failed('tag:A', 'GET /tag', T)).toBe(1);
  });

  it('holds every request on a 429 for its Retry-After, spending no attempt, and gives up after a storm', () => {
    const ledger = new RetryLedger(2);
    expect(ledger.rateLimited('progress:1|1', 30_000, 'GET /progresso', T)).toBe(1);
    expect(ledger.holding(T + 29_999)).toBe(true);
    expect(ledger.holdUntil()).toBe(T + 30_000);
    expect(ledger.pendingWait()).toEqual({ until: T + 30_000, rateLimited: true, requestedMs: 30_000, endpoint: 'GET /progresso' });
    expect(ledger.waitingWith('progress:')).toEqual(['progress:1|1']);
    expect(ledger.holding(T + 30_000)).toBe(false);
    for (let streak = 2; streak < MAX_CONSECUTIVE_RATE_LIMITS; streak++) expect(ledger.rateLimited('progress:1|1', 1000, 'GET /progresso', T)).toBe(streak);
    expect(ledger.rateLimited('progress:1|1', 1000, 'GET /progresso', T)).toBeNull();
  });

  it('restores a hold from a checkpoint (Cademi’s wait outlives the slice that got it)', () => {
    const ledger = new RetryLedger(6, T + 5000);
    expect(ledger.holding(T)).toBe(true);
    expect(ledger.pendingWait()).toMatchObject({ until: T + 5000, rateLimited: true, requestedMs: 0 });
  });
});
