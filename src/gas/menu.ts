// The `Progresso Cademi` menu. Building it needs no authorization (it runs in AuthMode.NONE for add-ons).

import { REPORT_SHEET } from '../core/identity/sheet-names';
import { PRODUCT_NAME } from '../core/messages/product';
import { ADDON_MODE } from './deployment';

export const MENU_TITLE = PRODUCT_NAME;

/** Menu captions and the entry functions they call (exported from src/gas/index.ts). */
const MENU_ITEMS: readonly (readonly [caption: string, handler: string] | null)[] = [
  ['Atualizar agora', 'atualizarAgora'],
  ['Gerenciar turmas…', 'gerenciarTurmas'],
  null,
  ['Configurar token da API…', 'configurarToken'],
  ['Verificar conexão com a Cademi', 'verificarConexao'],
  ['Configurar alertas do Slack…', 'configurarAlertas'],
  ['Configurar webhook da Cademi…', 'configurarWebhook'],
  ['Ativar atualização automática', 'ativarAtualizacaoAutomatica'],
  ['Desativar atualização automática', 'desativarAtualizacaoAutomatica'],
  null,
  ['Ver execuções', 'verExecucoes'],
];

export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ADDON_MODE ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}

/**
 * Puts whoever opens the file on `Resumo`, when it exists: the sheet a script activates shows only to
 * the person running it, so the onOpen simple trigger does it for everyone. A simple trigger may read
 * and change the file it is bound to (AuthMode.LIMITED), but not in AuthMode.NONE, where an add-on not
 * yet used in this file runs (https://developers.google.com/apps-script/guides/triggers#onopene). Three
 * calls at most, and it never throws: the menu matters more than the tab.
 */
export function openOnOverview(event?: { readonly authMode?: GoogleAppsScript.Script.AuthMode }): void {
  try {
    if (event?.authMode === ScriptApp.AuthMode.NONE) return;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const overview = spreadsheet?.getSheetByName(REPORT_SHEET.overview);
    if (overview && !overview.isSheetHidden()) spreadsheet.setActiveSheet(overview);
  } catch {
    // No access to the file here (a standalone run, a revoked grant): the file opens where it was.
  }
}
