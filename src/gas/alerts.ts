// Failures reach someone: one alert per incident (e-mail and/or Slack), and a "resolved" message
// when the next run succeeds. The Slack webhook lives in DocumentProperties, never in a cell.

const INCIDENT_KEY = 'cademi.incident';
const WEBHOOK_KEY = 'cademi.slackWebhook';
const TITLE = 'Progresso Cademi';

export type IncidentKind = 'token' | 'falha' | 'prazo';

interface Incident {
  readonly kind: IncidentKind;
  readonly since: number;
  readonly message: string;
}

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
  if (!/^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+$/.test(url)) throw new Error('use uma URL de webhook de entrada do Slack (https://hooks.slack.com/services/…)');
  properties().setProperty(WEBHOOK_KEY, url);
}

function openIncident(): Incident | null {
  const text = properties().getProperty(INCIDENT_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as Incident;
  } catch {
    return null;
  }
}

/** Sends what it can; a failing channel never hides the run's own failure (it is logged instead). */
function notify(subject: string, body: string, alertEmail: string, spreadsheetUrl: string): string[] {
  const sent: string[] = [];
  const text = `${body}\n\n${spreadsheetUrl}`;
  if (alertEmail) {
    try {
      if (MailApp.getRemainingDailyQuota() > 0) {
        MailApp.sendEmail(alertEmail, `${TITLE}: ${subject}`, text);
        sent.push('e-mail');
      }
    } catch (error) {
      console.warn(`alert e-mail failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const webhook = readWebhook();
  if (webhook) {
    try {
      UrlFetchApp.fetch(webhook, {
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({ text: `*${TITLE}: ${subject}*\n${text}` }),
        muteHttpExceptions: true,
        followRedirects: false,
      });
      sent.push('Slack');
    } catch (error) {
      // The webhook URL is a secret: an error that quotes it is logged with the URL taken out.
      const message = (error instanceof Error ? error.message : String(error)).split(webhook).join('[webhook do Slack]');
      console.warn(`Slack alert failed: ${message}`);
    }
  }
  return sent;
}

/** Opens an incident and alerts once; a still-open incident of any kind is not alerted again. */
export function raiseIncident(kind: IncidentKind, message: string, alertEmail: string, spreadsheetUrl: string): string[] {
  if (openIncident() !== null) return [];
  properties().setProperty(INCIDENT_KEY, JSON.stringify({ kind, since: Date.now(), message } satisfies Incident));
  const subject = kind === 'token' ? 'o token da API foi recusado' : kind === 'prazo' ? 'semana não concluída no prazo' : 'a atualização falhou';
  return notify(subject, message, alertEmail, spreadsheetUrl);
}

/** Closes the open incident (if any) with a "resolved" message. */
export function resolveIncident(alertEmail: string, spreadsheetUrl: string): string[] {
  const incident = openIncident();
  if (incident === null) return [];
  properties().deleteProperty(INCIDENT_KEY);
  return notify('resolvido', `A atualização voltou a funcionar. O problema anterior era: ${incident.message}`, alertEmail, spreadsheetUrl);
}
