// Prints a digest of the demo's Histórico (rows and their values), for checking that a refactor
// changed no behaviour: run it before and after, and compare. The demo is seeded and starts on a
// fixed week, so the digest depends only on the code.
//   node scripts/demo-digest.mjs [--weeks N]

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const weeks = process.argv.includes('--weeks') ? process.argv[process.argv.indexOf('--weeks') + 1] : '12';
const dir = mkdtempSync(join(tmpdir(), 'cademi-digest-'));
try {
  const out = join(dir, 'demo.xlsx');
  execFileSync(process.execPath, ['dist/cli.js', 'demo', '--out', out, '--weeks', weeks], { stdio: 'ignore' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.getWorksheet('Histórico');
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(JSON.stringify(row.values)));
  const digest = createHash('sha256').update(rows.join('\n')).digest('hex');
  console.log(`Histórico: ${rows.length} rows, sha256 ${digest}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
