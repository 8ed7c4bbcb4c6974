// Issue 11, class 8: the saved file is the same file. Links are written through (chains, relative
// links, a link whose target does not exist yet), the companions of a linked workbook live beside its
// target and are never more readable than it, and a read-only file is never replaced by a rename.

import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { UsageError } from '../../src/node/cli-io';
import { writeFileAtomically } from '../../src/node/atomic-file';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { SHEET } from '../../src/core/sheets';

const ROOT = join(__dirname, '../..');
const RUN_DATE = '2026-09-14';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {}, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cademi-saved-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const addCohort = (file: string) => cli(['cohort', 'add', file, '--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13']);
const temps = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('links are written through', () => {
  it('a chain of relative links into another folder: every link stays, the final target gets the week and keeps 0600', async () => {
    mkdirSync(join(dir, 'dados', 'fundo'), { recursive: true });
    const target = join(dir, 'dados', 'fundo', 'real.xlsx');
    expect((await cli(['init', target])).code).toBe(0);
    expect((await addCohort(target)).code).toBe(0);
    chmodSync(target, 0o600);
    symlinkSync(join('fundo', 'real.xlsx'), join(dir, 'dados', 'meio.xlsx'));
    const link = join(dir, 'escola.xlsx');
    symlinkSync(join('dados', 'meio.xlsx'), link);

    const run = await cli(['sync', link, '--date', RUN_DATE]);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('dados', 'meio.xlsx'));
    expect(lstatSync(join(dir, 'dados', 'meio.xlsx')).isSymbolicLink()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(((await XlsxWorkbook.load(target)).readSheet(SHEET.history) ?? []).length).toBeGreaterThan(1);
    // The preview is beside the name the person typed, and no more readable than the workbook.
    expect(statSync(join(dir, 'escola.html')).mode & 0o777).toBe(0o600);
    for (const folder of [dir, join(dir, 'dados'), join(dir, 'dados', 'fundo')]) expect(temps(folder)).toEqual([]);
  });

  it('init through a link whose target does not exist yet creates the target and keeps the link', async () => {
    mkdirSync(join(dir, 'dados'));
    const link = join(dir, 'escola.xlsx');
    symlinkSync(join('dados', 'nova.xlsx'), link);
    expect((await cli(['init', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'dados', 'nova.xlsx'))).toBe(true);
    expect((await XlsxWorkbook.load(link)).sheetNames()).toContain(SHEET.settings);
  });

  it('the archive of a linked workbook lives beside its target: a read-only one there refuses the run before it starts', async () => {
    mkdirSync(join(dir, 'dados'));
    const target = join(dir, 'dados', 'real.xlsx');
    expect((await cli(['init', target])).code).toBe(0);
    expect((await addCohort(target)).code).toBe(0);
    const link = join(dir, 'escola.xlsx');
    symlinkSync(target, link);
    const archive = join(dir, 'dados', 'real-arquivo.xlsx');
    writeFileSync(archive, 'x');
    chmodSync(archive, 0o444);
    const before = readFileSync(target);
    const run = await cli(['sync', link, '--date', RUN_DATE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('real-arquivo.xlsx');
    expect(run.stderr).toMatch(/somente leitura/);
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});

describe('the atomic write itself', () => {
  it('refuses to replace a read-only file (a rename would, whatever its mode), by its mode bits, so as root too', () => {
    const file = join(dir, 'trancado.html');
    writeFileSync(file, 'antes');
    chmodSync(file, 0o444);
    expect(() => writeFileAtomically(file, 'depois')).toThrow(UsageError);
    expect(() => writeFileAtomically(file, 'depois')).toThrow(/somente leitura/);
    expect(readFileSync(file, 'utf8')).toBe('antes');
    expect(temps(dir)).toEqual([]);
  });

  it('an existing preview more readable than its private workbook is narrowed to the workbook', () => {
    const workbook = join(dir, 'escola.xlsx');
    writeFileSync(workbook, 'x');
    chmodSync(workbook, 0o600);
    const preview = join(dir, 'escola.html');
    writeFileSync(preview, 'velho');
    chmodSync(preview, 0o644);
    writeFileAtomically(preview, 'novo', { limitTo: workbook });
    expect(statSync(preview).mode & 0o777).toBe(0o600);
    expect(readFileSync(preview, 'utf8')).toBe('novo');
  });

  it('keeps every permission bit of the file, including group-only ones', () => {
    const file = join(dir, 'grupo.xlsx');
    writeFileSync(file, 'x');
    chmodSync(file, 0o660);
    writeFileAtomically(file, 'y');
    expect(statSync(file).mode & 0o7777).toBe(0o660);
  });
});
