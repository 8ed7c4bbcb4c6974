// Fake LockService: script/document/user locks shared across "executions", with virtual-time waits.
import { instrument, Runtime } from './runtime';

type GLock = GoogleAppsScript.Lock.Lock;
export type LockKind = 'script' | 'document' | 'user';

interface LockState {
  holder: FakeLock | 'external' | null;
  releaseAt: number;
}

/** One lock handle, as returned by getScriptLock() etc. */
export class FakeLock implements GLock {
  constructor(
    readonly rt: Runtime,
    private readonly service: FakeLockService,
    readonly kind: LockKind,
  ) {}
  fakeScope(): string {
    return this.kind;
  }
  private acquire(timeoutInMillis: number): boolean {
    const state = this.service.state(this.kind);
    if (state.holder === 'external' && state.releaseAt <= this.rt.time.now()) state.holder = null;
    if (state.holder === null || state.holder === this) {
      state.holder = this;
      return true;
    }
    if (state.holder === 'external' && state.releaseAt <= this.rt.time.now() + timeoutInMillis) {
      this.rt.time.advance(state.releaseAt - this.rt.time.now());
      state.holder = this;
      return true;
    }
    this.rt.time.advance(Math.max(0, timeoutInMillis));
    return false;
  }
  hasLock(): boolean {
    return this.service.state(this.kind).holder === this;
  }
  releaseLock(): void {
    const state = this.service.state(this.kind);
    if (state.holder === this) state.holder = null;
  }
  /** Waits up to the timeout (in virtual time); false when another execution kept the lock. */
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis);
  }
  /** Like tryLock but throws Apps Script's lock timeout exception. */
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis)) throw this.rt.exception('Lock timeout: another process was holding the lock for too long.');
  }
}
instrument(FakeLock, 'Lock', ['hasLock', 'releaseLock', 'tryLock', 'waitLock']);

/** The `LockService` global plus contention controls for tests. */
export class FakeLockService implements GoogleAppsScript.Lock.LockService {
  private readonly states: Record<LockKind, LockState> = {
    script: { holder: null, releaseAt: Infinity },
    document: { holder: null, releaseAt: Infinity },
    user: { holder: null, releaseAt: Infinity },
  };
  /**
   * True while the execution is a web app (doPost/doGet): getDocumentLock() then returns null
   * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
   */
  inWebApp = false;
  constructor(readonly rt: Runtime = new Runtime()) {}
  gas(): GoogleAppsScript.Lock.LockService {
    return this;
  }
  state(kind: LockKind): LockState {
    return this.states[kind];
  }

  /** Simulates another execution holding `kind`; it lets go after `releaseAfterMs` of virtual time (default: never). */
  holdExternally(kind: LockKind, releaseAfterMs = Infinity): void {
    this.states[kind] = { holder: 'external', releaseAt: this.rt.time.now() + releaseAfterMs };
  }
  /** Ends an external hold. */
  releaseExternally(kind: LockKind): void {
    if (this.states[kind].holder === 'external') this.states[kind].holder = null;
  }
  /** Who holds `kind` now: 'external', 'this' (a lock of this env), or null. */
  holder(kind: LockKind): 'external' | 'this' | null {
    const h = this.states[kind].holder;
    return h === null ? null : h === 'external' ? 'external' : 'this';
  }
  /** Releases every lock held by this env's executions (what the end of an execution does). */
  releaseAll(): void {
    for (const kind of Object.keys(this.states) as LockKind[]) if (this.states[kind].holder !== 'external') this.states[kind].holder = null;
  }

  getScriptLock(): GLock {
    return new FakeLock(this.rt, this, 'script');
  }
  getDocumentLock(): GLock {
    return (this.inWebApp ? null : new FakeLock(this.rt, this, 'document')) as GLock;
  }
  getUserLock(): GLock {
    return new FakeLock(this.rt, this, 'user');
  }
}
instrument(FakeLockService, 'LockService', ['getScriptLock', 'getDocumentLock', 'getUserLock']);

/** Creates the `LockService` fake. */
export function createLockService(runtime?: Runtime): FakeLockService {
  return new FakeLockService(runtime);
}
