// `npm run deploy:check`: what a push would send to Apps Script and why, checked with the real
// clasp (offline, throwaway HOME) and against the scope table. `npm run push` runs it first.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorText } from '../core/errors';
import {
  ALLOWLIST_HEADING,
  BUILD_INCOMPLETE,
  CLASP_JSON_MISSING,
  CLASP_LISTED_NOTHING,
  claspWouldPushOthers,
  deployCheckFailed,
  deployWarning,
  FILES_TO_PUSH_HEADING,
  optionalParts,
  problemsBlockPush,
  READY_TO_PUSH,
  SCHOOL_OWN_ADDRESS,
  SCOPES_HEADING,
  scriptIdMissing,
  serviceSwitch,
} from '../core/messages/deploy';
import { FETCH_TARGETS } from '../gas/url-allowlist';
import { analyzeBundle } from './bundle-analysis';
import { type DeployOptions, readDeployOptions } from './deploy-options';
import { type AppsScriptManifest, checkManifest, reviewBundle } from './manifest';
import { ADVANCED_SERVICES, type DeployOption, shortScope } from './scopes';

/** Exactly what Apps Script must receive: the manifest, the bundle and the sidebar. */
export const PUSHED_FILES: readonly string[] = ['build/Code.js', 'build/Sidebar.html', 'build/appsscript.json'];
const SCRIPT_ID_PLACEHOLDER = 'PASTE-YOUR-SCRIPT-ID-HERE';

/** The files the real `clasp push` would upload from `root`, asked offline with a throwaway HOME. */
export function claspFilesToPush(root: string): string[] {
  const home = mkdtempSync(join(tmpdir(), 'clasp-home-'));
  try {
    const clasp = join(root, 'node_modules/.bin/clasp');
    const output = execFileSync(clasp, ['show-file-status', '--json'], {
      cwd: root,
      env: { ...process.env, HOME: home },
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const status = JSON.parse(output) as { filesToPush?: unknown };
    if (!Array.isArray(status.filesToPush)) throw new Error(CLASP_LISTED_NOTHING);
    return status.filesToPush.map(String).sort();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export interface DeployReport {
  readonly lines: string[];
  readonly problems: string[];
  readonly warnings: string[];
}

/** Checks a built project at `root` (build/ present). Pure of printing: the caller prints `lines`. */
export function deployReport(root: string, options: DeployOptions = readDeployOptions(root), forPush = false): DeployReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const lines: string[] = [];
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null);
  const code = read('build/Code.js');
  const manifestText = read('build/appsscript.json');
  if (code === null || manifestText === null) return { lines, problems: [BUILD_INCOMPLETE], warnings };
  const manifest = JSON.parse(manifestText) as AppsScriptManifest;
  const references = analyzeBundle(code);

  const files = claspFilesToPush(root);
  lines.push(FILES_TO_PUSH_HEADING, ...files.map((file) => `  ${file}`));
  const expected = [...PUSHED_FILES].sort();
  if (JSON.stringify(files) !== JSON.stringify(expected)) problems.push(claspWouldPushOthers(files, expected));

  const review = reviewBundle(references, options);
  lines.push('', SCOPES_HEADING);
  for (const need of review.scopes) lines.push(`  ${shortScope(need.scope)}: ${need.reasons.join('; ')} [${need.uses.join(', ')}]`);
  lines.push('', ALLOWLIST_HEADING);
  for (const prefix of manifest.urlFetchWhitelist)
    lines.push(`  ${prefix}: ${FETCH_TARGETS.find((target) => target.prefix === prefix)?.reason ?? SCHOOL_OWN_ADDRESS}`);
  const services = (Object.keys(ADVANCED_SERVICES) as DeployOption[]).map((option) => serviceSwitch(ADVANCED_SERVICES[option].userSymbol, options[option]));
  lines.push('', optionalParts(options.addon, services));
  problems.push(...checkManifest(manifest, references, options));

  const clasp = read('.clasp.json');
  if (clasp === null) problems.push(CLASP_JSON_MISSING);
  else if (clasp.includes(SCRIPT_ID_PLACEHOLDER)) (forPush ? problems : warnings).push(scriptIdMissing(SCRIPT_ID_PLACEHOLDER));
  return { lines, problems, warnings };
}

/** The command: prints the report, returns the exit code (1 when anything would fail in Apps Script). */
export function runDeployCheck(root: string = process.cwd(), argv: readonly string[] = process.argv.slice(2)): number {
  let report: DeployReport;
  try {
    report = deployReport(root, readDeployOptions(root), argv.includes('--push'));
  } catch (error) {
    console.error(deployCheckFailed(errorText(error)));
    return 1;
  }
  console.log(report.lines.join('\n'));
  for (const warning of report.warnings) console.log(`\n${deployWarning(warning)}`);
  if (report.problems.length > 0) {
    console.error(`\n${problemsBlockPush(report.problems)}`);
    return 1;
  }
  console.log(`\n${READY_TO_PUSH}`);
  return 0;
}
