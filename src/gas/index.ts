// The Apps Script surface: exactly the functions Apps Script must see (menu, triggers). Nothing else.

import { parseSettingsSheet } from '../core/config/settings-sheet';
import { ensureConfigSheets } from '../core/config/templates';
import { SHEET } from '../core/sheets';
import { configureSlackAlerts, disableAutoUpdate, enableAutoUpdate, onTick, refreshNow, showRuns } from './actions';
import { checkConnection } from './connection-check';
import { buildMenu, MENU_TITLE, openOnOverview } from './menu';
import { passesSelfCheck } from './self-check';
import { dispatchSidebarCall, showSidebar } from './sidebar-server';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { configureTokenDialog } from './token-dialog';
import { configureWebhookDialog, handleWebhookPost } from './webhook';

/**
 * Every menu action starts here: a person's first action (per build) runs the self-check, and an
 * action stops with one clear message when the platform lacks something the code relies on.
 */
function menuAction(action: () => void, options: { createConfigSheets?: boolean } = {}): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new SpreadsheetWorkbook(spreadsheet);
  if (options.createConfigSheets) ensureConfigSheets(workbook);
  const inputs = () => {
    const { settings } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
    return { timeZones: [spreadsheet.getSpreadsheetTimeZone(), settings.timeZone], apiUrl: settings.apiUrl };
  };
  const ui = SpreadsheetApp.getUi();
  if (!passesSelfCheck(inputs, (message) => ui.alert(MENU_TITLE, message, ui.ButtonSet.OK))) return;
  action();
}

/** Simple trigger: adds the menu (without authorization) and opens the file on `Resumo` where it may. */
export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  openOnOverview(event);
}

/** Editor add-on install: the menu right away, as Google's add-on guidelines ask. */
export function onInstall(): void {
  buildMenu();
}

export function atualizarAgora(): void {
  menuAction(refreshNow, { createConfigSheets: true });
}

export function configurarToken(): void {
  menuAction(configureTokenDialog, { createConfigSheets: true });
}

/** Can the next run succeed? The address, the key, the cohorts' tags and products, and on v3 the live contract. */
export function verificarConexao(): void {
  menuAction(checkConnection);
}

export function configurarAlertas(): void {
  menuAction(configureSlackAlerts);
}

export function ativarAtualizacaoAutomatica(): void {
  menuAction(enableAutoUpdate);
}

export function desativarAtualizacaoAutomatica(): void {
  // Switching the automation off must work even when something else is broken.
  disableAutoUpdate();
}

export function verExecucoes(): void {
  showRuns();
}

export function gerenciarTurmas(): void {
  menuAction(showSidebar);
}

/** The sidebar's only server entry: a fixed table of functions, inputs checked again here. */
export function sidebarRpc(method: unknown, args: unknown): unknown {
  return dispatchSidebarCall(method, args);
}

export function configurarWebhook(): void {
  menuAction(configureWebhookDialog);
}

/** Cademi's progress webhook, when the script is deployed as a web app (secret in the URL). */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handleWebhookPost(event);
}

/** The time-driven tick trigger's handler; its event's `triggerUid` says which editor's tick this is. */
export function tick(event?: GoogleAppsScript.Events.TimeDriven): void {
  onTick(event);
}
