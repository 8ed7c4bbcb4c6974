// The manifest is derived from what the built bundle calls, and checked against it: no used member
// without its scope, no scope without a use, no fetched host outside urlFetchWhitelist, no free
// identifier Apps Script lacks. The README's scope table follows the same table.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { V3_CONTRACT } from '../../src/core/cademi-v3/contract';
import { analyzeBundle } from '../../src/deploy/bundle-analysis';
import { DeployConfigError, parseDeployOptions } from '../../src/deploy/deploy-options';
import { buildManifest, checkManifest, reviewBundle } from '../../src/deploy/manifest';
import { shortScope } from '../../src/deploy/scopes';
import { FETCH_TARGETS } from '../../src/gas/url-allowlist';
import { bundleCode } from '../../testkit/bundle';
import { builtManifest } from '../support/apps-script-school';

const ROOT = join(__dirname, '../..');
const AUTH = 'https://www.googleapis.com/auth/';
const defaults = parseDeployOptions(null);

describe('the built bundle and its manifest', () => {
  const references = analyzeBundle(bundleCode());
  const manifest = builtManifest();

  it('names nothing Apps Script lacks outside typeof guards, and every service member is in the scope table', () => {
    expect(reviewBundle(references, defaults).problems).toEqual([]);
    const unguarded = references.filter(
      (reference) =>
        ['URL', 'TextEncoder', 'setTimeout', 'Buffer', 'process', 'File', 'atob', 'btoa', 'require'].includes(reference.name) && !reference.guarded,
    );
    expect(unguarded).toEqual([]);
  });

  it('declares exactly the scopes the used members need, the narrowest that work', () => {
    expect(checkManifest(manifest, references, defaults)).toEqual([]);
    expect([...manifest.oauthScopes].sort()).toEqual(
      ['script.container.ui', 'script.external_request', 'script.scriptapp', 'script.send_mail', 'spreadsheets', 'userinfo.email'].map((scope) => AUTH + scope),
    );
    const needs = reviewBundle(references, defaults).scopes;
    expect(needs.find((need) => need.scope === `${AUTH}userinfo.email`)?.uses).toEqual(expect.arrayContaining(['Session.getActiveUser']));
    expect(needs.find((need) => need.scope === `${AUTH}spreadsheets`)?.uses).toEqual(
      expect.arrayContaining(['SpreadsheetApp.create', 'SpreadsheetApp.openById']),
    );
  });

  it('fails a manifest missing a used scope or declaring an unused one', () => {
    const withoutMail = { ...manifest, oauthScopes: manifest.oauthScopes.filter((scope) => !scope.endsWith('send_mail')) };
    expect(checkManifest(withoutMail, references, defaults)).toEqual([expect.stringMatching(/Falta o escopo .*script\.send_mail.*MailApp\.sendEmail/)]);
    const withDrive = { ...manifest, oauthScopes: [...manifest.oauthScopes, `${AUTH}drive`] };
    expect(checkManifest(withDrive, references, defaults)).toEqual([expect.stringMatching(/drive está no manifesto, mas nada no código o usa/)]);
  });

  it('allowlists every host the code fetches (Cademi, its v3 default host and the Slack webhook), and only those', () => {
    expect(manifest.urlFetchWhitelist).toEqual(FETCH_TARGETS.map((target) => target.prefix));
    expect(manifest.urlFetchWhitelist).toContain('https://hooks.slack.com/');
    // An empty `URL da API` with a v3 key goes to Cademi's default v3 base: its host is named on its own.
    expect(V3_CONTRACT.defaultBaseUrl.startsWith('https://api.cademi.com.br/')).toBe(true);
    expect(manifest.urlFetchWhitelist).toContain('https://api.cademi.com.br/');
    expect(FETCH_TARGETS.find((target) => target.prefix === 'https://api.cademi.com.br/')?.reason).toMatch(/API v3/);
    const withoutSlack = { ...manifest, urlFetchWhitelist: manifest.urlFetchWhitelist.filter((prefix) => prefix !== 'https://hooks.slack.com/') };
    expect(checkManifest(withoutSlack, references, defaults)).toEqual([expect.stringMatching(/Falta https:\/\/hooks\.slack\.com\/ em urlFetchWhitelist/)]);
    const withoutV3 = { ...manifest, urlFetchWhitelist: ['https://*.cademi.com.br/', 'https://hooks.slack.com/'] };
    expect(checkManifest(withoutV3, references, defaults)).toEqual([expect.stringMatching(/Falta https:\/\/api\.cademi\.com\.br\/ em urlFetchWhitelist/)]);
    const school = parseDeployOptions(JSON.stringify({ extraFetchPrefixes: ['https://api.minhaescola.com.br/'] }));
    expect(buildManifest(reviewBundle(references, school), school).urlFetchWhitelist).toContain('https://api.minhaescola.com.br/');
  });

  it('keeps the README scope table true to the scope table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // The header row's cells are padded to the column widths (the tree's Markdown is formatted).
    const table = readme.slice(readme.search(/^\| scope +\| what in the code needs it +\| why +\|$/m));
    const rows = table
      .slice(0, table.indexOf('\n\n'))
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const listed = rows.map((row) => /^\| `([^`]+)`/.exec(row)![1]);
    const needs = reviewBundle(references, defaults).scopes;
    expect(listed.filter((scope) => scope !== 'bigquery').sort()).toEqual(needs.map((need) => shortScope(need.scope)).sort());
    for (const need of needs) {
      const row = rows.find((line) => line.startsWith(`| \`${shortScope(need.scope)}\``))!;
      for (const use of need.uses) expect(row).toContain(use);
    }
    expect(listed).toContain('bigquery');
  });
});

describe('bundle analysis', () => {
  const review = (code: string) => reviewBundle(analyzeBundle(code), defaults).problems;

  it('refuses globals Apps Script lacks, unless a typeof check guards them', () => {
    expect(review('function f(){ return new URL("https://x/"); }')).toEqual([expect.stringMatching(/^URL \(Code\.js:1:\d+\) não existe no Apps Script/)]);
    expect(review('function f(){ setTimeout(g, 1); } function g(){}')).toEqual([expect.stringMatching(/^setTimeout/)]);
    expect(review('function f(u){ return typeof URL !== "undefined" ? new URL(u) : null; }')).toEqual([]);
    expect(review('function f(u){ if (typeof TextEncoder === "undefined") throw new Error("x"); return new TextEncoder().encode(u); }')).toEqual([]);
    expect(review('var s = "setTimeout(URL)"; // Buffer.from\nfunction f(URL){ return URL; }')).toEqual([]);
  });

  it('refuses a service member the table does not know, and a service passed around as a value', () => {
    expect(review('function f(){ return SpreadsheetApp.getActive(); }')).toEqual([
      expect.stringMatching(/SpreadsheetApp\.getActive .*não está na tabela de escopos/),
    ]);
    expect(review('function f(){ var app = SpreadsheetApp; return app.openById("x"); }')).toEqual([expect.stringMatching(/SpreadsheetApp é usado como valor/)]);
    expect(review('function f(){ return PropertiesService.getUserProperties(); }')).toEqual([]);
  });

  it('asks for an advanced service only when its option is on', () => {
    const code = 'function f(){ if (typeof BigQuery === "undefined") throw new Error("x"); return BigQuery.Jobs; }';
    expect(reviewBundle(analyzeBundle(code), defaults)).toMatchObject({ problems: [], scopes: [] });
    const on = reviewBundle(analyzeBundle(code), parseDeployOptions('{"bigquery": true}'));
    expect(on.scopes.map((need) => need.scope)).toEqual([`${AUTH}bigquery`]);
    expect(buildManifest(on, defaults).dependencies?.enabledAdvancedServices).toEqual([{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }]);
    expect(reviewBundle(analyzeBundle('function f(){ return BigQuery.Jobs; }'), defaults).problems).toEqual([
      expect.stringMatching(/serviço avançado usado sem verificação typeof/),
    ]);
  });
});

describe('deploy.config.json', () => {
  it('is validated with a message that says what to fix', () => {
    expect(parseDeployOptions('{"bigquery": true}', { CADEMI_ADDON: '1' })).toEqual({ addon: true, bigquery: true, extraFetchPrefixes: [] });
    expect(() => parseDeployOptions('{"bigqeury": true}')).toThrow(DeployConfigError);
    expect(() => parseDeployOptions('{"extraFetchPrefixes": ["http://api.escola.com.br/"]}')).toThrow(/precisa começar com https/);
    expect(() => parseDeployOptions('{"extraFetchPrefixes": ["https://api.escola.com.br"]}')).toThrow(/caminho/);
    expect(() => parseDeployOptions('{')).toThrow(/não é um JSON válido/);
  });
});
