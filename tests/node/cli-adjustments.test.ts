// The CLI mirrors the sidebar: cohort edit/archive, student move/dropout, and the next sync applies them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { AUGUST_COHORT, cli as cliAs, initWorkbook, JULY_COHORT, readHistory, syncWeeks, useTempDir } from './support/cli-harness';

/** Every command as the coordinator `coord` (the author the Ajustes sheet records). */
const cli = (args: string[]) => cliAs(args, { USER: 'coord' });

describe('cohort edit/archive and student move/dropout', () => {
  const dir = useTempDir('cademi-adj-', 'all');
  let file: string;
  beforeAll(async () => {
    file = await initWorkbook(join(dir(), 'escola.xlsx'), JULY_COHORT, AUGUST_COHORT);
    await syncWeeks(file, '2026-09-14');
  });

  const history = async () => (await readHistory(file)).slice(1);

  it('moves a student from a week on and records a dropout; the next week applies both, the old week stays', async () => {
    const week1 = await history();
    const [mover, leaver] = [...new Set(week1.filter((row) => row[1] === 'Turma 2026-07' && row[11] !== 'Desistente').map((row) => Number(row[2])))];
    expect((await cli(['student', 'move', file, String(mover), '--to', 'Turma 2026-08', '--from-week', '2026-09-21', '--reason', 'trocou'])).code).toBe(0);
    expect((await cli(['student', 'dropout', file, String(leaver), '--date', '2026-09-18', '--reason', 'cancelou'])).code).toBe(0);
    const ajustes = (await XlsxWorkbook.load(file)).readSheet(SHEET.adjustments)!;
    expect(ajustes.slice(1).map((row) => [row[1], row[3], row[4], row[5], row[7]])).toEqual([
      [mover, 'Mover', 'Turma 2026-07', 'Turma 2026-08', 'coord'],
      [leaver, 'Desistência', 'Turma 2026-07', '', 'coord'],
    ]);
    expect((await cli(['sync', file, '--date', '2026-09-21'])).code).toBe(0);
    const rows = await history();
    const byWeek = (week: number, id: number) => rows.filter((row) => row[0] === week && row[2] === id);
    const [w1, w2] = [...new Set(rows.map((row) => Number(row[0])))].sort();
    expect(byWeek(w1, mover).map((row) => row[1])).toEqual(['Turma 2026-07', 'Turma 2026-07', 'Turma 2026-07']);
    expect(byWeek(w2, mover).map((row) => row[1])).toEqual(['Turma 2026-08', 'Turma 2026-08', 'Turma 2026-08']);
    expect(byWeek(w2, leaver).map((row) => row[11])).toEqual(['Desistente', 'Desistente', 'Desistente']);
  });

  it('edits and archives a cohort, refusing an invalid edit without touching the file', async () => {
    const before = readFileSync(file);
    const bad = await cli(['cohort', 'edit', file, 'Turma 2026-08', '--tag', '101']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^erro: --tag: a tag 101 já é da turma ativa "Turma 2026-07"/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await cli(['cohort', 'edit', file, 'Turma 2026-08', '--tutor', 'bia@escola.com'])).code).toBe(0);
    expect((await cli(['cohort', 'archive', file, 'Turma 2026-07'])).code).toBe(0);
    const list = (await cli(['cohort', 'list', file])).stdout;
    expect(list).toMatch(/Turma 2026-08\ttag 102.*tutor bia@escola.com\tativa/);
    expect(list).toMatch(/Turma 2026-07\ttag 101.*arquivada/);
    expect((await cli(['student', 'move', file, '1', '--to', 'Turma 2026-07', '--from-week', '2026-09-28'])).code).toBe(2);
  });
});
