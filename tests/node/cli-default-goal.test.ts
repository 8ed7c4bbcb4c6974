// Issue 13, part 8 in the CLI: `cohort add` without --goal takes the school's default track and says
// so; without a default it says the cohort has no goal and why; the next sync flags a goal-less
// cohort at its `Meta` cell in `Turmas`.

import { join } from 'node:path';
import { COHORT_WITHOUT_GOAL } from '../../src/core/messages/config';
import { COHORT_HEADERS, SHEET } from '../../src/core/sheets';
import type { Cell } from '../../src/core/workbook/workbook';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { cli, useTempDir } from './support/cli-harness';

const COHORT = ['--name', 'Turma 2026-09', '--tag', '101', '--start', '01/09/2026', '--products', '11,12'];
const META = COHORT_HEADERS.indexOf('Meta');

/** A workbook from `init`, then `edit` applied to it as a coordinator would type. */
async function school(dir: string, edit: (workbook: XlsxWorkbook) => void = () => {}, name = 'escola.xlsx'): Promise<string> {
  const file = join(dir, name);
  expect((await cli(['init', file])).code).toBe(0);
  const workbook = await XlsxWorkbook.load(file);
  edit(workbook);
  await workbook.save(file);
  return file;
}

function setDefaultGoal(workbook: XlsxWorkbook, value: Cell): void {
  const rows = workbook.readSheet(SHEET.settings)!;
  const row = rows.findIndex((cells) => cells[0] === 'Meta padrão');
  expect(row).toBeGreaterThan(0);
  workbook.updateRows(SHEET.settings, row, [['Meta padrão', value]]);
}

const goalOf = async (file: string) => (await XlsxWorkbook.load(file)).readSheet(SHEET.cohorts)![1]![META];

describe('cohort add and the default goal', () => {
  const dir = useTempDir('cademi-goal-');

  it("without --goal takes Padrão, init's track, and says it is the school's default", async () => {
    const file = await school(dir());
    const run = await cli(['cohort', 'add', file, ...COHORT]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\nMeta: Padrão \(padrão da escola; outra com --goal\)\.\n$/);
    expect(await goalOf(file)).toBe('Padrão');
  });

  it('takes the track `Meta padrão` names, and an explicit --goal over it (said without "padrão")', async () => {
    const file = await school(dir(), (workbook) => {
      setDefaultGoal(workbook, 'Rápida');
      workbook.replaceRowsFrom(SHEET.goals, workbook.readSheet(SHEET.goals)!.length, [['Rápida', 10, 100]]);
    });
    expect((await cli(['cohort', 'add', file, ...COHORT])).stdout).toMatch(/\nMeta: Rápida \(padrão da escola; outra com --goal\)\.\n$/);
    const explicit = await cli(['cohort', 'add', file, '--name', 'Outra', '--tag', '102', '--start', '01/09/2026', '--products', '11', '--goal', 'Padrão']);
    expect(explicit.stdout).toMatch(/\nMeta: Padrão\.\n$/);
    const goals = (await XlsxWorkbook.load(file))
      .readSheet(SHEET.cohorts)!
      .slice(1)
      .map((row) => row[META]);
    expect(goals).toEqual(['Rápida', 'Padrão']);
  });

  it('with no default (Metas without Padrão) adds the cohort without a goal and says why, then the sync flags its Meta cell', async () => {
    const file = await school(dir(), (workbook) => {
      const goals = workbook.readSheet(SHEET.goals)!;
      workbook.writeSheet(SHEET.goals, { rows: [goals[0]!, ...goals.slice(1).map((row) => ['Longa', ...row.slice(1)])] });
    });
    const run = await cli(['cohort', 'add', file, ...COHORT]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'aviso: a turma ficou sem meta (a Meta padrão "Padrão" da aba Configuração não existe na aba Metas): sem ritmo esperado, os alunos ficam "Sem meta" e ninguém é marcado por estar abaixo do esperado. Escolha uma trilha da aba Metas com cohort edit --goal.\n',
    );
    expect(await goalOf(file)).toBe('');

    const sync = await cli(['sync', file, '--date', '14/09/2026']);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toContain(`aviso: Turmas, linha 2, coluna Meta: ${COHORT_WITHOUT_GOAL}`);
    const notes = (await XlsxWorkbook.load(file)).notes(SHEET.cohorts);
    expect(notes).toContainEqual({ row: 1, column: META, message: COHORT_WITHOUT_GOAL });
    // The setting naming a track Metas lacks is flagged at its cell too.
    expect((await XlsxWorkbook.load(file)).notes(SHEET.settings)).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^Meta padrão: "Padrão" não existe na aba Metas/) }),
    );
  });

  it('an emptied `Meta padrão` and --goal "" both add a cohort without a goal, each said as such', async () => {
    const file = await school(dir(), (workbook) => setDefaultGoal(workbook, ''));
    const emptied = await cli(['cohort', 'add', file, ...COHORT]);
    expect(emptied.stderr).toMatch(/^aviso: a turma ficou sem meta \(a Meta padrão da aba Configuração está vazia\): /);
    const other = await school(dir(), () => {}, 'outra.xlsx');
    const none = await cli(['cohort', 'add', other, '--name', 'Sem', '--tag', '109', '--start', '01/09/2026', '--products', '11', '--goal', '']);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/^aviso: a turma ficou sem meta: sem ritmo esperado/);
  });
});
