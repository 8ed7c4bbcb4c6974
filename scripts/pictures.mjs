// `npm run pictures`: regenerates the README's pictures (docs/pictures/contatos-da-semana.png and
// resumo.png) from a fresh demo, as LibreOffice shows it in pt-BR. Bundles tests/render/pictures-cli.ts
// (esbuild, node, packages external, cjs) into build/pictures.js and runs it, after `npm run build`
// unless --no-build is given; other arguments (--out DIR) go to it. Needs soffice and pdftoppm
// (Debian: libreoffice-calc-nogui, poppler-utils). The render test (tests/render) makes every picture,
// in out/pictures/.

import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// `__dirname` is pinned per source file, so the paths pictures.ts computes from it stay right.
const pinDirname = {
  name: 'pin-dirname',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path))), loader: 'ts' };
    });
  },
};

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

await build({
  entryPoints: ['tests/render/pictures-cli.ts'],
  bundle: true,
  platform: 'node',
  packages: 'external',
  format: 'cjs',
  target: 'node20',
  outfile: 'build/pictures.js',
  logLevel: 'warning',
  plugins: [pinDirname],
});

const run = spawnSync(process.execPath, ['build/pictures.js', ...args.filter((arg) => arg !== '--no-build')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
