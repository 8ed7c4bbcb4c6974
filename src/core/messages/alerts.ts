// Messages of the Apps Script host's alerts and outbound calls, in Brazilian Portuguese. Platform
// error texts (UrlFetchApp, MailApp) are never quoted: they may carry a URL, a header or an address.

import { PRODUCT_NAME } from './product';

/** How a school lets the product fetch its own host (the end of every allowlist refusal). */
export const ADD_TO_ALLOWLIST = 'acrescente o domínio em extraFetchPrefixes no deploy.config.json e rode npm run push.';

/** The kinds of incident an alert is raised for (src/gas/alerts.ts). */
export type IncidentKindName = 'token' | 'falha' | 'prazo' | 'bigquery';

/** How MailApp refused a message, read from its (English) error text by runlog/delivery-report. */
export type MailFailureKind = 'address' | 'limit' | 'other';

/** Subjects of the alert e-mail / Slack message, by incident kind. */
export const alertSubjects: Readonly<Record<IncidentKindName, string>> = {
  token: 'o token da API foi recusado',
  prazo: 'semana não concluída no prazo',
  falha: 'a atualização falhou',
  bigquery: 'a cópia no BigQuery falhou',
};

/** The alert's own sentences (subjects are above). */
export const alertMessages = {
  /** The subject of the message that closes an incident. */
  resolvedSubject: 'resolvido',
  /** The body of that message, quoting the incident's own (already pt-BR) message. */
  resolved: (previous: string) => `A atualização voltou a funcionar. O problema anterior era: ${previous}`,
  /** What the run log calls an alert. */
  title: (subject: string) => `Alerta (${subject})`,
  /** The e-mail's subject. */
  mailSubject: (subject: string) => `${PRODUCT_NAME}: ${subject}`,
  /** The Slack message (bold subject line, then the text). */
  slackText: (subject: string, text: string) => `*${PRODUCT_NAME}: ${subject}*\n${text}`,
  /** The alert's text: the message, then the spreadsheet's address. */
  body: (message: string, spreadsheetUrl: string) => `${message}\n\n${spreadsheetUrl}`,
  /** A Slack webhook URL refused when saved. */
  badWebhook: () => 'use uma URL de webhook de entrada do Slack (https://hooks.slack.com/services/…)',
  /** A fetch the manifest's allowlist would refuse. */
  urlNotAllowed: (origin: string | null, allowlist: readonly string[]) =>
    `O endereço ${origin ?? '(ilegível)'} não está entre os endereços permitidos do projeto (${allowlist.join(', ')}). ` +
    `Confira a "URL da API" na aba Configuração ou ${ADD_TO_ALLOWLIST}`,
  /** UrlFetchApp's daily quota is spent. */
  urlFetchQuotaSpent: () => 'a cota diária de chamadas externas (UrlFetchApp) do Apps Script acabou; a coleta continua quando ela renovar, no dia seguinte.',
} as const;

// ---- what became of a notification (the run log's sentence) ------------------------------------

/** Why a message was not delivered; one wording per cause, so the run log groups identical causes. */
export const DELIVERY_REASON = {
  /** MailApp's daily quota would not fit the message. */
  mailQuota: 'cota diária de e-mails do MailApp esgotada',
  /** UrlFetchApp's daily quota is spent (the Slack post). */
  urlFetchQuota: 'cota diária de chamadas externas do Apps Script esgotada',
  /** Slack could not be reached at all. */
  slackUnreachable: 'o Slack não pôde ser contatado',
  /** Slack answered, but not with a 2xx. */
  slackStatus: (status: number) => `Slack respondeu HTTP ${status}`,
  /** MailApp's own text is never quoted (it is English and may hold an address): only its kind. */
  mailRefused: (kind: MailFailureKind) => `o MailApp recusou o envio (${MAIL_FAILURE_WORDS[kind]})`,
} as const;

const MAIL_FAILURE_WORDS: Readonly<Record<MailFailureKind, string>> = {
  address: 'endereço de e-mail inválido',
  limit: 'limite do MailApp atingido',
  other: 'erro do MailApp',
};

/** The words of a delivery outcome: one message, or a count of several. */
const STATUS_WORDS: Readonly<Record<'sent' | 'failed' | 'skipped', readonly [one: string, many: string]>> = {
  sent: ['enviado', 'enviados'],
  failed: ['falhou', 'falharam'],
  skipped: ['não enviado', 'não enviados'],
};

/** One group of identical outcomes on a channel: "enviado", "2 não enviados (cota …)"; `count` null for a channel's only message. */
export function deliveryOutcome(status: 'sent' | 'failed' | 'skipped', count: number | null, reason: string): string {
  const [one, many] = STATUS_WORDS[status];
  const words = count === null ? one : `${count} ${count === 1 ? one : many}`;
  return reason ? `${words} (${reason})` : words;
}

/** A channel's outcomes: "e-mail: enviado". */
export function channelOutcomes(channel: string, outcomes: readonly string[]): string {
  return `${channel}: ${outcomes.join(', ')}`;
}

/** The run log's sentence: "Alerta (a atualização falhou) — e-mail: enviado; Slack: falhou (…)." */
export function deliveriesSentence(title: string, channels: readonly string[]): string {
  return `${title} — ${channels.join('; ')}.`;
}

/** Nothing was sent because no channel is configured. */
export function noChannelConfigured(title: string): string {
  return `${title}: nenhum canal configurado.`;
}

// ---- the manifest's allowlist ------------------------------------------------------------------

/** Why the product fetches the Cademi API's hosts (npm run deploy:check, the README). */
export const CADEMI_FETCH_REASON = 'API da Cademi ("URL da API" em Configuração)';

/** Why it fetches Cademi's default v3 host. */
export const CADEMI_V3_FETCH_REASON = 'API v3 da Cademi no endereço padrão (chave ck_live_… com "URL da API" vazia em Configuração)';

/** Why it fetches Slack's. */
export const SLACK_FETCH_REASON = 'alertas no Slack (webhook de entrada)';

/** Why an allowlist prefix is refused (said after the prefix). */
export const PREFIX_PROBLEM = {
  /** Not a URL at all. */
  notUrl: 'não é uma URL',
  /** Not https. */
  notHttps: 'precisa começar com https://',
  /** No full domain. */
  noDomain: 'precisa de um domínio completo',
  /** No path after the domain. */
  noPath: 'precisa de um caminho (termine o domínio com /)',
} as const;

/** An address shown in a message that does not parse as one. */
export const INVALID_URL_SHOWN = '(URL inválida)';
