// Push instead of poll: Cademi's progress webhook, received by this script deployed as a web app
// (`doPost`). A secret in the URL authenticates the caller; values land in `_Webhook`.

import { WEBHOOK_BUSY, WEBHOOK_DIALOG_TITLE, WEBHOOK_NOT_CONFIGURED, WEBHOOK_UNAUTHORIZED, webhookSetup } from '../core/messages/webhook';
import { recordPushedProgress } from '../core/push/pushed-sheet';
import { parseWebhookBody } from '../core/push/webhook-events';
import { SCRIPT_KEY } from './property-keys';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';

// Script properties: a web app call has no active document, and a bound script has one anyway.
const SECRET_KEY = SCRIPT_KEY.webhookSecret;
const SPREADSHEET_KEY = SCRIPT_KEY.webhookSpreadsheetId;

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
  if (!secret || !sameSecret(given, secret)) return reply({ ok: false, error: WEBHOOK_UNAUTHORIZED });
  const parsed = parseWebhookBody(event?.postData?.contents ?? '', Date.now());
  if (parsed.kind === 'ignored') return reply({ ok: true, ignored: parsed.reason });
  const spreadsheetId = properties.getProperty(SPREADSHEET_KEY);
  if (!spreadsheetId) return reply({ ok: false, error: WEBHOOK_NOT_CONFIGURED });
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return reply({ ok: false, error: WEBHOOK_BUSY });
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
  ui.alert(WEBHOOK_DIALOG_TITLE, webhookSetup(secret), ui.ButtonSet.OK);
}
