// "Configurar token da API…": ask, validate with one GET /tag, then keep it in DocumentProperties.

import { CademiAuthError, CademiError } from '../core/cademi/errors';
import { tagsRequest } from '../core/cademi/requests';
import { parseTags } from '../core/cademi/responses';
import { tokenProblem } from '../core/cademi/token';
import { apiUrlRefusal, parseSettingsSheet } from '../core/config/settings-sheet';
import { tokenMessages } from '../core/messages/cademi';
import { SHEET } from '../core/sheets';
import { MENU_TITLE } from './menu';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { maskedToken, readToken, saveToken } from './state-store';
import { fetchOneRequest } from './urlfetch-transport';

export function configureTokenDialog(): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  const { settings, apiUrl } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  const urlRefused = apiUrlRefusal(apiUrl);
  if (urlRefused) {
    ui.alert(MENU_TITLE, urlRefused, ui.ButtonSet.OK);
    return;
  }
  const answer = ui.prompt(tokenMessages.dialogTitle, tokenMessages.dialogPrompt(maskedToken(readToken())), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const token = answer.getResponseText().trim();
  if (token === '') {
    ui.alert(MENU_TITLE, tokenMessages.noneGiven(), ui.ButtonSet.OK);
    return;
  }
  const malformed = tokenProblem(token);
  if (malformed) {
    ui.alert(MENU_TITLE, tokenMessages.notSaved(malformed), ui.ButtonSet.OK);
    return;
  }
  const verdict = validateToken(settings.apiUrl, token);
  if (verdict !== null) {
    ui.alert(MENU_TITLE, tokenMessages.notSaved(verdict), ui.ButtonSet.OK);
    return;
  }
  saveToken(token);
  ui.alert(MENU_TITLE, tokenMessages.saved(maskedToken(token)), ui.ButtonSet.OK);
}

/** One call to GET /tag: null when the API accepts the token, else why not (in Portuguese). */
function validateToken(baseUrl: string, token: string): string | null {
  const response = fetchOneRequest(tagsRequest({ baseUrl, token }));
  try {
    parseTags(response);
    return null;
  } catch (error) {
    if (error instanceof CademiAuthError) return tokenMessages.keyRefused(error.status);
    if (error instanceof CademiError) return tokenMessages.apiUnexpected(error.status);
    throw error;
  }
}
