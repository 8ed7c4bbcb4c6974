// "Configurar token da API…": ask, validate with one GET /tag, then keep it in DocumentProperties.

import { parseSettingsSheet } from '../core/config/settings-sheet';
import { CademiAuthError, CademiError } from '../core/cademi/errors';
import { tagsRequest } from '../core/cademi/requests';
import { parseTags } from '../core/cademi/responses';
import { SHEET } from '../core/sheets';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { fetchAllRequests } from './urlfetch-transport';
import { maskedToken, readToken, saveToken } from './state-store';
import { tokenProblem } from '../core/cademi/token';

export function configureTokenDialog(): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  const { settings } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  if (!settings.apiUrl) {
    ui.alert('Progresso Cademi', 'Preencha primeiro "URL da API" na aba Configuração (ex.: https://SUAESCOLA.cademi.com.br/api/v1).', ui.ButtonSet.OK);
    return;
  }
  const answer = ui.prompt(
    'Token da API Cademi',
    `Cole a chave de API da Cademi (Configurações › API). Atual: ${maskedToken(readToken())}.\nEla fica nas propriedades do documento, nunca numa célula.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const token = answer.getResponseText().trim();
  if (token === '') {
    ui.alert('Progresso Cademi', 'Nenhum token informado; nada mudou.', ui.ButtonSet.OK);
    return;
  }
  const malformed = tokenProblem(token);
  if (malformed) {
    ui.alert('Progresso Cademi', `Token não salvo: ${malformed}.`, ui.ButtonSet.OK);
    return;
  }
  const verdict = validateToken(settings.apiUrl, token);
  if (verdict !== null) {
    ui.alert('Progresso Cademi', `Token não salvo: ${verdict}`, ui.ButtonSet.OK);
    return;
  }
  saveToken(token);
  ui.alert('Progresso Cademi', `Token salvo (${maskedToken(token)}). A Cademi aceitou a chave.`, ui.ButtonSet.OK);
}

/** One call to GET /tag: null when the API accepts the token, else why not (in Portuguese). */
export function validateToken(baseUrl: string, token: string): string | null {
  const [response] = fetchAllRequests([tagsRequest({ baseUrl, token })]);
  try {
    parseTags(response);
    return null;
  } catch (error) {
    if (error instanceof CademiAuthError) return `a Cademi recusou a chave (HTTP ${error.status}). Confira se ela está completa e ativa.`;
    if (error instanceof CademiError) return `a API não respondeu como esperado (HTTP ${error.status}). Confira a URL da API.`;
    throw error;
  }
}
