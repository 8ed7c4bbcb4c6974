// Fake Session: configurable active/effective user, script time zone and locale.
import { instrument, Runtime } from './runtime';

/**
 * Options of `createSession`. An empty active email is what consumer accounts see in triggers;
 * `emailsHidden` makes both getters answer '' while the person (for trigger ownership) stays known.
 */
export interface SessionOptions {
  activeUserEmail?: string;
  effectiveUserEmail?: string;
  timeZone?: string;
  locale?: string;
  emailsHidden?: boolean;
}

const user = (email: string): GoogleAppsScript.Base.User => ({ getEmail: () => email }) as GoogleAppsScript.Base.User;

/** The `Session` global; fields are mutable so a test can switch users between executions. */
export class FakeSession
  implements
    Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'>
{
  /** The person running the execution (triggers they create belong to them). */
  activeUserEmail: string;
  timeZone: string;
  locale: string;
  /**
   * getActiveUser/getEffectiveUser may return an empty e-mail, e.g. on consumer accounts
   * (https://developers.google.com/apps-script/reference/base/session#getActiveUser(),
   * https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
   */
  emailsHidden: boolean;
  private effectiveOverride: string | null;
  constructor(
    readonly rt: Runtime = new Runtime(),
    options: SessionOptions = {},
  ) {
    this.activeUserEmail = options.activeUserEmail ?? 'coordenacao@example.com';
    this.effectiveOverride = options.effectiveUserEmail ?? null;
    this.timeZone = options.timeZone ?? 'America/Sao_Paulo';
    this.locale = options.locale ?? 'pt';
    this.emailsHidden = options.emailsHidden ?? false;
  }
  /** The user the script runs as: the active user unless set apart (switching users moves both). */
  get effectiveUserEmail(): string {
    return this.effectiveOverride ?? this.activeUserEmail;
  }
  set effectiveUserEmail(email: string) {
    this.effectiveOverride = email;
  }
  gas(): GoogleAppsScript.Base.Session {
    return this as unknown as GoogleAppsScript.Base.Session;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return user(this.emailsHidden ? '' : this.activeUserEmail);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return user(this.emailsHidden ? '' : this.effectiveUserEmail);
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return `temp-key-${Buffer.from(this.activeUserEmail || 'anonymous')
      .toString('hex')
      .slice(0, 24)}`;
  }
  getActiveUserLocale(): string {
    return this.locale;
  }

  /**
   * Runs `f` as `email` (active and effective user), then restores who ran before: an installable
   * trigger runs as the user who created it
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
   */
  runAs<T>(email: string, f: () => T): T {
    const saved = { active: this.activeUserEmail, effective: this.effectiveOverride };
    this.activeUserEmail = email;
    this.effectiveOverride = null;
    try {
      return f();
    } finally {
      this.activeUserEmail = saved.active;
      this.effectiveOverride = saved.effective;
    }
  }
}
instrument(FakeSession, 'Session', ['getActiveUser', 'getEffectiveUser', 'getScriptTimeZone', 'getTemporaryActiveUserKey', 'getActiveUserLocale']);

/** Creates the `Session` fake. */
export function createSession(runtime?: Runtime, options?: SessionOptions): FakeSession {
  return new FakeSession(runtime, options);
}
