// `npm run pictures` (scripts/pictures.mjs bundles and runs this): the README's two pictures,
// docs/pictures/resumo.png and docs/pictures/contatos-da-semana.png, from a fresh demo as LibreOffice
// shows it in pt-BR. `--out DIR` writes them elsewhere.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { REPORT_SHEET } from '../../src/core/identity/sheet-names';
import { buildDemo, README_PICTURES_DIR, ROOT, renderSheets } from './pictures';

async function main(argv: readonly string[]): Promise<void> {
  const at = argv.indexOf('--out');
  const outDir = at >= 0 && argv[at + 1] ? resolve(argv[at + 1] as string) : README_PICTURES_DIR;
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'cademi-pictures-demo-'));
  try {
    const demo = await buildDemo(dir);
    const pictures = await renderSheets(demo.xlsx, [REPORT_SHEET.contacts, REPORT_SHEET.overview], outDir);
    for (const picture of pictures) console.log(`${picture.sheet}: ${relative(ROOT, picture.file) || picture.file}`);
    console.log(`pictures: ${pictures.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
