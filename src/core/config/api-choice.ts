// Which Cademi API generation a school's run calls, and at which address. `Versão da API` may force
// one; `automática` reads what the school was given: v3 keys start with `ck_live_`/`ck_test_`
// [known], and a v3 base URL ends in `/api/v3`. Anything else is a v1 key or address.

import type { ApiGeneration, ApiTarget } from '../cademi/types';
import { V3_CONTRACT } from '../cademi-v3/contract';
import { isV3BaseUrl, isV3Key } from '../cademi-v3/keys';
import type { ApiVersionSetting } from '../model/settings';

export type { ApiGeneration } from '../cademi/types';

/** The generation a run uses: the setting when it names one, else v3 for a v3 key or a v3 URL, else v1. */
export function chooseApi(setting: ApiVersionSetting, token: string, baseUrl: string): ApiGeneration {
  if (setting !== 'auto') return setting;
  return isV3Key(token) || isV3BaseUrl(baseUrl) ? 'v3' : 'v1';
}

/**
 * The address a generation is called at, from `URL da API` (already checked, no trailing slash).
 * On v3 a school's own domain is kept: `…/api/v1` becomes `…/api/v3`, and an empty cell means
 * Cademi's default v3 base. v1 keeps the cell as it is (empty stays empty: the Node host's simulator).
 */
export function baseUrlFor(api: ApiGeneration, apiUrl: string): string {
  if (api === 'v1') return apiUrl;
  if (apiUrl === '') return V3_CONTRACT.defaultBaseUrl;
  if (isV3BaseUrl(apiUrl)) return apiUrl;
  return /\/api\/v1$/i.test(apiUrl) ? apiUrl.replace(/\/api\/v1$/i, V3_CONTRACT.basePath) : apiUrl;
}

/** The run's target: the generation chosen for this key and address, and the address it is called at. */
export function apiTargetFor(setting: ApiVersionSetting, apiUrl: string, token: string): ApiTarget {
  const api = chooseApi(setting, token, apiUrl);
  return { api, baseUrl: baseUrlFor(api, apiUrl), token };
}
