// Test support: the built bundle loaded in a vm over the Apps Script fakes, talking to the simulator.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiGeneration } from '../../src/core/cademi/types';
import { cohortRow } from '../../src/core/config/templates';
import { DEFAULT_GOAL_TRACK } from '../../src/core/model/goals';
import type { ProductId, TagId } from '../../src/core/model/ids';
import { SHEET } from '../../src/core/sheets';
import type { AppsScriptManifest } from '../../src/deploy/manifest';
import { createSchool, createSimulator, DEFAULT_V3_TOKEN, productV3Id, type School, type Simulator, tagV3Id } from '../../src/simulator';
import { bundleCode } from '../../testkit/bundle';
import { type AppsScriptEnv, createAppsScriptEnv, loadBundle } from '../../testkit/fakes';

const ROOT = join(__dirname, '../..');
export const API_URL = 'https://escola.cademi.com.br/api/v1';
export const TOKEN = 'simulador-token';

/** What a school configures per API generation: `URL da API`, the key, and how `Turmas` spells the simulated ids. */
export interface ApiSetup {
  readonly api: ApiGeneration;
  readonly url: string;
  readonly token: string;
  readonly tagId: (v1TagId: number) => TagId;
  readonly productId: (v1ProductId: number) => ProductId;
}

/** v1: the integer ids and the simulator's v1 token; v3: `/api/v3`, the sandbox key `ck_test_…`, `tag_…`/`prd_…` ids. */
export const API_SETUPS: Readonly<Record<ApiGeneration, ApiSetup>> = {
  v1: { api: 'v1', url: API_URL, token: TOKEN, tagId: (id) => id, productId: (id) => id },
  v3: { api: 'v3', url: API_URL.replace(/\/api\/v1$/, '/api/v3'), token: DEFAULT_V3_TOKEN, tagId: tagV3Id, productId: productV3Id },
};

/** The manifest the build derived (build/appsscript.json), as clasp would push it. */
export function builtManifest(): AppsScriptManifest {
  bundleCode();
  return JSON.parse(readFileSync(join(ROOT, 'build/appsscript.json'), 'utf8')) as AppsScriptManifest;
}

/** Makes the fakes hold the bundle to the built manifest's rules: its scopes and its URL allowlist. */
export function enforceManifest(env: AppsScriptEnv, manifest: AppsScriptManifest = builtManifest()): void {
  env.runtime.manifestScopes = manifest.oauthScopes;
  env.urlFetch.allowlist = manifest.urlFetchWhitelist;
}

export interface GasSchool {
  env: AppsScriptEnv;
  fns: Record<string, Function>;
  simulator: Simulator;
  school: School;
  /** The generation `configure` sets the school up for (absent: v1). */
  api?: ApiGeneration;
}

/**
 * A spreadsheet with the bundle loaded, the simulator behind UrlFetchApp, and the clock at `startTime`.
 * The simulator serves both generations whatever `api` says; `api` is what `configure` will set up.
 */
export function gasSchool(startTime: number, options: { studentCount?: number; school?: School; urlFetchQuota?: number; api?: ApiGeneration } = {}): GasSchool {
  const school = options.school ?? createSchool({ studentCount: options.studentCount ?? 300 });
  let simulator: Simulator | undefined;
  const env = createAppsScriptEnv({ handler: (request) => simulator!.handle(request), startTime, latencyMs: 150, urlFetchQuota: options.urlFetchQuota });
  simulator = createSimulator({ clock: env.time, school, token: TOKEN });
  enforceManifest(env);
  const fns = loadBundle(bundleCode(), env);
  return { env, fns, simulator, school, api: options.api ?? 'v1' };
}

/**
 * What a coordinator does once: config sheets, API URL, cohorts, token (as the dialog would save it).
 * `api` (default: the school's, v1 unless `gasSchool` was told otherwise) picks the URL, the key and
 * the ids `Turmas` holds; `token` still overrides the key.
 */
export function configure(
  gas: GasSchool,
  options: { cohorts?: number; token?: string; tutors?: string[]; emailTutors?: boolean; api?: ApiGeneration } = {},
): void {
  const { env, fns, school } = gas;
  const setup = API_SETUPS[options.api ?? gas.api ?? 'v1'];
  // The dialog creates the config sheets and asks for a key (an empty URL da API suits a v3 key); cancelled.
  env.ui.scriptPrompt({ button: 'CANCEL' });
  env.execute(() => fns.configurarToken());
  const settings = env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf('URL da API') + 1, 2).setValue(setup.url);
  if (options.emailTutors) settings.getRange(keys.indexOf('Enviar contatos aos tutores por e-mail') + 1, 2).setValue('Sim');
  const cohorts = school.cohorts.slice(0, options.cohorts ?? 3).map((cohort, index) =>
    cohortRow({
      ...cohort,
      tagId: setup.tagId(cohort.tagId),
      productIds: cohort.productIds.map(setup.productId),
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: options.tutors?.[index] ?? 'tutora@escola.com.br',
      active: true,
    }),
  );
  const turmas = env.spreadsheet.gas().getSheetByName(SHEET.cohorts)!;
  turmas.getRange(2, 1, cohorts.length, 7).setValues(cohorts);
  env.properties.document.gas().setProperty('cademi.apiToken', options.token ?? setup.token);
  env.ui.menus.length = 0;
}
