// Build: the coordinator sidebar as one self-contained file, build/Sidebar.html. HtmlService cannot
// serve separate files, so the bundled script (IIFE, es2020) and the CSS are inlined into the
// template src/ui/sidebar.html. Runnable alone (`node scripts/build-sidebar.mjs`) or from build.mjs.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT_SLOT = '/*@inline sidebar.js*/';
const STYLE_SLOT = '/*@inline sidebar.css*/';

/** Puts `content` where `slot` is, failing when the template lost its slot (no `$&` surprises: a function replacer). */
function inline(template, slot, content) {
  if (!template.includes(slot)) throw new Error(`src/ui/sidebar.html has no ${slot} slot`);
  return template.replace(slot, () => content);
}

/** Fails when the page would reach the network: the sidebar must work from its one file. */
function assertSelfContained(html) {
  const external = /(?:\bsrc|\bhref)\s*=\s*["']?\s*(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import/i.exec(html);
  if (external) throw new Error(`build/Sidebar.html references an external resource near "${html.slice(external.index, external.index + 60)}"`);
}

/**
 * Bundles src/ui/sidebar.ts and inlines it and src/ui/sidebar.css into src/ui/sidebar.html,
 * writing build/Sidebar.html. Returns the output path and size.
 */
export async function buildSidebar(root = projectRoot) {
  const script = await build({
    entryPoints: [join(root, 'src/ui/sidebar.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const css = await transform(readFileSync(join(root, 'src/ui/sidebar.css'), 'utf8'), { loader: 'css', minify: true, target: 'chrome100' });
  // Inside <script>/<style>, "</script" or "</style" would end the element early.
  const js = script.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1');
  const style = css.code.trim().replace(/<\/(style)/gi, '<\\/$1');
  const template = readFileSync(join(root, 'src/ui/sidebar.html'), 'utf8');
  const html = inline(inline(template, STYLE_SLOT, style), SCRIPT_SLOT, js);
  assertSelfContained(html);
  const outfile = join(root, 'build/Sidebar.html');
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, html);
  return { outfile, bytes: Buffer.byteLength(html) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outfile, bytes } = await buildSidebar();
  console.log(`build sidebar: ${outfile.slice(projectRoot.length + 1)} (${(bytes / 1024).toFixed(1)} KiB)`);
}
