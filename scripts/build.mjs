// Build: the Apps Script project (build/: Code.js, Sidebar.html, appsscript.json — exactly what clasp
// pushes) and the Node CLI (dist/, which Apps Script must never see).
// Apps Script sees only top-level functions, so the IIFE bundle is followed by one delegating
// wrapper per export of src/gas/index.ts; the names come from esbuild's metafile, not a list.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { build } from 'esbuild';

const gasEntry = 'src/gas/index.ts';
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Fails the Apps Script build when a Node built-in module sneaks into the bundle. */
const forbidNodeModules = {
  name: 'forbid-node-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (nodeBuiltins.has(args.path) || args.path.startsWith('node:')) {
        return { errors: [{ text: `Node module "${args.path}" imported by ${args.importer}: Apps Script has no Node runtime` }] };
      }
      return undefined;
    });
  },
};

async function exportNames() {
  const result = await build({
    entryPoints: [gasEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    outfile: 'build/esm-probe.js',
    logLevel: 'silent',
    plugins: [forbidNodeModules],
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output.exports.filter((name) => name !== 'default').sort();
}

/** One esbuild pass of the Apps Script bundle; the defines carry the deploy options and the manifest's scopes. */
async function bundleAppsScript(options, manifestScopes) {
  const result = await build({
    entryPoints: [gasEntry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__app',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    // Smaller for the Apps Script editor, but names are kept so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    // Web globals libraries name but Apps Script lacks (File, atob, btoa) bind to our shims.
    inject: ['src/gas/runtime-shims.ts'],
    define: {
      __ADDON_MODE__: String(options.addon),
      __URL_FETCH_ALLOWLIST__: JSON.stringify(options.allowlist),
      __MANIFEST_SCOPES__: JSON.stringify(manifestScopes),
    },
    outfile: 'build/Code.js',
    logLevel: 'warning',
    plugins: [forbidNodeModules],
  });
  return result.outputFiles[0].text;
}

/**
 * build/Code.js and build/appsscript.json. The manifest is derived from the bundle (src/deploy): a
 * first pass finds what the code calls, the second carries the resulting scopes for the first-run
 * self-check. The build fails when the bundle names something Apps Script lacks or the scope table
 * does not know.
 */
async function buildAppsScript(deploy) {
  const names = await exportNames();
  const options = deploy.readDeployOptions(process.cwd());
  const allowlist = deploy.fetchAllowlist(options);
  const review = (code) => deploy.reviewBundle(deploy.analyzeBundle(code), options);
  const first = review(await bundleAppsScript({ ...options, allowlist }, []));
  if (first.problems.length > 0) throw new Error(`build/Code.js is not fit for Apps Script:\n- ${first.problems.join('\n- ')}`);
  const manifest = deploy.buildManifest(first, options);
  const bundle = await bundleAppsScript({ ...options, allowlist }, manifest.oauthScopes);
  const second = deploy.buildManifest(review(bundle), options);
  if (JSON.stringify(second) !== JSON.stringify(manifest)) throw new Error('build: the manifest changed between the two passes');
  if (/\brequire\(/.test(bundle)) throw new Error('build/Code.js calls require(): a Node/CommonJS module slipped into the Apps Script bundle');
  const wrappers = names.map((name) => `function ${name}(...args) { return __app.${name}(...args); }`).join('\n');
  mkdirSync('build', { recursive: true });
  writeFileSync('build/Code.js', `${bundle}\n// Entry points Apps Script lists and calls.\n${wrappers}\n`);
  writeFileSync('build/appsscript.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { names, manifest, options };
}

async function buildNode() {
  await build({
    entryPoints: { cli: 'src/node/cli.ts', deploy: 'src/deploy/index.ts', ...(existsSync('bench/index.ts') ? { bench: 'bench/index.ts' } : {}) },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outdir: 'dist',
    logLevel: 'warning',
  });
}

// The Node side first: the Apps Script build uses the deploy tooling it contains.
await buildNode();
// Paths are the working directory's, so a test can build a copy of the project with other options.
const deploy = createRequire(`${process.cwd()}/package.json`)('./dist/deploy.js');
const { names, manifest, options } = await buildAppsScript(deploy);
await (await import('./build-sidebar.mjs')).buildSidebar(process.cwd());
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
if (!process.env.npm_config_silent) {
  const optional = [options.addon ? 'add-on' : 'bound', ...(options.bigquery ? ['BigQuery'] : [])].join(', ');
  console.log(
    `build ${version} (${optional}): build/Code.js (${names.length} entry points: ${names.join(', ')}), build/Sidebar.html, build/appsscript.json (${manifest.oauthScopes.length} scopes), dist/cli.js`,
  );
}
