// `npm run deploy:check`: what a person about to push reads, and its refusal when a check fails.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployReport } from '../../src/deploy/deploy-check';
import { bundleCode } from '../../testkit/bundle';

const ROOT = join(__dirname, '../..');

describe('npm run deploy:check', () => {
  beforeAll(() => bundleCode());

  it('lists the pushed files, each scope with its reason and uses, the hosts and the optional parts', () => {
    const report = deployReport(ROOT);
    expect(report.problems).toEqual([]);
    const text = report.lines.join('\n');
    expect(text).toMatch(/build\/Code\.js\n {2}build\/Sidebar\.html\n {2}build\/appsscript\.json/);
    expect(text).toMatch(/userinfo\.email: registrar quem fez cada ajuste.*\[Session\.getActiveUser/);
    expect(text).toMatch(/https:\/\/hooks\.slack\.com\/: alertas no Slack/);
    expect(text).toMatch(/https:\/\/api\.cademi\.com\.br\/: API v3 da Cademi no endereço padrão/);
    expect(text).toMatch(/BigQuery: desligado/);
    expect(report.warnings).toEqual([expect.stringMatching(/PASTE-YOUR-SCRIPT-ID-HERE/)]);
    expect(deployReport(ROOT, undefined, true).problems).toEqual([expect.stringMatching(/PASTE-YOUR-SCRIPT-ID-HERE/)]);
  });

  it('fails, saying why, when the manifest lost a scope or clasp would push a Node file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cademi-deploy-'));
    try {
      for (const file of ['.clasp.json', 'package.json']) cpSync(join(ROOT, file), join(dir, file));
      cpSync(join(ROOT, 'build'), join(dir, 'build'), { recursive: true });
      cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const manifestPath = join(dir, 'build/appsscript.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.oauthScopes = manifest.oauthScopes.filter((scope: string) => !scope.endsWith('script.scriptapp'));
      writeFileSync(manifestPath, JSON.stringify(manifest));
      writeFileSync(join(dir, 'build/cli.js'), 'module.exports = require("fs");'); // no .claspignore in this copy
      let output = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [join(ROOT, 'scripts/deploy-check.mjs')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const failure = error as { status: number; stdout: string; stderr: string };
        status = failure.status;
        output = failure.stdout + failure.stderr;
      }
      expect(status).toBe(1);
      expect(output).toMatch(/Falta o escopo https:\/\/www\.googleapis\.com\/auth\/script\.scriptapp no manifesto: ScriptApp\./);
      expect(output).toMatch(/O clasp enviaria .*build\/cli\.js/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
