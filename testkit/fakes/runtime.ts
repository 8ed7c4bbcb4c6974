// The state every fake service shares: virtual time, call counters, cost table, kill switch, realm.
import { ruleFor } from '../../src/deploy/scopes';
import { KillSwitch } from './kill-switch';
import { makeFakeDate, VirtualTime } from './virtual-time';

/** Virtual cost of one call: a fixed part plus a part per cell touched (for ranges). */
export interface CallCost {
  baseMs: number;
  perCellMs?: number;
}

/** Costs by `Service.method` key; `default` applies to every unlisted call. */
export type CostTable = Record<string, CallCost> & { default: CallCost };

/** Realistic defaults: reads ~50 ms, writes ~100 ms, cheap getters 1 ms. UrlFetch latency is separate. */
export const DEFAULT_COSTS: CostTable = {
  default: { baseMs: 1 },
  'Range.getValues': { baseMs: 50, perCellMs: 0.002 },
  'Range.getDisplayValues': { baseMs: 50, perCellMs: 0.002 },
  'Range.getFormulas': { baseMs: 50, perCellMs: 0.002 },
  'Range.getNotes': { baseMs: 50, perCellMs: 0.002 },
  'Range.getBackgrounds': { baseMs: 50, perCellMs: 0.002 },
  'Range.getNumberFormats': { baseMs: 50, perCellMs: 0.002 },
  'Range.setValues': { baseMs: 100, perCellMs: 0.005 },
  'Range.setNotes': { baseMs: 100, perCellMs: 0.005 },
  'Range.setBackgrounds': { baseMs: 100, perCellMs: 0.005 },
  'Range.setNumberFormats': { baseMs: 100, perCellMs: 0.005 },
  'Range.setRichTextValues': { baseMs: 100, perCellMs: 0.005 },
  'Range.setFontWeights': { baseMs: 100, perCellMs: 0.005 },
  'Range.setFontColors': { baseMs: 100, perCellMs: 0.005 },
  'Range.setFontSizes': { baseMs: 100, perCellMs: 0.005 },
  'Range.setDataValidation': { baseMs: 100 },
  'Range.clearDataValidations': { baseMs: 60 },
  'Range.clearFormat': { baseMs: 60 },
  'Sheet.setColumnWidths': { baseMs: 30 },
  'Spreadsheet.moveActiveSheet': { baseMs: 100 },
  'Range.setValue': { baseMs: 60 },
  'Range.getValue': { baseMs: 30 },
  'Sheet.insertRowsAfter': { baseMs: 80 },
  'Sheet.deleteRows': { baseMs: 80 },
  'Sheet.insertChart': { baseMs: 300 },
  'Sheet.updateChart': { baseMs: 300 },
  'Sheet.autoResizeColumns': { baseMs: 200 },
  'Spreadsheet.insertSheet': { baseMs: 300 },
  'Spreadsheet.deleteSheet': { baseMs: 200 },
  'Spreadsheet.toast': { baseMs: 20 },
  'SpreadsheetApp.getActiveSpreadsheet': { baseMs: 5 },
  'SpreadsheetApp.openById': { baseMs: 200 },
  'Properties.getProperty': { baseMs: 15 },
  'Properties.setProperty': { baseMs: 25 },
  'Properties.getProperties': { baseMs: 20 },
  'Properties.setProperties': { baseMs: 30 },
  'Lock.tryLock': { baseMs: 10 },
  'Lock.waitLock': { baseMs: 10 },
  'ScriptApp.getProjectTriggers': { baseMs: 50 },
  'ScriptApp.getUserTriggers': { baseMs: 50 },
  'TriggerBuilder.create': { baseMs: 200 },
  'MailApp.sendEmail': { baseMs: 300 },
  'UrlFetchApp.fetch': { baseMs: 0 },
  'UrlFetchApp.fetchAll': { baseMs: 0 },
  'Utilities.sleep': { baseMs: 0 },
};

/** Options of `createRuntime`. */
export interface RuntimeOptions {
  /** Start instant (epoch ms); default 2026-03-02T12:00Z. Ignored when `time` is given. */
  startTime?: number;
  time?: VirtualTime;
  /** Overrides merged over DEFAULT_COSTS. */
  costs?: Partial<CostTable>;
}

/** Shared state of one Apps Script environment. */
export class Runtime {
  readonly time: VirtualTime;
  readonly killSwitch = new KillSwitch();
  readonly costs: CostTable;
  /** The Date class the fakes hand out (the vm context's global `Date`). */
  readonly Date: DateConstructor;
  /** The Error class service exceptions are made from; `loadBundle` swaps in the vm context's. */
  ErrorClass: ErrorConstructor = Error;
  /**
   * The manifest's `oauthScopes`; null skips the check. Set, a call whose scope is missing throws as
   * Apps Script does when a manifest sets scopes explicitly
   * (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes).
   */
  manifestScopes: readonly string[] | null = null;
  private readonly counts = new Map<string, number>();
  private readonly scoped = new Map<string, Map<string, number>>();
  private quiet = 0;
  private carryMs = 0;

  constructor(options: RuntimeOptions = {}) {
    this.time = options.time ?? new VirtualTime(options.startTime ?? Date.UTC(2026, 2, 2, 12));
    this.costs = { ...DEFAULT_COSTS, ...(options.costs as CostTable | undefined) };
    this.Date = makeFakeDate(this.time);
  }

  /** Records one service call: kill check first, then the counter, then the virtual cost. */
  call(key: string, cells = 0, scope?: string): void {
    if (this.quiet > 0) return;
    this.killSwitch.check(this.time.now(), (m) => new this.ErrorClass(m));
    this.checkScope(key);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (scope !== undefined) {
      let perScope = this.scoped.get(scope);
      if (!perScope) {
        perScope = new Map();
        this.scoped.set(scope, perScope);
      }
      perScope.set(key, (perScope.get(key) ?? 0) + 1);
    }
    const cost = this.costs[key] ?? this.costs.default;
    // Whole milliseconds only (Date.now() is an integer); fractions carry over to the next call.
    this.carryMs += cost.baseMs + (cost.perCellMs ?? 0) * cells;
    const whole = Math.floor(this.carryMs);
    this.carryMs -= whole;
    this.time.advance(whole);
  }

  private checkScope(key: string): void {
    if (this.manifestScopes === null) return;
    const [service, member] = key.split('.');
    const rule = ruleFor(service, member ?? null);
    if (!rule || rule.anyOf.length === 0 || rule.anyOf.some((scope) => this.manifestScopes!.includes(scope))) return;
    throw this.exception(`You do not have permission to call ${key}. Required permissions: ${rule.anyOf[rule.anyOf.length - 1]}`);
  }

  /** Runs `f` without counting, costing or kill-checking its service calls (for test inspection). */
  quietly<T>(f: () => T): T {
    this.quiet += 1;
    try {
      return f();
    } finally {
      this.quiet -= 1;
    }
  }

  /** An Apps Script service exception: `name` 'Exception', so `String(e)` reads `Exception: <message>`. */
  exception(message: string): Error {
    const error = new this.ErrorClass(message);
    error.name = 'Exception';
    return error;
  }

  /** Call counts by `Service.method`, optionally only those whose key starts with `prefix`. */
  calls(prefix = ''): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) out[k] = v;
    return out;
  }

  /** Call counts per scope (sheet name for Sheet/Range calls). */
  callsByScope(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [scope, m] of this.scoped) out[scope] = Object.fromEntries(m);
    return out;
  }

  /** Total of all service calls. */
  totalCalls(): number {
    let total = 0;
    for (const v of this.counts.values()) total += v;
    return total;
  }

  /** Forgets the counters (time and kill switch untouched). */
  resetCalls(): void {
    this.counts.clear();
    this.scoped.clear();
  }
}

/** Anything instrumented: has the runtime and optionally a scope and a cell count. */
interface Instrumented {
  readonly rt: Runtime;
  fakeScope?(): string;
  fakeCells?(method: string, args: unknown[]): number;
}

/**
 * Wraps `methods` of `cls.prototype` so each call goes through `rt.call('<service>.<method>')`.
 * Internal code calls private helpers, so one API call is counted once.
 */
export function instrument<T extends Instrumented>(cls: { prototype: T }, service: string, methods: readonly string[]): void {
  const proto = cls.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function') throw new Error(`instrument: ${service}.${method} is not implemented`);
    const key = `${service}.${method}`;
    proto[method] = function (this: T, ...args: unknown[]) {
      this.rt.call(key, this.fakeCells ? this.fakeCells(method, args) : 0, this.fakeScope?.());
      return original.apply(this, args);
    };
  }
}

/** Builds an Apps Script-style enum (values are their own names, so they print and compare well). */
export function enumOf<K extends string>(...keys: K[]): Record<K, K> {
  const out = {} as Record<K, K>;
  for (const k of keys) out[k] = k;
  return Object.freeze(out);
}
