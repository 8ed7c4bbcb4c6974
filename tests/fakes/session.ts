// Fake Session: configurable active/effective user, script time zone and locale.
import { instrument, Runtime } from './runtime';

/** Options of `createSession`. An empty active email is what consumer accounts see in triggers. */
export interface SessionOptions { activeUserEmail?: string; effectiveUserEmail?: string; timeZone?: string; locale?: string }

const user = (email: string): GoogleAppsScript.Base.User => ({ getEmail: () => email }) as GoogleAppsScript.Base.User;

/** The `Session` global; fields are mutable so a test can switch users between executions. */
export class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'> {
  activeUserEmail: string;
  effectiveUserEmail: string;
  timeZone: string;
  locale: string;
  constructor(readonly rt: Runtime = new Runtime(), options: SessionOptions = {}) {
    this.activeUserEmail = options.activeUserEmail ?? 'coordenacao@example.com';
    this.effectiveUserEmail = options.effectiveUserEmail ?? this.activeUserEmail;
    this.timeZone = options.timeZone ?? 'America/Sao_Paulo';
    this.locale = options.locale ?? 'pt';
  }
  gas(): GoogleAppsScript.Base.Session { return this as unknown as GoogleAppsScript.Base.Session; }
  getActiveUser(): GoogleAppsScript.Base.User { return user(this.activeUserEmail); }
  getEffectiveUser(): GoogleAppsScript.Base.User { return user(this.effectiveUserEmail); }
  getScriptTimeZone(): string { return this.timeZone; }
  getTemporaryActiveUserKey(): string { return `temp-key-${Buffer.from(this.activeUserEmail || 'anonymous').toString('hex').slice(0, 24)}`; }
  getActiveUserLocale(): string { return this.locale; }
}
instrument(FakeSession, 'Session', ['getActiveUser', 'getEffectiveUser', 'getScriptTimeZone', 'getTemporaryActiveUserKey', 'getActiveUserLocale']);

/** Creates the `Session` fake. */
export function createSession(runtime?: Runtime, options?: SessionOptions): FakeSession {
  return new FakeSession(runtime, options);
}
