// What `clasp push` would upload, asked of the real @google/clasp (offline, throwaway HOME): exactly
// the manifest, the bundle and the sidebar, also when other files sit in build/ or a build option is on.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/deploy/bundle-analysis';
import { claspFilesToPush, PUSHED_FILES } from '../../src/deploy/deploy-check';
import { parseDeployOptions } from '../../src/deploy/deploy-options';
import { checkManifest } from '../../src/deploy/manifest';
import { bundleCode } from '../../testkit/bundle';

const ROOT = join(__dirname, '../..');
const EXPECTED = [...PUSHED_FILES].sort();

/** A copy of the project (sources linked, config copied) built with `deployConfig`. */
function builtCopy(deployConfig: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'cademi-build-'));
  for (const linked of ['src', 'node_modules', 'scripts']) symlinkSync(join(ROOT, linked), join(dir, linked));
  for (const copied of ['package.json', '.clasp.json', '.claspignore']) copyFileSync(join(ROOT, copied), join(dir, copied));
  writeFileSync(join(dir, 'deploy.config.json'), JSON.stringify(deployConfig));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: dir, stdio: 'pipe', env: { ...process.env, npm_config_silent: 'true' } });
  return dir;
}

describe('clasp push uploads only the Apps Script project', () => {
  beforeAll(() => bundleCode());

  it('lists exactly appsscript.json, Code.js and Sidebar.html for this repository', () => {
    expect(claspFilesToPush(ROOT)).toEqual(EXPECTED);
  });

  it('keeps the Node output and anything else out, and keeps BigQuery on after a rebuild', () => {
    const dir = builtCopy({ bigquery: true });
    try {
      writeFileSync(join(dir, 'build/stray.js'), 'require("fs");');
      writeFileSync(join(dir, 'build/notes.html'), '<p>rascunho</p>');
      expect(claspFilesToPush(dir)).toEqual(EXPECTED);
      const manifest = JSON.parse(readFileSync(join(dir, 'build/appsscript.json'), 'utf8'));
      expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }]);
      expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/bigquery');
      const options = parseDeployOptions(JSON.stringify({ bigquery: true }));
      expect(checkManifest(manifest, analyzeBundle(readFileSync(join(dir, 'build/Code.js'), 'utf8')), options)).toEqual([]);
      // The same manifest without the option would be refused: the push never silently drops the service.
      expect(checkManifest(manifest, analyzeBundle(readFileSync(join(dir, 'build/Code.js'), 'utf8')), parseDeployOptions(null))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/escopo https:\/\/www.googleapis.com\/auth\/bigquery está no manifesto/),
          expect.stringMatching(/serviço avançado BigQuery/),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pins @google/clasp, and npm run push uses it after deploy:check', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['@google/clasp']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.push).toMatch(/deploy:check.*--push.*&& clasp push/);
    expect(pkg.scripts.push).not.toMatch(/npx|@google\/clasp@/);
  });
});
