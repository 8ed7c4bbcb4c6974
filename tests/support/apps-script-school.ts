// Test support: the built bundle loaded in a vm over the Apps Script fakes, talking to the simulator.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohortRow } from '../../src/core/config/templates';
import { DEFAULT_GOAL_TRACK } from '../../src/core/model/goals';
import { SHEET } from '../../src/core/sheets';
import type { AppsScriptManifest } from '../../src/deploy/manifest';
import { createSchool, createSimulator, type School, type Simulator } from '../../src/simulator';
import { bundleCode } from '../../testkit/bundle';
import { type AppsScriptEnv, createAppsScriptEnv, loadBundle } from '../../testkit/fakes';

const ROOT = join(__dirname, '../..');
export const API_URL = 'https://escola.cademi.com.br/api/v1';
export const TOKEN = 'simulador-token';

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
}

/** A spreadsheet with the bundle loaded, the simulator behind UrlFetchApp, and the clock at `startTime`. */
export function gasSchool(startTime: number, options: { studentCount?: number; school?: School; urlFetchQuota?: number } = {}): GasSchool {
  const school = options.school ?? createSchool({ studentCount: options.studentCount ?? 300 });
  let simulator: Simulator | undefined;
  const env = createAppsScriptEnv({ handler: (request) => simulator!.handle(request), startTime, latencyMs: 150, urlFetchQuota: options.urlFetchQuota });
  simulator = createSimulator({ clock: env.time, school, token: TOKEN });
  enforceManifest(env);
  const fns = loadBundle(bundleCode(), env);
  return { env, fns, simulator, school };
}

/** What a coordinator does once: config sheets, API URL, cohorts, token (as the dialog would save it). */
export function configure(gas: GasSchool, options: { cohorts?: number; token?: string; tutors?: string[]; emailTutors?: boolean } = {}): void {
  const { env, fns, school } = gas;
  // The dialog creates the config sheets and asks for a key (an empty URL da API suits a v3 key); cancelled.
  env.ui.scriptPrompt({ button: 'CANCEL' });
  env.execute(() => fns.configurarToken());
  const settings = env.spreadsheet.gas().getSheetByName(SHEET.settings)!;
  const keys = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((row) => row[0]);
  settings.getRange(keys.indexOf('URL da API') + 1, 2).setValue(API_URL);
  if (options.emailTutors) settings.getRange(keys.indexOf('Enviar contatos aos tutores por e-mail') + 1, 2).setValue('Sim');
  const cohorts = school.cohorts
    .slice(0, options.cohorts ?? 3)
    .map((cohort, index) =>
      cohortRow({ ...cohort, goalTrack: DEFAULT_GOAL_TRACK.name, tutorEmail: options.tutors?.[index] ?? 'tutora@escola.com.br', active: true }),
    );
  const turmas = env.spreadsheet.gas().getSheetByName(SHEET.cohorts)!;
  turmas.getRange(2, 1, cohorts.length, 7).setValues(cohorts);
  env.properties.document.gas().setProperty('cademi.apiToken', options.token ?? TOKEN);
  env.ui.menus.length = 0;
}
