// The Apps Script surface: exactly the functions Apps Script must see (menu, triggers). Nothing else.

import { ensureConfigSheets } from '../core/config/templates';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { buildMenu } from './menu';
import { configureSlackAlerts, disableAutoUpdate, enableAutoUpdate, onTick, refreshNow, showRuns } from './actions';
import { configureTokenDialog } from './token-dialog';
import { dispatchSidebarCall, showSidebar } from './sidebar-server';
import { configureWebhookDialog, handleWebhookPost } from './webhook';

/** Simple trigger: adds the menu. Runs without authorization, so it touches nothing else. */
export function onOpen(): void {
  buildMenu();
}

/** Editor add-on install: the menu right away, as Google's add-on guidelines ask. */
export function onInstall(): void {
  buildMenu();
}

export function atualizarAgora(): void {
  ensureConfigSheets(new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  refreshNow();
}

export function configurarToken(): void {
  ensureConfigSheets(new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  configureTokenDialog();
}

export function configurarAlertas(): void {
  configureSlackAlerts();
}

export function ativarAtualizacaoAutomatica(): void {
  enableAutoUpdate();
}

export function desativarAtualizacaoAutomatica(): void {
  disableAutoUpdate();
}

export function verExecucoes(): void {
  showRuns();
}

export function gerenciarTurmas(): void {
  showSidebar();
}

/** The sidebar's only server entry: a fixed table of functions, inputs checked again here. */
export function sidebarRpc(method: unknown, args: unknown): unknown {
  return dispatchSidebarCall(method, args);
}

export function configurarWebhook(): void {
  configureWebhookDialog();
}

/** Cademi's progress webhook, when the script is deployed as a web app (secret in the URL). */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handleWebhookPost(event);
}

/** The time-driven tick trigger's handler. */
export function tick(): void {
  onTick();
}
