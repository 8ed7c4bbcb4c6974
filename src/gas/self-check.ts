// The first-run self-check: before a person's first menu action, what the code relies on is asked of
// the platform itself, so a missing piece reads as one clear message instead of a failure later.

import { apiUrlNotAllowlisted, scopesMissing, selfCheckFailed, timeZoneDisagrees, timeZoneUnknown } from '../core/messages/menu';
import { wallTimeOf } from '../core/time/zoned';
import { USER_KEY } from './property-keys';
import { builtAllowlist, isUrlAllowed, originOf } from './url-allowlist';

declare const __MANIFEST_SCOPES__: readonly string[] | undefined;

/** The scopes the build wrote into the manifest (appsscript.json). */
function manifestScopes(): readonly string[] {
  return typeof __MANIFEST_SCOPES__ !== 'undefined' ? __MANIFEST_SCOPES__ : [];
}

/** Per user: authorization is granted by each person, so each one passes the check once per build. */
const PASSED_KEY = USER_KEY.selfCheckPassed;
const DAY_MS = 86_400_000;

/** Whether Intl computes the same wall clock as Apps Script's own (Java) formatter, in winter and summer. */
function timeZoneProblem(timeZone: string, now: number): string | null {
  try {
    for (const at of [now, now + 182 * DAY_MS]) {
      const wall = wallTimeOf(at, timeZone);
      const ours = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
      const platform = Utilities.formatDate(new Date(at), timeZone, 'yyyy-MM-dd HH:mm');
      if (ours !== platform) return timeZoneDisagrees(timeZone, ours, platform);
    }
    return null;
  } catch {
    return timeZoneUnknown(timeZone);
  }
}

/** The manifest's scopes this person has not granted (granular consent lets people untick some). */
function missingScopes(scopes: readonly string[]): string[] {
  if (scopes.length === 0) return [];
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...scopes]);
  const granted = info.getAuthorizedScopes();
  if (granted === null || granted === undefined) return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED ? [...scopes] : [];
  const have = new Set(granted);
  return scopes.filter((scope) => !have.has(scope));
}

/** Everything that stops the product here, in Portuguese; empty when all is well. */
function selfCheckProblems(input: { timeZones: readonly string[]; apiUrl: string; now: number }): string[] {
  const problems: string[] = [];
  for (const timeZone of new Set(input.timeZones)) {
    const problem = timeZoneProblem(timeZone, input.now);
    if (problem) problems.push(problem);
  }
  const missing = missingScopes(manifestScopes());
  if (missing.length > 0) {
    problems.push(scopesMissing(missing.map((scope) => scope.replace('https://www.googleapis.com/auth/', ''))));
  }
  if (input.apiUrl && !isUrlAllowed(input.apiUrl)) {
    problems.push(apiUrlNotAllowlisted(originOf(input.apiUrl), builtAllowlist()));
  }
  return problems;
}

/** Runs the check once per person and build; true when the menu action may go on. */
export function passesSelfCheck(input: () => { timeZones: readonly string[]; apiUrl: string }, show: (message: string) => void): boolean {
  const properties = PropertiesService.getUserProperties();
  const build = manifestScopes().join(' ');
  if (properties.getProperty(PASSED_KEY) === build) return true;
  const problems = selfCheckProblems({ ...input(), now: Date.now() });
  if (problems.length > 0) {
    show(selfCheckFailed(problems));
    return false;
  }
  properties.setProperty(PASSED_KEY, build);
  return true;
}
