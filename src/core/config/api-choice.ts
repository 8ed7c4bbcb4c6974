// Which Cademi API generation a school's run calls. `Versão da API` may force one; `automática`
// reads what the school was given: v3 keys start with `ck_live_`/`ck_test_` [known], and a v3 base
// URL ends in `/api/v3`. Anything else is a v1 key or address.

import { isV3BaseUrl, isV3Key } from '../cademi-v3/keys';
import type { ApiVersionSetting } from '../model/settings';

/** The two generations the monitor speaks. */
export type ApiGeneration = 'v1' | 'v3';

/** The generation a run uses: the setting when it names one, else v3 for a v3 key or a v3 URL, else v1. */
export function chooseApi(setting: ApiVersionSetting, token: string, baseUrl: string): ApiGeneration {
  if (setting !== 'auto') return setting;
  return isV3Key(token) || isV3BaseUrl(baseUrl) ? 'v3' : 'v1';
}
