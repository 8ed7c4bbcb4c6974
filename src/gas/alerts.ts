// Failures reach someone: one alert per incident (e-mail and/or Slack), and a "resolved" message
// when the next run succeeds. The Slack webhook lives in DocumentProperties, never in a cell.

import { z } from 'zod';
import { errorText } from '../core/errors';
import { alertMessages, alertSubjects, DELIVERY_REASON, type IncidentKindName } from '../core/messages/alerts';
import { type Delivery, type DeliveryReport, mailFailureKind, recipientCount } from '../core/runlog/delivery-report';
import { DOCUMENT_KEY } from './property-keys';
import { isUrlAllowed, SLACK_WEBHOOK_PREFIX } from './url-allowlist';

const INCIDENT_KEY = DOCUMENT_KEY.incident;
const WEBHOOK_KEY = DOCUMENT_KEY.slackWebhook;

export type IncidentKind = IncidentKindName;

/** The open incident as stored: read back through the schema, like every JSON this host keeps. */
const INCIDENT = z.object({
  kind: z.enum(['token', 'falha', 'prazo', 'bigquery'] satisfies readonly IncidentKind[]),
  since: z.number().finite(),
  message: z.string(),
});
type Incident = z.infer<typeof INCIDENT>;

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readWebhook(): string | null {
  return properties().getProperty(WEBHOOK_KEY);
}

/** Only Slack's incoming-webhook URLs are accepted (the URL is a secret: it is never shown back whole). */
export function saveWebhook(url: string | null): void {
  if (url === null) {
    properties().deleteProperty(WEBHOOK_KEY);
    return;
  }
  // The manifest allows fetching this prefix only (url-allowlist.ts): anything else would be refused at send time.
  if (
    !url.startsWith(`${SLACK_WEBHOOK_PREFIX}services/`) ||
    !/^[A-Za-z0-9/_-]+$/.test(url.slice(SLACK_WEBHOOK_PREFIX.length + 'services/'.length)) ||
    !isUrlAllowed(url)
  )
    throw new Error(alertMessages.badWebhook());
  properties().setProperty(WEBHOOK_KEY, url);
}

function openIncident(): Incident | null {
  const text = properties().getProperty(INCIDENT_KEY);
  if (!text) return null;
  try {
    const parsed = INCIDENT.safeParse(JSON.parse(text));
    // Unreadable (written by another version, or edited): no incident is open, so the next failure alerts.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The UrlFetch daily quota, as Apps Script words it ("Service invoked too many times for one day: urlfetch."). */
const URLFETCH_QUOTA = /too many times for one day: urlfetch/i;

/**
 * The alert e-mail, within MailApp's daily quota, which counts recipients
 * (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()).
 */
function sendAlertMail(alertEmail: string, subject: string, text: string): Delivery {
  try {
    if (MailApp.getRemainingDailyQuota() < recipientCount(alertEmail)) {
      console.warn('alert e-mail skipped: MailApp daily quota spent');
      return { channel: 'e-mail', status: 'skipped', reason: DELIVERY_REASON.mailQuota };
    }
    MailApp.sendEmail(alertEmail, alertMessages.mailSubject(subject), text);
    return { channel: 'e-mail', status: 'sent' };
  } catch (error) {
    const kind = mailFailureKind(errorText(error));
    console.warn(`alert e-mail failed: ${kind}`);
    return { channel: 'e-mail', status: 'failed', reason: DELIVERY_REASON.mailRefused(kind) };
  }
}

/**
 * The Slack message. With muteHttpExceptions, fetch returns Slack's answer whatever its status: only
 * a 2xx is a delivered alert. The webhook URL is a secret and Slack's body is untrusted: neither is
 * ever logged or returned.
 */
function postToSlack(webhook: string, subject: string, text: string): Delivery {
  let status: number;
  try {
    status = UrlFetchApp.fetch(webhook, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ text: alertMessages.slackText(subject, text) }),
      muteHttpExceptions: true,
      followRedirects: false,
    }).getResponseCode();
  } catch (error) {
    // An error that quotes the URL is logged with the URL taken out.
    const message = errorText(error).split(webhook).join('[webhook do Slack]');
    console.warn(`Slack alert failed: ${message}`);
    if (URLFETCH_QUOTA.test(message)) return { channel: 'Slack', status: 'skipped', reason: DELIVERY_REASON.urlFetchQuota };
    return { channel: 'Slack', status: 'failed', reason: DELIVERY_REASON.slackUnreachable };
  }
  if (status >= 200 && status < 300) return { channel: 'Slack', status: 'sent' };
  console.warn(`Slack alert failed: Slack answered HTTP ${status}`);
  return { channel: 'Slack', status: 'failed', reason: DELIVERY_REASON.slackStatus(status) };
}

/** Sends on every configured channel; a failing channel never hides the run's own failure (it is reported instead). */
function notify(subject: string, body: string, alertEmail: string, spreadsheetUrl: string): DeliveryReport {
  const text = alertMessages.body(body, spreadsheetUrl);
  const deliveries: Delivery[] = [];
  if (alertEmail) deliveries.push(sendAlertMail(alertEmail, subject, text));
  const webhook = readWebhook();
  if (webhook) deliveries.push(postToSlack(webhook, subject, text));
  return { title: alertMessages.title(subject), deliveries };
}

/**
 * Opens an incident and alerts once; a still-open incident of any kind is not alerted again (null).
 * The report says what each channel did (describeDeliveries renders it for the run log).
 */
export function raiseIncident(kind: IncidentKind, message: string, alertEmail: string, spreadsheetUrl: string): DeliveryReport | null {
  if (openIncident() !== null) return null;
  properties().setProperty(INCIDENT_KEY, JSON.stringify({ kind, since: Date.now(), message } satisfies Incident));
  const subject = alertSubjects[kind];
  return notify(subject, message, alertEmail, spreadsheetUrl);
}

/** Closes the open incident (if any; null otherwise) with a "resolved" message. */
export function resolveIncident(alertEmail: string, spreadsheetUrl: string): DeliveryReport | null {
  const incident = openIncident();
  if (incident === null) return null;
  properties().deleteProperty(INCIDENT_KEY);
  return notify(alertMessages.resolvedSubject, alertMessages.resolved(incident.message), alertEmail, spreadsheetUrl);
}

/**
 * After a completed run. The run's own incident (a failure, the token, a deadline) is over and is
 * resolved. A part of the run that failed anyway (`partFailure`: the BigQuery copy) opens its own
 * incident, alerted once: a later run it fails in again stays quiet, and the first run without it
 * resolves it. The reports say what each channel did.
 */
export function settleIncidents(partFailure: { kind: IncidentKind; message: string } | null, alertEmail: string, spreadsheetUrl: string): DeliveryReport[] {
  if (partFailure && openIncident()?.kind === partFailure.kind) return [];
  const resolved = resolveIncident(alertEmail, spreadsheetUrl);
  const raised = partFailure ? raiseIncident(partFailure.kind, partFailure.message, alertEmail, spreadsheetUrl) : null;
  return [resolved, raised].filter((report): report is DeliveryReport => report !== null);
}
