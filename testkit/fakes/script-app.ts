// Fake ScriptApp: a per-user trigger registry with Apps Script's builder rules, and a scheduler that
// fires time triggers as the people who created them.
import { enumOf, instrument, Runtime } from './runtime';

type GTrigger = GoogleAppsScript.Script.Trigger;
/** 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas#current_limitations). */
export const MAX_TRIGGERS = 20;
const MINUTE = 60_000,
  HOUR = 3_600_000,
  DAY = 86_400_000;
export const WEEKDAYS = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');

/** Schedule of a time-driven trigger as built. */
export interface ClockSpec {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  afterMs?: number;
  at?: number;
  timeZone?: string;
}

/**
 * Who is running the current execution, and a way to run something as another person. Installable
 * triggers belong to the user who created them and run as that user
 * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions); the env wires
 * this to the fake Session.
 */
export interface TriggerUsers {
  current(): string;
  runAs<T>(user: string, f: () => T): T;
}

/** Without a Session: one person runs everything. */
export const SINGLE_USER: TriggerUsers = { current: () => 'coordenacao@example.com', runAs: (_user, f) => f() };

/** An installed trigger. `nextAt` is when the scheduler fires it next (time triggers only); `owner` created it. */
export class FakeTrigger implements GTrigger {
  constructor(
    readonly id: string,
    readonly handler: string,
    readonly eventType: string,
    readonly source: string,
    readonly sourceId: string,
    readonly documentId: string | null,
    readonly clock: ClockSpec | null,
    public nextAt: number | null,
    readonly owner: string = SINGLE_USER.current(),
  ) {}
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.sourceId;
  }
  getUniqueId(): string {
    return this.id;
  }
  /** Period in ms of a recurring time trigger, null for one-off/non-clock triggers. */
  periodMs(): number | null {
    const c = this.clock;
    if (!c) return null;
    if (c.everyMinutes) return c.everyMinutes * MINUTE;
    if (c.everyHours) return c.everyHours * HOUR;
    if (c.everyDays) return c.everyDays * DAY;
    if (c.everyWeeks || c.onWeekDay) return (c.everyWeeks ?? 1) * 7 * DAY;
    return null;
  }
}

/** Result of one scheduled execution. */
export interface FiredRun {
  handler: string;
  triggerId: string;
  at: number;
  durationMs: number;
  error?: unknown;
}
/** Called around each execution the scheduler starts (the env resets the kill switch, releases locks…). */
export interface ExecutionHooks {
  before?(trigger: FakeTrigger): void;
  after?(trigger: FakeTrigger, run: FiredRun): void;
}

/**
 * The `ScriptApp` global and the trigger registry. Options: `addon` enforces the add-on trigger rules;
 * `users` says who runs each execution (each person sees and deletes only their own triggers).
 */
export class FakeScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'AuthMode'
      | 'AuthorizationStatus'
      | 'EventType'
      | 'TriggerSource'
      | 'WeekDay'
      | 'deleteTrigger'
      | 'getProjectTriggers'
      | 'getUserTriggers'
      | 'newTrigger'
      | 'getOAuthToken'
      | 'getScriptId'
      | 'getAuthorizationInfo'
    >
{
  readonly AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL') as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED') as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = enumOf(
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ) as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR') as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WEEKDAYS as unknown as typeof GoogleAppsScript.Base.Weekday;
  /** Every person's triggers (inspection); the ScriptApp methods show only the current user's. */
  triggers: FakeTrigger[] = [];
  hooks: ExecutionHooks = {};
  users: TriggerUsers;
  /** Id of the document triggers are created in (add-on time triggers belong to it). */
  documentId: string | null;
  readonly addon: boolean;
  private nextId = 1;

  constructor(
    readonly rt: Runtime = new Runtime(),
    options: ScriptAppOptions = {},
  ) {
    this.documentId = options.documentId ?? null;
    this.addon = options.addon ?? false;
    this.users = options.users ?? SINGLE_USER;
  }
  gas(): GoogleAppsScript.Script.ScriptApp {
    return this as unknown as GoogleAppsScript.Script.ScriptApp;
  }

  /** Installs a trigger after Apps Script's checks (used by the builders). */
  install(handler: string, eventType: string, source: string, sourceId: string, clock: ClockSpec | null): FakeTrigger {
    const owner = this.users.current();
    const own = this.ownedBy(owner);
    // The limit is per user per script: another editor's triggers do not count.
    if (own.length >= MAX_TRIGGERS)
      throw this.rt.exception('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    // "Each add-on can only have one trigger of each type, per user, per document"
    // (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
    if (this.addon && this.documentId !== null && own.some((t) => t.eventType === eventType && t.documentId === this.documentId)) {
      throw this.rt.exception(`FakeScriptApp(addon): an add-on may have only one ${eventType} trigger per user per document.`);
    }
    if (this.addon && clock?.everyMinutes)
      throw this.rt.exception('FakeScriptApp(addon): add-on time-driven triggers cannot run more often than once per hour.');
    const trigger = new FakeTrigger(String(this.nextId++).padStart(10, '0'), handler, eventType, source, sourceId, this.documentId, clock, null, owner);
    if (clock) trigger.nextAt = firstFire(clock, this.rt.time.now());
    this.triggers.push(trigger);
    return trigger;
  }

  /** The triggers a person created (inspection; what getProjectTriggers shows that person). */
  ownedBy(user: string): FakeTrigger[] {
    return this.triggers.filter((t) => t.owner === user);
  }

  /**
   * A user cannot delete another user's trigger: "a given account can't see triggers installed from a
   * second account" (https://developers.google.com/apps-script/guides/triggers/installable#restrictions),
   * so Apps Script refuses it; the message is the fake's wording.
   */
  deleteTrigger(trigger: GTrigger): void {
    const found = this.triggers.find((t) => t.id === trigger.getUniqueId());
    if (found && found.owner !== this.users.current()) {
      throw this.rt.exception(`FakeScriptApp: the trigger ${found.id} belongs to another user; only the user who created it can delete it.`);
    }
    this.triggers = this.triggers.filter((t) => t.id !== trigger.getUniqueId());
  }
  /** Only the current user's triggers for this project (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()). */
  getProjectTriggers(): GTrigger[] {
    return this.ownedBy(this.users.current());
  }
  /** The current user's triggers in that document (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)). */
  getUserTriggers(document: GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form): GTrigger[] {
    const id = document.getId();
    return this.ownedBy(this.users.current()).filter((t) => t.documentId === id || t.sourceId === id);
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return new TriggerBuilder(this, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
  /**
   * Scopes the person granted; null grants whatever is asked. With granular consent a person may
   * untick some (https://developers.google.com/apps-script/concepts/scopes#granular).
   */
  grantedScopes: string[] | null = null;
  /** getAuthorizationInfo(authMode, oAuthScopes?): getAuthorizedScopes() is the granted part of the scopes asked for. */
  getAuthorizationInfo(_authMode?: unknown, oAuthScopes?: string[]): GoogleAppsScript.Script.AuthorizationInfo {
    const granted = this.grantedScopes;
    const authorized = oAuthScopes === undefined ? null : oAuthScopes.filter((scope) => granted === null || granted.includes(scope));
    const required = authorized !== null && oAuthScopes !== undefined && authorized.length < oAuthScopes.length;
    return {
      getAuthorizationStatus: () => (required ? 'REQUIRED' : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () => (required ? 'https://script.google.com/a/authorize?fake' : ''),
      getAuthorizedScopes: () => authorized,
    };
  }

  /** Installed time-driven triggers. */
  timeTriggers(): FakeTrigger[] {
    return this.triggers.filter((t) => t.eventType === 'CLOCK');
  }

  /**
   * Runs a trigger's handler now as the trigger's owner (installable triggers run as the user who
   * created them), with an event like Apps Script's; returns what the handler returned.
   */
  fire(trigger: FakeTrigger | string, functions: Record<string, Function>, event?: Record<string, unknown>): unknown {
    const t = typeof trigger === 'string' ? this.triggers.find((x) => x.id === trigger || x.handler === trigger) : trigger;
    if (!t) throw new Error(`FakeScriptApp.fire: no trigger ${String(trigger)}`);
    const fn = functions[t.handler];
    if (typeof fn !== 'function') throw new Error(`FakeScriptApp.fire: the bundle has no top-level function ${t.handler}`);
    return this.users.runAs(t.owner, () => fn(event ?? this.eventFor(t)));
  }

  /** The event object Apps Script passes to the trigger's handler (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events). */
  eventFor(t: FakeTrigger): Record<string, unknown> {
    const d = new Date(this.rt.time.now());
    const base = { authMode: 'FULL', triggerUid: t.id };
    if (t.eventType !== 'CLOCK') return { ...base, source: null, user: null };
    return {
      ...base,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() || 7,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
    };
  }

  /**
   * Fires due time triggers in order until virtual time `untilMs`: jumps the clock to each firing
   * (never backwards: a run that overran delays the next), runs the handler as one execution
   * (errors are recorded, not thrown), reschedules it. Returns the runs.
   */
  runUntil(untilMs: number, functions: Record<string, Function>): FiredRun[] {
    const runs: FiredRun[] = [];
    for (;;) {
      const due = this.timeTriggers()
        .filter((t) => t.nextAt !== null && t.nextAt <= untilMs)
        .sort((a, b) => (a.nextAt as number) - (b.nextAt as number))[0];
      if (!due) break;
      if ((due.nextAt as number) > this.rt.time.now()) this.rt.time.set(due.nextAt as number);
      const at = this.rt.time.now();
      const period = due.periodMs();
      due.nextAt = period === null ? null : (due.nextAt as number) + period;
      while (period !== null && due.nextAt !== null && due.nextAt <= at) due.nextAt += period;
      if (period === null) this.triggers = this.triggers.filter((t) => t !== due);
      this.hooks.before?.(due);
      const run: FiredRun = { handler: due.handler, triggerId: due.id, at, durationMs: 0 };
      try {
        this.fire(due, functions);
      } catch (error) {
        run.error = error;
      }
      run.durationMs = this.rt.time.now() - at;
      this.hooks.after?.(due, run);
      runs.push(run);
    }
    if (this.rt.time.now() < untilMs) this.rt.time.set(untilMs);
    return runs;
  }
}
/** Options of `createScriptApp`. */
export interface ScriptAppOptions {
  documentId?: string | null;
  addon?: boolean;
  users?: TriggerUsers;
}

instrument(FakeScriptApp, 'ScriptApp', ['deleteTrigger', 'getProjectTriggers', 'getUserTriggers', 'newTrigger', 'getOAuthToken']);

function firstFire(c: ClockSpec, now: number): number {
  if (c.at !== undefined) return c.at;
  if (c.afterMs !== undefined) return now + c.afterMs;
  if (c.everyMinutes) return now + c.everyMinutes * MINUTE;
  if (c.everyHours) return now + c.everyHours * HOUR;
  // Daily/weekly at an hour (UTC unless inTimezone; Sao Paulo is UTC-3 all year).
  const offset = c.timeZone === 'America/Sao_Paulo' ? -3 * HOUR : 0;
  let t = Math.floor((now + offset) / DAY) * DAY + (c.atHour ?? 0) * HOUR + (c.nearMinute ?? 0) * MINUTE - offset;
  while (t <= now) t += DAY;
  if (c.onWeekDay) while (new Date(t + offset).getUTCDay() !== Object.keys(WEEKDAYS).indexOf(c.onWeekDay)) t += DAY;
  return t;
}

class TriggerBuilder {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler);
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.app, this.handler, typeof sheet === 'string' ? sheet : sheet.getId());
  }
}

class SpreadsheetTriggerBuilder implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private eventType: string | null = null;
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): GTrigger {
    this.app.rt.call('TriggerBuilder.create');
    if (!this.eventType) throw this.app.rt.exception('Trigger event type is required (onOpen, onEdit, …).');
    return this.app.install(this.handler, this.eventType, 'SPREADSHEETS', this.sourceId, null);
  }
}

class ClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly spec: ClockSpec = {};
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  private invalid(what: string, n: unknown, valid: string): Error {
    return this.app.rt.exception(`The value you passed to ${what} (${String(n)}) is invalid. Valid values are ${valid}.`);
  }
  /** n must be 1, 5, 10, 15 or 30, as in Apps Script. */
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw this.invalid('everyMinutes', n, '1, 5, 10, 15, 30');
    this.spec.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw this.invalid('everyHours', n, '1, 2, 4, 6, 8, 12');
    this.spec.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.spec.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this.spec.everyWeeks = n;
    return this;
  }
  atHour(hour: number): this {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw this.invalid('atHour', hour, '0 to 23');
    this.spec.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.spec.nearMinute = minute;
    return this;
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    this.spec.onWeekDay = String(day);
    return this;
  }
  onMonthDay(day: number): this {
    this.spec.onMonthDay = day;
    return this;
  }
  inTimezone(timezone: string): this {
    this.spec.timeZone = timezone;
    return this;
  }
  after(durationMilliseconds: number): this {
    this.spec.afterMs = durationMilliseconds;
    return this;
  }
  at(date: Date): this {
    this.spec.at = date.getTime();
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.spec.at = Date.UTC(year, month - 1, day);
    return this;
  }
  create(): GTrigger {
    this.app.rt.call('TriggerBuilder.create');
    const s = this.spec;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onWeekDay].filter((x) => x !== undefined).length;
    if (recurring === 0 && s.afterMs === undefined && s.at === undefined)
      throw this.app.rt.exception('Trigger must have a schedule: call everyMinutes/everyHours/everyDays/onWeekDay/after/at.');
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && !(s.everyDays || s.everyWeeks || s.onWeekDay)) {
      throw this.app.rt.exception('atHour/nearMinute need everyDays, everyWeeks or onWeekDay.');
    }
    return this.app.install(this.handler, 'CLOCK', 'CLOCK', '', { ...s });
  }
}

/** Creates the `ScriptApp` fake. */
export function createScriptApp(runtime?: Runtime, options: ScriptAppOptions = {}): FakeScriptApp {
  return new FakeScriptApp(runtime, options);
}
