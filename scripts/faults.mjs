// `npm run faults`: bundles tests/faults/cli.ts (esbuild, node, packages external, cjs) into
// build/faults.js and runs it. The Apps Script bundle is rebuilt first unless --no-build is given;
// the other arguments go to the suite (`npm run faults -- --api v3 --only 429`).
// `__dirname` is pinned per source file, so paths the test support computes from it stay right.

import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const pinDirname = {
  name: 'pin-dirname',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path))), loader: 'ts' };
    });
  },
};

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

await build({
  entryPoints: ['tests/faults/cli.ts'],
  bundle: true,
  platform: 'node',
  packages: 'external',
  format: 'cjs',
  target: 'node20',
  outfile: 'build/faults.js',
  logLevel: 'warning',
  plugins: [pinDirname],
});

const forwarded = process.argv.slice(2).filter((arg) => arg !== '--no-build');
const run = spawnSync(process.execPath, ['build/faults.js', ...forwarded], { stdio: 'inherit' });
process.exit(run.status ?? 1);
