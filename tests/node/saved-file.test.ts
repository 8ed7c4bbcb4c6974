// Issue 11, class 8: the saved file is the same file. It keeps its mode (and, as root, its owner);
// links are written through (chains, relative and absolute links, a link whose target does not exist
// yet); the companions (preview, archive) are never more readable than the workbook; a read-only file
// or folder is refused before any API call, never replaced by a rename; no temp file is left behind.

import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SHEET } from '../../src/core/sheets';
import { ArchiveWorkbook } from '../../src/node/archive-workbook';
import { writeFileAtomically } from '../../src/node/atomic-file';
import { UsageError } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { type SimulatorServer, startSimulatorServer } from '../../src/simulator/server';
import { cli, cohortOptions, initWorkbook, readHistory, SIMULATOR_TOKEN, useTempDir } from './support/cli-harness';

const RUN_DATE = '2026-09-14';
const T7 = ['--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13'];

const dir = useTempDir('cademi-saved-');
const temps = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));
const modeOf = (path: string) => statSync(path).mode & 0o777;
/** A workbook with one cohort (synced with the embedded simulator). */
const newWorkbook = (path: string) => initWorkbook(path, T7);
const sync = (file: string, env: Record<string, string> = {}) => cli(['sync', file, '--date', RUN_DATE], env);

describe('the workbook keeps its mode', () => {
  it.each([0o600, 0o640].map((mode) => [mode.toString(8), mode] as const))(
    'a 0%s workbook keeps it through a sync and a cohort add, and its new preview is no more readable',
    async (_, mode) => {
      const file = await newWorkbook(join(dir(), 'escola.xlsx'));
      chmodSync(file, mode);
      expect((await sync(file)).code).toBe(0);
      expect(modeOf(file)).toBe(mode);
      const preview = modeOf(join(dir(), 'escola.html'));
      expect(preview & ~mode).toBe(0);
      expect(preview & 0o600).toBe(0o600); // its owner can still read and rewrite it
      expect((await cli(['cohort', 'add', file, '--name', 'Outra', '--tag', '9005', '--start', '2026-07-06', '--products', '11'])).code).toBe(0);
      expect(modeOf(file)).toBe(mode);
    },
  );

  it('a new archive beside a private workbook is private too', async () => {
    const main = join(dir(), 'escola.xlsx');
    writeFileSync(main, 'x');
    chmodSync(main, 0o600);
    const archive = ArchiveWorkbook.beside(main);
    archive.append('Histórico 2026-01-05 a 2026-06-29', [['Semana'], ['2026-01-05']]);
    await archive.save();
    expect(modeOf(archive.path)).toBe(0o600);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('run as root, a workbook owned by someone else keeps its owner and group (only root can make such a file)', async () => {
    const file = await newWorkbook(join(dir(), 'escola.xlsx'));
    chownSync(file, 4321, 4321);
    chmodSync(file, 0o640);
    expect((await sync(file)).code).toBe(0);
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([4321, 4321, 0o640]);
  });
});

describe('links are written through', () => {
  it('a chain of relative links into another folder, and an absolute link: every link stays, the final target gets the week and keeps 0600', async () => {
    mkdirSync(join(dir(), 'dados', 'fundo'), { recursive: true });
    const target = await newWorkbook(join(dir(), 'dados', 'fundo', 'real.xlsx'));
    chmodSync(target, 0o600);
    symlinkSync(join('fundo', 'real.xlsx'), join(dir(), 'dados', 'meio.xlsx'));
    const link = join(dir(), 'escola.xlsx');
    symlinkSync(join('dados', 'meio.xlsx'), link);

    expect((await sync(link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('dados', 'meio.xlsx'));
    expect(lstatSync(join(dir(), 'dados', 'meio.xlsx')).isSymbolicLink()).toBe(true);
    expect(modeOf(target)).toBe(0o600);
    const rows = (await readHistory(target)).length;
    expect(rows).toBeGreaterThan(1);
    // The preview is beside the name the person typed, and no more readable than the workbook.
    expect(modeOf(join(dir(), 'escola.html'))).toBe(0o600);

    const absolute = join(dir(), 'atalho.xlsx');
    symlinkSync(target, absolute);
    expect((await cli(['sync', absolute, '--date', '2026-09-21'])).code).toBe(0);
    expect(lstatSync(absolute).isSymbolicLink()).toBe(true);
    expect(readlinkSync(absolute)).toBe(target);
    expect((await readHistory(target)).length).toBeGreaterThan(rows);
    expect(modeOf(target)).toBe(0o600);
    // The temp files were written beside the target, and none is left anywhere.
    for (const folder of [dir(), join(dir(), 'dados'), join(dir(), 'dados', 'fundo')]) expect(temps(folder)).toEqual([]);
  });

  it('init through a link whose target does not exist yet creates the target and keeps the link', async () => {
    mkdirSync(join(dir(), 'dados'));
    const link = join(dir(), 'escola.xlsx');
    symlinkSync(join('dados', 'nova.xlsx'), link);
    expect((await cli(['init', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir(), 'dados', 'nova.xlsx'))).toBe(true);
    expect((await XlsxWorkbook.load(link)).sheetNames()).toContain(SHEET.settings);
  });
});

describe('hard links stay one file', () => {
  it('a workbook with a second name: the sync writes in place, both names see the week, same inode, mode kept, no temp left', async () => {
    const file = await newWorkbook(join(dir(), 'escola.xlsx'));
    chmodSync(file, 0o640);
    const other = join(dir(), 'copia-da-coordenacao.xlsx');
    linkSync(file, other);
    const inode = statSync(file).ino;
    expect((await sync(file)).code).toBe(0);
    expect(statSync(file).ino).toBe(inode);
    expect(statSync(other).ino).toBe(inode);
    expect(statSync(file).nlink).toBe(2);
    expect(modeOf(file)).toBe(0o640);
    const rows = await readHistory(other);
    expect(rows.length).toBeGreaterThan(1);
    expect(await readHistory(file)).toEqual(rows);
    expect(temps(dir())).toEqual([]);
  });

  it('the in-place write replaces the whole content (a shorter file leaves no tail of the longer one)', () => {
    const file = join(dir(), 'dados.txt');
    writeFileSync(file, 'x'.repeat(1000));
    linkSync(file, join(dir(), 'outro.txt'));
    writeFileAtomically(file, 'curto');
    expect(readFileSync(join(dir(), 'outro.txt'), 'utf8')).toBe('curto');
    expect(temps(dir())).toEqual([]);
  });
});

describe('what a run cannot rewrite refuses it before it starts: no API call, nothing changed', () => {
  let api: SimulatorServer;
  beforeAll(async () => {
    api = await startSimulatorServer({ port: 0, studentCount: 4 });
  });
  afterAll(() => api.close());
  const schoolWorkbook = (path: string) => initWorkbook(path, cohortOptions(api.simulator.school.cohorts[0]));

  /** A sync of `path` refused up front: exit 2 saying `what` is read-only, no API call, `file` byte-identical. */
  async function expectRefused(path: string, file: string, what: string): Promise<void> {
    const before = readFileSync(file);
    const requests = api.simulator.stats.requests;
    const run = await sync(path, { CADEMI_BASE_URL: api.url, CADEMI_TOKEN: SIMULATOR_TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/somente leitura/);
    expect(run.stderr).toContain(what);
    expect(api.simulator.stats.requests).toBe(requests);
    expect(readFileSync(file).equals(before)).toBe(true);
  }

  it.each([0o444, 0o400, 0o555].map((mode) => [mode.toString(8), mode] as const))(
    'a read-only (0%s) workbook, for a sync and for a cohort add, with a message',
    async (_, mode) => {
      const file = await schoolWorkbook(join(dir(), 'escola.xlsx'));
      const before = readFileSync(file);
      chmodSync(file, mode);
      await expectRefused(file, file, 'escola.xlsx');
      const add = await cli(['cohort', 'add', file, '--name', 'Outra', '--tag', '9005', '--start', '2026-07-06', '--products', '11']);
      expect(add.code).toBe(2);
      expect(add.stderr).toMatch(/somente leitura/);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(modeOf(file)).toBe(mode);
    },
  );

  it('a read-only preview or archive, named in the message', async () => {
    const file = await schoolWorkbook(join(dir(), 'escola.xlsx'));
    for (const companion of ['escola.html', 'escola-arquivo.xlsx']) {
      const path = join(dir(), companion);
      writeFileSync(path, 'x');
      chmodSync(path, 0o444);
      await expectRefused(file, file, companion);
      rmSync(path);
    }
  });

  it('the archive of a linked workbook lives beside its target: a read-only one there refuses the run', async () => {
    mkdirSync(join(dir(), 'dados'));
    const target = await schoolWorkbook(join(dir(), 'dados', 'real.xlsx'));
    const link = join(dir(), 'escola.xlsx');
    symlinkSync(target, link);
    const archive = join(dir(), 'dados', 'real-arquivo.xlsx');
    writeFileSync(archive, 'x');
    chmodSync(archive, 0o444);
    await expectRefused(link, target, 'real-arquivo.xlsx');
  });

  it('a folder that cannot take the temp file, with a message naming it (mode bits, so root too)', async () => {
    const folder = join(dir(), 'trancada');
    mkdirSync(folder);
    const file = join(folder, 'escola.xlsx');
    expect((await cli(['init', file])).code).toBe(0);
    chmodSync(folder, 0o555);
    try {
      const run = await cli(['cohort', 'add', file, '--name', 'X', '--tag', '9001', '--start', '2026-07-06', '--products', '11']);
      if (process.getuid?.() === 0) {
        // Root writes in a 0555 folder: the command runs, and leaves no temp or lock behind.
        expect(run.code).toBe(0);
      } else {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/não é possível gravar na pasta/);
      }
      expect(readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

describe('the atomic write itself', () => {
  it('refuses to replace a read-only file (a rename would, whatever its mode), by its mode bits, so as root too', () => {
    const file = join(dir(), 'trancado.html');
    writeFileSync(file, 'antes');
    chmodSync(file, 0o444);
    expect(() => writeFileAtomically(file, 'depois')).toThrow(UsageError);
    expect(() => writeFileAtomically(file, 'depois')).toThrow(/somente leitura/);
    expect(readFileSync(file, 'utf8')).toBe('antes');
    expect(temps(dir())).toEqual([]);
  });

  it('an existing preview more readable than its private workbook is narrowed to the workbook', () => {
    const workbook = join(dir(), 'escola.xlsx');
    writeFileSync(workbook, 'x');
    chmodSync(workbook, 0o600);
    const preview = join(dir(), 'escola.html');
    writeFileSync(preview, 'velho');
    chmodSync(preview, 0o644);
    writeFileAtomically(preview, 'novo', { limitTo: workbook });
    expect(modeOf(preview)).toBe(0o600);
    expect(readFileSync(preview, 'utf8')).toBe('novo');
  });

  it('keeps every permission bit of the file, including group-only ones', () => {
    const file = join(dir(), 'grupo.xlsx');
    writeFileSync(file, 'x');
    chmodSync(file, 0o660);
    writeFileAtomically(file, 'y');
    expect(statSync(file).mode & 0o7777).toBe(0o660);
  });

  it('a temp file is created with the final mode even with an open umask, and a failed save leaves none', () => {
    const previous = process.umask(0);
    try {
      const privateFile = join(dir(), 'privado.txt');
      writeFileSync(privateFile, 'a', { mode: 0o600 });
      chmodSync(privateFile, 0o600);
      writeFileAtomically(privateFile, 'b');
      expect(modeOf(privateFile)).toBe(0o600);
      const beside = join(dir(), 'ao-lado.html');
      writeFileAtomically(beside, '<p>', { limitTo: privateFile });
      expect(modeOf(beside)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
    // A folder where a file should be: the rename fails, and the temp file is removed.
    const blocked = join(dir(), 'pasta.xlsx');
    mkdirSync(blocked);
    expect(() => writeFileAtomically(blocked, 'x')).toThrow();
    expect(temps(dir())).toEqual([]);
  });

  it("a temp file left by a killed save is swept by the next save under the lock; another workbook's is left alone", async () => {
    const file = await newWorkbook(join(dir(), 'escola.xlsx'));
    const orphan = join(dir(), '.escola.xlsx.0123456789ab.tmp');
    writeFileSync(orphan, 'meio arquivo');
    const unrelated = join(dir(), '.outra.xlsx.0123456789ab.tmp');
    writeFileSync(unrelated, 'de outra planilha');
    expect((await cli(['cohort', 'add', file, '--name', 'Limpa', '--tag', '9005', '--start', '2026-07-06', '--products', '11'])).code).toBe(0);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
  });
});
