// Fake MailApp: records sent messages and enforces a daily recipient quota on virtual days.
import { instrument, Runtime } from './runtime';

/** A sent message as recorded. */
export interface SentMail {
  to: string;
  subject: string;
  body: string;
  options: Record<string, unknown>;
  at: number;
}

/** The `MailApp` global. Inspection: `sent`. */
export class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  readonly sent: SentMail[] = [];
  private readonly used = new Map<number, number>();
  constructor(
    readonly rt: Runtime = new Runtime(),
    public dailyQuota = 100,
  ) {}
  gas(): GoogleAppsScript.Mail.MailApp {
    return this as unknown as GoogleAppsScript.Mail.MailApp;
  }
  private day(): number {
    return Math.floor(this.rt.time.now() / 86_400_000);
  }

  /** sendEmail(message), (recipient, subject, body, options?) or (to, replyTo, subject, body); one quota unit per recipient. */
  sendEmail(
    a: string | GoogleAppsScript.Mail.MailAdvancedParameters,
    subject?: string,
    body?: string,
    options?: GoogleAppsScript.Mail.MailAdvancedParameters | string,
  ): void {
    const m =
      typeof a === 'string'
        ? typeof options === 'string'
          ? { to: a, subject: body ?? '', body: options, options: { replyTo: subject } as Record<string, unknown> }
          : { to: a, subject: subject ?? '', body: body ?? '', options: { ...(options ?? {}) } as Record<string, unknown> }
        : { to: String(a.to), subject: String(a.subject ?? ''), body: String(a.body ?? a.htmlBody ?? ''), options: { ...a } as Record<string, unknown> };
    if (!m.to) throw this.rt.exception('Failed to send email: no recipient');
    // "Quotas are based on the number of email recipients": To, Cc and Bcc each count
    // (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()).
    const addresses = (list: unknown) => (typeof list === 'string' ? list.split(',').filter((s) => s.trim()).length : 0);
    const recipients = addresses(m.to) + addresses(m.options.cc) + addresses(m.options.bcc);
    const used = this.used.get(this.day()) ?? 0;
    if (used + recipients > this.dailyQuota) throw this.rt.exception('Service invoked too many times for one day: email.');
    this.used.set(this.day(), used + recipients);
    this.sent.push({ ...m, at: this.rt.time.now() });
  }
  /** Recipients still allowed today (virtual UTC day). */
  getRemainingDailyQuota(): number {
    return this.dailyQuota - (this.used.get(this.day()) ?? 0);
  }
}
instrument(FakeMailApp, 'MailApp', ['sendEmail', 'getRemainingDailyQuota']);

/** Creates the `MailApp` fake. */
export function createMailApp(runtime?: Runtime, dailyQuota?: number): FakeMailApp {
  return new FakeMailApp(runtime, dailyQuota);
}
