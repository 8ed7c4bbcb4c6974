// The checks that need no request: which address, which key, which API generation, and whether the
// config sheets give the run something to collect with ids of that generation.

import { checkBaseUrl } from '../cademi/base-url';
import { tokenProblem } from '../cademi/token';
import type { ApiGeneration, ApiTarget } from '../cademi/types';
import { V3_CONTRACT } from '../cademi-v3/contract';
import { isV3Id } from '../cademi-v3/ids';
import { isV3BaseUrl, isV3Key, v3KeyMode } from '../cademi-v3/keys';
import { baseUrlFor, chooseApi } from '../config/api-choice';
import type { SchoolConfig } from '../config/load-config';
import type { ApiUrlSetting } from '../config/settings-sheet';
import { doctorMessages as say } from '../messages/doctor';
import { NO_ACTIVE_COHORT } from '../messages/sync';
import type { CohortConfig } from '../model/cohort';
import { describeIssue } from '../model/issues';
import { type CheckLine, type DoctorHost, failure, ok, warning } from './check-line';

/** What a host read before the check: the config, the address cell, its own address and key. */
export interface DoctorInput {
  readonly host: DoctorHost;
  readonly config: SchoolConfig;
  /** `Configuração › URL da API` as read (only `empty` may mean the simulator). */
  readonly apiUrlCell: ApiUrlSetting;
  /** Node's CADEMI_BASE_URL; it wins over the cell when set. */
  readonly envUrl?: string;
  /** CADEMI_TOKEN, or the key in DocumentProperties; null when none. */
  readonly token: string | null;
  /** Node only: the embedded simulator's target for a generation, used when no address is named anywhere. */
  readonly simulator?: (api: ApiGeneration) => ApiTarget;
}

/** Who the check talks to, when it can talk to anyone. */
export interface Access {
  readonly api: ApiGeneration;
  readonly target: (ApiTarget & { readonly api: ApiGeneration }) | null;
  readonly simulator: boolean;
  readonly lines: readonly CheckLine[];
}

type UrlReading = { readonly url: string | null; readonly line: CheckLine | null };

function readUrl(input: DoctorInput): UrlReading {
  const envUrl = (input.envUrl ?? '').trim();
  if (envUrl !== '') {
    const checked = checkBaseUrl(envUrl);
    return checked.ok
      ? { url: checked.value, line: ok('access', say.urlFromEnv(checked.value)) }
      : { url: null, line: failure('access', say.envUrlInvalid(checked.problem)) };
  }
  const cell = input.apiUrlCell;
  if (cell.state === 'invalid') return { url: null, line: failure('access', say.cellUrlInvalid(describeIssue(cell.issue))) };
  if (cell.state === 'valid') return { url: cell.value, line: ok('access', say.urlFromCell(cell.value)) };
  return { url: '', line: null };
}

function apiReason(input: DoctorInput, token: string, url: string): 'setting' | 'key' | 'url' | 'default' {
  if (input.config.settings.apiVersion !== 'auto') return 'setting';
  if (isV3Key(token)) return 'key';
  return isV3BaseUrl(url) ? 'url' : 'default';
}

/** The address, the key and the generation, each as a line; a target only when both can be used. */
export function checkAccess(input: DoctorInput): Access {
  const { url, line: urlLine } = readUrl(input);
  const simulator = url === '' && input.simulator !== undefined ? input.simulator : null;
  const given = input.token?.trim() || null;
  const keyLines: CheckLine[] = [];
  let keyUsable = true;
  if (given === null && simulator === null) {
    keyLines.push(failure('access', say.keyMissing(input.host)));
    keyUsable = false;
  } else if (given !== null) {
    const problem = tokenProblem(given);
    keyUsable = problem === null;
    keyLines.push(problem === null ? ok('access', say.keyPresent(input.host)) : failure('access', say.keyMalformed(input.host, problem)));
  } else keyLines.push(ok('access', say.simulatorKey()));

  const { apiVersion } = input.config.settings;
  const api = chooseApi(apiVersion, given ?? '', url ?? '');
  const apiLines: CheckLine[] = [ok('access', say.apiChosen(api, apiReason(input, given ?? '', url ?? '')))];
  if (given !== null && keyUsable && simulator === null) {
    if (apiVersion === 'v3' && !isV3Key(given)) apiLines.push(warning('access', say.v3SettingWithoutV3Key()));
    if (apiVersion === 'v1' && isV3Key(given)) apiLines.push(warning('access', say.v1SettingWithV3Key()));
    if (api === 'v3' && v3KeyMode(given) === 'test') apiLines.push(warning('access', say.testKey()));
  }

  let baseUrl: string | null = null;
  let addressLine = urlLine;
  if (simulator !== null) {
    const embedded = simulator(api);
    baseUrl = embedded.baseUrl;
    addressLine = ok('access', say.usingSimulator(embedded.baseUrl));
    return finish(api, true, addressLine, keyLines, apiLines, keyUsable ? { api, baseUrl, token: given ?? embedded.token } : null);
  }
  if (url === '') {
    addressLine = api === 'v1' ? failure('access', say.urlMissingV1()) : ok('access', say.urlDefaultV3(V3_CONTRACT.defaultBaseUrl));
    baseUrl = api === 'v1' ? null : V3_CONTRACT.defaultBaseUrl;
  } else if (url !== null) {
    baseUrl = baseUrlFor(api, url);
    if (baseUrl !== url) apiLines.push(ok('access', say.v3CalledAt(baseUrl)));
  }
  const target = baseUrl !== null && keyUsable && given !== null ? { api, baseUrl, token: given } : null;
  return finish(api, false, addressLine, keyLines, apiLines, target);
}

function finish(
  api: ApiGeneration,
  simulator: boolean,
  addressLine: CheckLine | null,
  keyLines: readonly CheckLine[],
  apiLines: readonly CheckLine[],
  target: Access['target'],
): Access {
  return { api, simulator, target, lines: [...(addressLine === null ? [] : [addressLine]), ...keyLines, ...apiLines] };
}

/** A tracked product and the cohorts (rows) that track it, for a message naming the cells to fix. */
export interface TrackedProduct {
  readonly id: CohortConfig['productIds'][number];
  readonly cohorts: readonly CohortConfig[];
}

/** Where a tracked product is named in `Turmas`, for the message that asks to fix it. */
export function productPlaces(product: TrackedProduct): string[] {
  return product.cohorts.map((cohort) => say.productPlace(cohort.name, cohort.sheetRow + 1));
}

/** What the config gives the run: the cohorts and products whose ids this generation can call. */
export interface ConfigCheck {
  readonly lines: readonly CheckLine[];
  readonly cohorts: readonly CohortConfig[];
  readonly products: readonly TrackedProduct[];
}

/** True when the id is of the generation's kind: v1's integers, v3's prefixed strings. */
function isIdOf(api: ApiGeneration, id: number | string, prefix: 'tag_' | 'prd_'): boolean {
  return api === 'v1' ? typeof id === 'number' : isV3Id(id, prefix);
}

/** The config's issues as the run would treat them, the active cohorts, and ids of the wrong generation. */
export function checkConfig(config: SchoolConfig, api: ApiGeneration): ConfigCheck {
  const lines: CheckLine[] = [];
  for (const issue of config.issues) {
    const line = describeIssue(issue);
    if (issue.severity === 'error' && issue.row <= 0) lines.push(failure('config', say.issue(line)));
    else lines.push(warning('config', issue.severity === 'error' ? say.rowSkipped(line) : say.issue(line)));
  }
  const active = config.cohorts.filter((cohort) => cohort.active);
  if (active.length === 0) return { lines: [...lines, failure('config', say.noActiveCohort(NO_ACTIVE_COHORT))], cohorts: [], products: [] };

  const cohorts: CohortConfig[] = [];
  const products = new Map<number | string, CohortConfig[]>();
  for (const cohort of active) {
    const row = cohort.sheetRow + 1;
    if (isIdOf(api, cohort.tagId, 'tag_')) cohorts.push(cohort);
    else lines.push(failure('config', say.tagOfOtherApi(cohort.name, row, api)));
    if (cohort.productIds.some((id) => !isIdOf(api, id, 'prd_'))) lines.push(failure('config', say.productOfOtherApi(cohort.name, row, api)));
    for (const id of cohort.productIds.filter((product) => isIdOf(api, product, 'prd_'))) products.set(id, [...(products.get(id) ?? []), cohort]);
  }
  lines.unshift(ok('config', say.cohortsFound(active.length, new Set(active.flatMap((cohort) => cohort.productIds)).size)));
  return { lines, cohorts, products: [...products].map(([id, users]) => ({ id, cohorts: users })) };
}
