// Push instead of poll: Cademi's progress webhook, received by this script deployed as a web app
// (`doPost`). A secret in the URL authenticates the caller; values land in `_Webhook`.

import { parseWebhookBody } from '../core/push/webhook-events';
import { recordPushedProgress } from '../core/push/pushed-sheet';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';

// Script properties: a web app call has no active document, and a bound script has one anyway.
const SECRET_KEY = 'cademi.webhookSecret';
const SPREADSHEET_KEY = 'cademi.webhookSpreadsheetId';

function reply(body: Record<string, unknown>): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

/** Compares without stopping at the first difference, so timing reveals nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** The web app's POST handler. Web apps cannot set HTTP status codes, so the answer says ok or not. */
export function handleWebhookPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const properties = PropertiesService.getScriptProperties();
  const secret = properties.getProperty(SECRET_KEY);
  const given = String(event?.parameter?.secret ?? '');
  if (!secret || !sameSecret(given, secret)) return reply({ ok: false, error: 'não autorizado' });
  const parsed = parseWebhookBody(event?.postData?.contents ?? '', Date.now());
  if (parsed.kind === 'ignored') return reply({ ok: true, ignored: parsed.reason });
  const spreadsheetId = properties.getProperty(SPREADSHEET_KEY);
  if (!spreadsheetId) return reply({ ok: false, error: 'webhook não configurado' });
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return reply({ ok: false, error: 'ocupado; reenvie' });
  try {
    recordPushedProgress(new SpreadsheetWorkbook(SpreadsheetApp.openById(spreadsheetId)), [parsed.progress]);
  } finally {
    lock.releaseLock();
  }
  return reply({ ok: true });
}

/** "Configurar webhook da Cademi…": a fresh secret, and where to point Cademi's webhook. */
export function configureWebhookDialog(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const secret = Utilities.getUuid().replace(/-/g, '');
  PropertiesService.getScriptProperties().setProperties({ [SECRET_KEY]: secret, [SPREADSHEET_KEY]: spreadsheet.getId() });
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'Webhook da Cademi',
    'Um novo segredo foi gerado (o anterior deixa de valer).\n' +
      '1. Implante este script como "App da Web" (executar como você; acesso: qualquer pessoa).\n' +
      `2. Na Cademi, cadastre o webhook "usuario.progresso" com a URL do app seguida de ?secret=${secret}\n` +
      'Com isso, a coleta semanal dispensa a chamada à API para quem teve progresso informado pelo webhook.',
    ui.ButtonSet.OK,
  );
}
