// One Apps Script environment: every fake on one virtual clock, as vm globals, plus loadBundle for build/Code.js.
import vm from 'node:vm';
import { FAKE_CHARTS } from './charts';
import { FakeHtmlService } from './html';
import type { KillSwitch } from './kill-switch';
import { FakeLockService } from './lock';
import { FakeLogs } from './logger';
import { FakeMailApp } from './mail';
import { FakePropertiesService } from './properties';
import { type CostTable, Runtime } from './runtime';
import { FakeScriptApp, type FiredRun } from './script-app';
import { FakeSession } from './session';
import { type FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import type { FakeUi } from './ui';
import { FakeUrlFetchApp, type FetchHandler, type UrlFetchOptions } from './url-fetch';
import { FakeUtilities } from './utilities';
import type { VirtualTime } from './virtual-time';

/** Apps Script's limit on one execution (consumer and Workspace). */
export const MAX_EXECUTION_MS = 6 * 60_000;

/** Options of `createAppsScriptEnv`. */
export interface AppsScriptEnvOptions {
  /** Answers UrlFetchApp requests (e.g. `createSimulator({ clock: env.time … }).handle`; the simulator may be built after the env and swapped in with `env.urlFetch.handler = …`). */
  handler: FetchHandler;
  /** Virtual start instant (epoch ms). */
  startTime: number;
  /** Name of the bound spreadsheet (default 'Cademi Progress Monitor'). */
  spreadsheetName?: string;
  /** Spreadsheet and script time zone (default 'America/Sao_Paulo'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'pt_BR': '11,12' typed into a cell becomes 11.12). */
  locale?: string;
  urlFetchQuota?: number;
  latencyMs?: UrlFetchOptions['latencyMs'];
  costs?: Partial<CostTable>;
  /** Project HTML files for HtmlService (name → content). */
  htmlFiles?: Record<string, string>;
  /** Who runs executions (switch `env.session.activeUserEmail` between executions for another editor). */
  activeUserEmail?: string;
  /** Enforce add-on trigger rules (no everyMinutes, one clock trigger per document). */
  addon?: boolean;
  mailQuota?: number;
  /** Per-execution limit used by `execute` and `runTriggersUntil` (default 6 min). */
  maxExecutionMs?: number;
}

/** `ContentService`: text outputs as data (what a web app's doGet/doPost returns). */
const FAKE_CONTENT_SERVICE = {
  MimeType: { JSON: 'JSON', TEXT: 'TEXT' },
  createTextOutput(content = '') {
    let mimeType = 'TEXT';
    const output = {
      getContent: () => content,
      getMimeType: () => mimeType,
      setMimeType(type: string) {
        mimeType = type;
        return output;
      },
    };
    return output;
  },
};

/** Everything a test needs: the globals for the vm and the fakes behind them. */
export interface AppsScriptEnv {
  globals: Record<string, unknown>;
  runtime: Runtime;
  time: VirtualTime;
  /** The fake Date class (reads virtual time). */
  Date: DateConstructor;
  spreadsheetApp: FakeSpreadsheetApp;
  /** The bound (active) spreadsheet. */
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  urlFetch: FakeUrlFetchApp;
  properties: FakePropertiesService;
  lock: FakeLockService;
  triggers: FakeScriptApp;
  utilities: FakeUtilities;
  session: FakeSession;
  html: FakeHtmlService;
  mail: FakeMailApp;
  logs: FakeLogs;
  killSwitch: KillSwitch;
  /** Service call counts by 'Service.method' (optionally filtered by prefix). */
  calls(prefix?: string): Record<string, number>;
  /** Range/Sheet call counts per sheet name. */
  callsBySheet(): Record<string, Record<string, number>>;
  /**
   * Runs `f` as one Apps Script execution: the kill switch fires at start + maxExecutionMs (and any
   * pending killAfter stays armed); `context: 'trigger'` makes getUi() throw as in a trigger, and
   * `'webapp'` (doPost) too, with no document lock; locks held by the execution are released at the
   * end, as Apps Script does.
   */
  execute<T>(f: () => T, options?: { context?: 'ui' | 'trigger' | 'webapp' }): T;
  /** Fires due time triggers until `untilMs`, each as an `execute` in trigger context; errors are recorded per run. */
  runTriggersUntil(untilMs: number, functions: Record<string, Function>): FiredRun[];
}

/** Builds a complete environment on one virtual clock starting at `options.startTime`. */
export function createAppsScriptEnv(options: AppsScriptEnvOptions): AppsScriptEnv {
  const timeZone = options.timeZone ?? 'America/Sao_Paulo';
  const runtime = new Runtime({ startTime: options.startTime, costs: options.costs });
  const spreadsheetApp = new FakeSpreadsheetApp({
    runtime,
    name: options.spreadsheetName ?? 'Cademi Progress Monitor',
    timeZone,
    locale: options.locale ?? 'pt_BR',
  });
  const spreadsheet = spreadsheetApp.active as FakeSpreadsheet;
  const urlFetch = new FakeUrlFetchApp({ runtime, handler: options.handler, dailyQuota: options.urlFetchQuota, latencyMs: options.latencyMs });
  const properties = new FakePropertiesService(runtime);
  const lock = new FakeLockService(runtime);
  const session = new FakeSession(runtime, { activeUserEmail: options.activeUserEmail, timeZone });
  // Each editor sees only their own triggers, and a trigger runs as the editor who created it.
  const triggers = new FakeScriptApp(runtime, {
    documentId: spreadsheet.id,
    addon: options.addon,
    users: { current: () => session.activeUserEmail, runAs: (user, f) => session.runAs(user, f) },
  });
  const utilities = new FakeUtilities(runtime);
  const html = new FakeHtmlService(runtime, options.htmlFiles ?? {});
  const mail = new FakeMailApp(runtime, options.mailQuota);
  const logs = new FakeLogs(() => runtime.time.now());
  const maxExecutionMs = options.maxExecutionMs ?? MAX_EXECUTION_MS;

  const env: AppsScriptEnv = {
    globals: {
      SpreadsheetApp: spreadsheetApp,
      UrlFetchApp: urlFetch,
      PropertiesService: properties,
      LockService: lock,
      ScriptApp: triggers,
      Utilities: utilities,
      Session: session,
      HtmlService: html,
      MailApp: mail,
      Logger: logs.logger(),
      console: logs.console(),
      Charts: FAKE_CHARTS,
      Date: runtime.Date,
      ContentService: FAKE_CONTENT_SERVICE,
    },
    runtime,
    time: runtime.time,
    Date: runtime.Date,
    spreadsheetApp,
    spreadsheet,
    ui: spreadsheetApp.ui,
    urlFetch,
    properties,
    lock,
    triggers,
    utilities,
    session,
    html,
    mail,
    logs,
    killSwitch: runtime.killSwitch,
    calls: (prefix) => runtime.calls(prefix),
    callsBySheet: () => runtime.callsByScope(),
    execute<T>(f: () => T, opts: { context?: 'ui' | 'trigger' | 'webapp' } = {}): T {
      runtime.killSwitch.beginExecution(runtime.time.now() + maxExecutionMs);
      spreadsheetApp.uiAvailable = opts.context !== 'trigger' && opts.context !== 'webapp';
      lock.inWebApp = opts.context === 'webapp';
      try {
        return f();
      } finally {
        runtime.killSwitch.endExecution();
        spreadsheetApp.uiAvailable = true;
        lock.inWebApp = false;
        lock.releaseAll();
      }
    },
    runTriggersUntil(untilMs, functions) {
      const previous = triggers.hooks;
      triggers.hooks = {
        before: () => {
          runtime.killSwitch.beginExecution(runtime.time.now() + maxExecutionMs);
          spreadsheetApp.uiAvailable = false;
        },
        after: () => {
          runtime.killSwitch.endExecution();
          spreadsheetApp.uiAvailable = true;
          lock.releaseAll();
        },
      };
      try {
        return triggers.runUntil(untilMs, functions);
      } finally {
        triggers.hooks = previous;
      }
    },
  };
  return env;
}

/** Names of the `function NAME(` declarations at column 0 (the build's top-level wrappers). */
export function topLevelFunctionNames(code: string): string[] {
  return [...code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

/**
 * Runs `code` (e.g. build/Code.js) in a fresh vm context whose globals are `env.globals` (plus the
 * context's own builtins) and returns its top-level functions by name (`names`, or those declared at
 * column 0). Service exceptions are then made from the context's Error, so `e instanceof Error` holds.
 */
export function loadBundle(code: string, env: AppsScriptEnv, names?: string[]): Record<string, Function> {
  return loadBundleContext(code, env, names).functions;
}

/** Like loadBundle, also returning the vm context (to read other globals the bundle defines). */
export function loadBundleContext(code: string, env: AppsScriptEnv, names?: string[]): { functions: Record<string, Function>; context: vm.Context } {
  const context = vm.createContext({ ...env.globals });
  env.runtime.ErrorClass = vm.runInContext('Error', context) as ErrorConstructor;
  vm.runInContext(code, context, { filename: 'Code.js' });
  const functions: Record<string, Function> = {};
  for (const name of names ?? topLevelFunctionNames(code)) {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`loadBundle: the bundle defines no top-level function ${name}`);
    functions[name] = fn as Function;
  }
  env.html.templateGlobals = functions;
  return { functions, context };
}
