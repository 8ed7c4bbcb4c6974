// When `URL da API` forbids an Apps Script request, for the API generation the key and
// `Versão da API` pick: an invalid cell always; an empty one only on v1, since v3 has Cademi's default address
// and Apps Script has no embedded simulator to stand for an empty v1 cell.

import type { ApiGeneration } from '../core/cademi/types';
import { chooseApi } from '../core/config/api-choice';
import { type ApiUrlSetting, apiUrlRefusal } from '../core/config/settings-sheet';
import type { Settings } from '../core/model/settings';

/** Why no request may go to `URL da API` on this generation (pt-BR), or null when one may. */
export function apiUrlRefusalFor(apiUrl: ApiUrlSetting, api: ApiGeneration): string | null {
  return apiUrl.state === 'empty' && api === 'v3' ? null : apiUrlRefusal(apiUrl);
}

/**
 * Before a key is typed (the token dialog): refused only when no key could use the cell, i.e. it is
 * invalid, or empty with `Versão da API` = v1 (under `automática` a v3 key may still come).
 */
export function apiUrlRefusalForAnyKey(settings: Pick<Settings, 'apiVersion'>, apiUrl: ApiUrlSetting): string | null {
  return apiUrlRefusalFor(apiUrl, settings.apiVersion === 'v1' ? 'v1' : 'v3');
}

/**
 * For a key (null: none saved yet, judged by what the setting and the URL alone pick): the URL is
 * checked for the generation that key would use, before the key itself, so a bad cell is never
 * reported as a missing or refused key.
 */
export function apiUrlRefusalForKey(settings: Pick<Settings, 'apiVersion' | 'apiUrl'>, apiUrl: ApiUrlSetting, token: string | null): string | null {
  return apiUrlRefusalFor(apiUrl, chooseApi(settings.apiVersion, token ?? '', settings.apiUrl));
}
