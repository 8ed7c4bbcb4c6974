// The `Progresso Cademi` menu. Building it needs no authorization (it runs in AuthMode.NONE for add-ons).

import { PRODUCT_NAME } from '../core/messages/product';
import { ADDON_MODE } from './deployment';

export const MENU_TITLE = PRODUCT_NAME;

/** Menu captions and the entry functions they call (exported from src/gas/index.ts). */
const MENU_ITEMS: readonly (readonly [caption: string, handler: string] | null)[] = [
  ['Atualizar agora', 'atualizarAgora'],
  ['Gerenciar turmas…', 'gerenciarTurmas'],
  null,
  ['Configurar token da API…', 'configurarToken'],
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
