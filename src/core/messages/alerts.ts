// Messages of the Apps Script host's alerts and outbound calls, in Brazilian Portuguese. Platform
// error texts (UrlFetchApp, MailApp) are never quoted: they may carry a URL, a header or an address.

/** The kinds of incident an alert is raised for (src/gas/alerts.ts). */
export type IncidentKindName = 'token' | 'falha' | 'prazo';

/** Subjects of the alert e-mail / Slack message, by incident kind. */
export const alertSubjects: Readonly<Record<IncidentKindName, string>> = {
  token: 'o token da API foi recusado',
  prazo: 'semana não concluída no prazo',
  falha: 'a atualização falhou',
};

export const alertMessages = {
  resolvedSubject: 'resolvido',
  resolved: (previous: string) => `A atualização voltou a funcionar. O problema anterior era: ${previous}`,
  title: (subject: string) => `Alerta (${subject})`,
  badWebhook: () => 'use uma URL de webhook de entrada do Slack (https://hooks.slack.com/services/…)',
  urlNotAllowed: (origin: string | null, allowlist: readonly string[]) =>
    `O endereço ${origin ?? '(ilegível)'} não está entre os endereços permitidos do projeto (${allowlist.join(', ')}). ` +
    'Confira a "URL da API" na aba Configuração ou acrescente o domínio em extraFetchPrefixes no deploy.config.json e rode npm run push.',
  urlFetchQuotaSpent: () => 'a cota diária de chamadas externas (UrlFetchApp) do Apps Script acabou; a coleta continua quando ela renovar, no dia seguinte.',
} as const;
