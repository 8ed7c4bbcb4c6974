// "Configurar token da API…": ask, validate with one call to the API generation the key is for
// (v1: GET /tag; v3: GET /credentials/current, which any valid key may call), then keep it in DocumentProperties.

import { CademiAuthError, CademiError } from '../core/cademi/errors';
import { tagsRequest } from '../core/cademi/requests';
import { parseTags } from '../core/cademi/responses';
import { tokenProblem } from '../core/cademi/token';
import type { ApiTarget } from '../core/cademi/types';
import { CademiV3AuthError, CademiV3Error, CademiV3PermissionError, CademiV3ShapeError } from '../core/cademi-v3/errors';
import { currentCredentialRequest } from '../core/cademi-v3/requests';
import { parseCurrentCredential } from '../core/cademi-v3/responses';
import { apiTargetFor } from '../core/config/api-choice';
import { parseSettingsSheet } from '../core/config/settings-sheet';
import { tokenMessages } from '../core/messages/cademi';
import { SHEET } from '../core/sheets';
import { apiUrlRefusalFor, apiUrlRefusalForAnyKey } from './api-target';
import { MENU_TITLE } from './menu';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { maskedToken, readToken, saveToken } from './state-store';
import { fetchOneRequest } from './urlfetch-transport';

export function configureTokenDialog(): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  const { settings, apiUrl } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  const urlRefused = apiUrlRefusalForAnyKey(settings, apiUrl);
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
  const target = apiTargetFor(settings.apiVersion, settings.apiUrl, token);
  const api = target.api ?? 'v1';
  // Under `automática` an empty cell passed the check above for a v3 key; this key turned out to be v1.
  if (apiUrlRefusalFor(apiUrl, api) !== null) {
    ui.alert(MENU_TITLE, tokenMessages.notSaved(tokenMessages.v1NeedsUrl()), ui.ButtonSet.OK);
    return;
  }
  const verdict = api === 'v3' ? validateV3Key(target) : validateV1Key(target);
  if (verdict !== null) {
    ui.alert(MENU_TITLE, tokenMessages.notSaved(verdict), ui.ButtonSet.OK);
    return;
  }
  saveToken(token);
  ui.alert(MENU_TITLE, tokenMessages.saved(maskedToken(token), api), ui.ButtonSet.OK);
}

/** One call to GET /tag: null when the API accepts the token, else why not (in Portuguese). */
function validateV1Key(target: ApiTarget): string | null {
  const response = fetchOneRequest(tagsRequest(target));
  try {
    parseTags(response);
    return null;
  } catch (error) {
    if (error instanceof CademiAuthError) return tokenMessages.keyRefused(error.status, 'v1');
    if (error instanceof CademiError) return tokenMessages.apiUnexpected(error.status, 'v1');
    throw error;
  }
}

/**
 * One call to GET /credentials/current, which answers any valid key: null when it does. A 403 there
 * is a refusal of the key too (no permission is needed to read it). The answer's fields are assumed,
 * not documented: a JSON object whose fields differ still means the key was accepted (the doctor
 * reports the contract); a body that is no JSON object means the URL is not the API's.
 */
function validateV3Key(target: ApiTarget): string | null {
  const response = fetchOneRequest(currentCredentialRequest(target));
  try {
    parseCurrentCredential(response);
    return null;
  } catch (error) {
    if (error instanceof CademiV3ShapeError && error.field !== '') return null;
    if (error instanceof CademiV3AuthError || error instanceof CademiV3PermissionError) return tokenMessages.keyRefused(error.status, 'v3', error.code);
    if (error instanceof CademiV3Error) return tokenMessages.apiUnexpected(error.status, 'v3', error.code);
    throw error;
  }
}
