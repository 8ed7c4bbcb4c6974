// The one table of what each Apps Script service member the bundle calls needs from the manifest.
// The build derives `oauthScopes` from it and from the bundle's real uses (bundle-analysis.ts); a
// member the bundle calls that this table does not know fails the build, so nothing is hoped.
// Each rule cites the reference page whose "Authorization" section lists the scopes.

const AUTH = 'https://www.googleapis.com/auth/';

/** Optional parts a school switches on in deploy.config.json. */
export type DeployOption = 'bigquery';

export interface ScopeRule {
  readonly service: string;
  /** Members this rule covers; '*' covers every member (services whose scope does not vary). */
  readonly members: readonly string[] | '*';
  /** Scopes any one of which allows the call, narrowest first; empty when the member needs none. */
  readonly anyOf: readonly string[];
  /** Why the product calls it, in Portuguese (deploy:check and the README's table). */
  readonly reason: string;
  readonly docs: string;
  /** An advanced service, present only when this option is on. */
  readonly option?: DeployOption;
}

export const SCOPE_RULES: readonly ScopeRule[] = [
  {
    service: 'SpreadsheetApp',
    members: ['getActiveSpreadsheet'],
    anyOf: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
    reason: 'ler as abas de configuração e gravar as abas do produto nesta planilha',
    docs: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet()',
  },
  {
    service: 'SpreadsheetApp',
    members: ['create', 'openById'],
    anyOf: [`${AUTH}spreadsheets`],
    reason: 'criar e abrir a planilha de arquivo, para onde vão as semanas antigas perto do limite de células',
    docs: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)',
  },
  {
    service: 'SpreadsheetApp',
    members: ['getUi'],
    anyOf: [`${AUTH}script.container.ui`],
    reason: 'menu, diálogos, avisos e a barra lateral "Gerenciar turmas" (Ui.alert, prompt, showSidebar)',
    docs: 'https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)',
  },
  {
    service: 'SpreadsheetApp',
    members: ['newConditionalFormatRule', 'newDataValidation', 'newRichTextValue', 'InterpolationType', 'ProtectionType', 'BooleanCriteria', 'WrapStrategy'],
    anyOf: [],
    reason: 'construtores e enumerações, sem acesso a dados',
    docs: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app',
  },
  {
    service: 'UrlFetchApp',
    members: ['fetch', 'fetchAll'],
    anyOf: [`${AUTH}script.external_request`],
    reason: 'chamar a API da Cademi e enviar alertas ao Slack (só os endereços de urlFetchWhitelist)',
    docs: 'https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetchAll(Object)',
  },
  {
    service: 'ScriptApp',
    members: ['newTrigger', 'getProjectTriggers', 'deleteTrigger', 'getUserTriggers'],
    anyOf: [`${AUTH}script.scriptapp`],
    reason: 'instalar e remover o gatilho periódico (tick) que faz a coleta semanal',
    docs: 'https://developers.google.com/apps-script/reference/script/script-app#newTrigger(String)',
  },
  {
    service: 'ScriptApp',
    members: ['getAuthorizationInfo', 'AuthMode', 'AuthorizationStatus', 'getScriptId'],
    anyOf: [],
    reason: 'verificar na primeira ação quais permissões foram concedidas',
    docs: 'https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)',
  },
  {
    service: 'Session',
    members: ['getActiveUser', 'getEffectiveUser'],
    anyOf: [`${AUTH}userinfo.email`],
    reason: 'registrar quem fez cada ajuste (mudança de turma, desistência) e quem instalou a atualização automática',
    docs: 'https://developers.google.com/apps-script/reference/base/session#getActiveUser()',
  },
  {
    service: 'Session',
    members: ['getScriptTimeZone', 'getActiveUserLocale', 'getTemporaryActiveUserKey'],
    anyOf: [],
    reason: 'fuso e idioma do script',
    docs: 'https://developers.google.com/apps-script/reference/base/session',
  },
  {
    service: 'MailApp',
    members: ['sendEmail', 'getRemainingDailyQuota'],
    anyOf: [`${AUTH}script.send_mail`],
    reason: 'alertas de falha por e-mail e, se ativado, a lista de contatos de cada tutor',
    docs: 'https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)',
  },
  {
    service: 'PropertiesService',
    members: '*',
    anyOf: [],
    reason: 'token, ponto de retomada e estado, por planilha',
    docs: 'https://developers.google.com/apps-script/reference/properties/properties-service',
  },
  {
    service: 'LockService',
    members: '*',
    anyOf: [],
    reason: 'impedir duas coletas ao mesmo tempo',
    docs: 'https://developers.google.com/apps-script/reference/lock/lock-service',
  },
  {
    service: 'Utilities',
    members: '*',
    anyOf: [],
    reason: 'pausas, identificadores e base64',
    docs: 'https://developers.google.com/apps-script/reference/utilities/utilities',
  },
  {
    service: 'HtmlService',
    members: '*',
    anyOf: [],
    reason: 'montar a barra lateral (exibi-la usa o escopo de interface)',
    docs: 'https://developers.google.com/apps-script/reference/html/html-service',
  },
  {
    service: 'ContentService',
    members: '*',
    anyOf: [],
    reason: 'responder ao webhook da Cademi (doPost)',
    docs: 'https://developers.google.com/apps-script/reference/content/content-service',
  },
  { service: 'Charts', members: '*', anyOf: [], reason: 'tipos de gráfico', docs: 'https://developers.google.com/apps-script/reference/charts/charts' },
  {
    service: 'console',
    members: '*',
    anyOf: [],
    reason: 'registro de execução do Apps Script',
    docs: 'https://developers.google.com/apps-script/guides/logging',
  },
  {
    service: 'Logger',
    members: '*',
    anyOf: [],
    reason: 'registro de execução do Apps Script',
    docs: 'https://developers.google.com/apps-script/reference/base/logger',
  },
  {
    service: 'BigQuery',
    members: '*',
    anyOf: [`${AUTH}bigquery`],
    option: 'bigquery',
    reason: 'cópia opcional de cada semana para o BigQuery (serviço avançado BigQuery API v2)',
    docs: 'https://developers.google.com/apps-script/advanced/bigquery',
  },
];

/** The advanced services an option switches on, as the manifest's `dependencies` lists them. */
export const ADVANCED_SERVICES: Readonly<Record<DeployOption, { userSymbol: string; serviceId: string; version: string }>> = {
  bigquery: { userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' },
};

/** The rule for `service.member`, or undefined when the table does not know it. */
export function ruleFor(service: string, member: string | null): ScopeRule | undefined {
  return SCOPE_RULES.find((rule) => rule.service === service && (rule.members === '*' || (member !== null && rule.members.includes(member))));
}

/** Whether the table knows `service` at all (its members must then each be listed). */
export function isRuledService(service: string): boolean {
  return SCOPE_RULES.some((rule) => rule.service === service);
}

/** `https://www.googleapis.com/auth/script.send_mail` → `script.send_mail`. */
export function shortScope(scope: string): string {
  return scope.startsWith(AUTH) ? scope.slice(AUTH.length) : scope;
}
