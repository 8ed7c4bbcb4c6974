// Build: the Apps Script bundle (build/Code.js + appsscript.json) and the Node CLI (build/node/).
// Apps Script sees only top-level functions, so the IIFE bundle is followed by one delegating
// wrapper per export of src/gas/index.ts; the names come from esbuild's metafile, not a list.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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

async function buildAppsScript() {
  const names = await exportNames();
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
    define: { __ADDON_MODE__: process.env.CADEMI_ADDON === '1' ? 'true' : 'false' },
    outfile: 'build/Code.js',
    logLevel: 'warning',
    plugins: [forbidNodeModules],
  });
  const bundle = result.outputFiles[0].text;
  if (/\brequire\(/.test(bundle)) throw new Error('build/Code.js calls require(): a Node/CommonJS module slipped into the Apps Script bundle');
  const wrappers = names
    .map((name) => `function ${name}(...args) { return __app.${name}(...args); }`)
    .join('\n');
  mkdirSync('build', { recursive: true });
  writeFileSync('build/Code.js', `${bundle}\n// Entry points Apps Script lists and calls.\n${wrappers}\n`);
  copyFileSync('appsscript.json', 'build/appsscript.json');
  return names;
}

async function buildNode() {
  await build({
    entryPoints: { cli: 'src/node/cli.ts', ...(existsSync('bench/index.ts') ? { bench: 'bench/index.ts' } : {}) },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outdir: 'build/node',
    logLevel: 'warning',
  });
}

const names = existsSync(gasEntry) ? await buildAppsScript() : [];
await buildNode();
await (await import('./build-sidebar.mjs')).buildSidebar();
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
if (!process.env.npm_config_silent) {
  console.log(`build ${version}: build/Code.js (${names.length} entry points: ${names.join(', ')}), build/Sidebar.html, build/node/cli.js`);
}
