// The Apps Script surface: exactly the functions Apps Script must see (menu, triggers). Nothing else.

import { ensureConfigSheets } from '../core/config/templates';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { buildMenu } from './menu';
import { disableAutoUpdate, enableAutoUpdate, onTick, refreshNow, showRuns } from './actions';
import { configureTokenDialog } from './token-dialog';

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

export function ativarAtualizacaoAutomatica(): void {
  enableAutoUpdate();
}

export function desativarAtualizacaoAutomatica(): void {
  disableAutoUpdate();
}

export function verExecucoes(): void {
  showRuns();
}

/** The time-driven tick trigger's handler. */
export function tick(): void {
  onTick();
}
