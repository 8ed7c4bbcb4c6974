// What a key or an API address says about the API generation, for the "automatic" API choice:
// v3 keys start with `ck_live_` (production) or `ck_test_` (Cademi's sandbox) [known].

import { V3_CONTRACT } from './contract';

/** Which kind of v3 key a token is: `live`, `test`, or null for anything else (a v1 key). */
export function v3KeyMode(token: string): 'live' | 'test' | null {
  const key = token.trim();
  const { live, test } = V3_CONTRACT.keys;
  if (key.startsWith(live) && key.length > live.length) return 'live';
  if (key.startsWith(test) && key.length > test.length) return 'test';
  return null;
}

/** True for a v3 key (`ck_live_…` or `ck_test_…`). */
export function isV3Key(token: string): boolean {
  return v3KeyMode(token) !== null;
}

/** True when an API address ends in the v3 base path (`…/api/v3`, trailing slashes allowed). */
export function isV3BaseUrl(baseUrl: string): boolean {
  const path = baseUrl
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  return path.toLowerCase().endsWith(V3_CONTRACT.basePath);
}
