// Identities over whole weeks: a renamed or deleted `Histórico`, and cohorts renamed (typed into
// `Turmas`, or through the sidebar/CLI's saveCohort), swapped, or renamed onto another's past.

import { appendAdjustment } from '../../../src/core/adjustments/adjustments-sheet';
import { saveCohort } from '../../../src/core/config/cohort-editing';
import { loadConfig } from '../../../src/core/config/load-config';
import { chartSheetName, pivotSheetName } from '../../../src/core/identity/sheet-names';
import { ConfigError } from '../../../src/core/model/issues';
import { PIVOT_HEADER_ROW } from '../../../src/core/report/pivot';
import { readHistoryRows, writeReports } from '../../../src/core/report/report-sheets';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';
import { runWeek } from '../../../src/node/sync-runner';
import { createSchool } from '../../../src/simulator';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const STUDENTS = 60;
const school = createSchool({ studentCount: STUDENTS });
const [A, B] = school.cohorts;

async function week(workbook: MemoryWorkbook, date: string) {
  const now = mondayRun(date);
  return runWeek(workbook, testApi(now, { studentCount: STUDENTS }), { now, trigger: 'CLI' });
}

function historyRows(workbook: MemoryWorkbook) {
  return readHistoryRows(workbook.readSheet(SHEET.history), 'America/Sao_Paulo');
}

function weeksOf(workbook: MemoryWorkbook, cohort: string): string[] {
  return [
    ...new Set(
      historyRows(workbook)
        .filter((row) => row.cohort === cohort)
        .map((row) => row.week),
    ),
  ].sort();
}

/** Pivot week columns (dd/mm) that hold at least one student's value. */
function filledWeekColumns(workbook: MemoryWorkbook, sheet: string): string[] {
  const [header, ...rows] = workbook.readSheet(sheet)!.slice(PIVOT_HEADER_ROW);
  return header.flatMap((cell, column) =>
    typeof cell === 'string' && /^\d\d\/\d\d$/.test(cell) && rows.some((row) => row[column] !== null && row[column] !== '') ? [cell] : [],
  );
}

function setCohortName(workbook: MemoryWorkbook, from: string, to: string): void {
  const values = workbook.readSheet(SHEET.cohorts)!;
  const row = values.findIndex((cells) => cells[0] === from);
  workbook.updateRows(SHEET.cohorts, row, [[to, ...values[row].slice(1)]]);
}

/** The same workbook as an earlier version left it: same sheets, no identities, no `_Identidade`. */
function withoutIdentities(workbook: MemoryWorkbook): MemoryWorkbook {
  const copy = new MemoryWorkbook();
  for (const name of workbook.sheetNames()) if (name !== SHEET.identity) copy.loadSheet(name, workbook.sheet(name)!);
  return copy;
}

describe('a renamed or missing Histórico', () => {
  it('is found again after a rename, named back, and the next week adds to every earlier week', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    await week(workbook, '2026-09-21');
    workbook.renameSheet(SHEET.history, 'Histórico 2026');
    const run = await week(workbook, '2026-09-28');
    expect(run.configIssues.map((issue) => issue.message).join('\n')).toMatch(/"Histórico 2026" é a aba "Histórico" do Progresso Cademi/);
    expect(workbook.sheetNames()).toContain(SHEET.history);
    expect(workbook.sheetNames()).not.toContain('Histórico 2026');
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
    expect(filledWeekColumns(workbook, pivotSheetName(A.name))).toEqual(expect.arrayContaining(['14/09', '21/09', '28/09']));
  });

  it('once deleted, stops the run with a message and writes nothing; an empty sheet of that name is a deliberate new start', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    workbook.deleteSheet(SHEET.history);
    // Everything but the job's own record (which may note that Execuções exists now).
    const contents = () =>
      JSON.stringify(
        workbook
          .sheetNames()
          .filter((name) => name !== SHEET.identity)
          .map((name) => [name, workbook.readSheet(name)]),
      );
    const before = contents();
    const failure = await week(workbook, '2026-09-21').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/a aba "Histórico", criada pelo Progresso Cademi, não existe mais/);
    expect(contents()).toBe(before);

    // A person adds an empty tab named Histórico (not through the job: it carries no identity).
    workbook.loadSheet(SHEET.history, { rows: [], columnFormats: [], frozenRows: 0, hidden: false, notes: [] });
    const run = await week(workbook, '2026-09-21');
    expect(run.configIssues.map((issue) => issue.message).join('\n')).toMatch(/passa a ser usada/);
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-21']);
  });

  it('in a workbook from before identities, is adopted by its name once, then followed across a rename', async () => {
    const earlier = schoolWorkbook(school, { cohorts: 2 });
    await week(earlier, '2026-09-14');
    const workbook = withoutIdentities(earlier);
    expect(workbook.sheetIdentities().size).toBe(0);
    await week(workbook, '2026-09-21');
    expect(workbook.sheetIdentities().get('historico')).toEqual([SHEET.history]);
    workbook.renameSheet(SHEET.history, 'Dados');
    await week(workbook, '2026-09-28');
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
  });

  it('renamed in a workbook from before identities, is found by its exact headers', async () => {
    const earlier = schoolWorkbook(school, { cohorts: 1 });
    await week(earlier, '2026-09-14');
    const workbook = withoutIdentities(earlier);
    workbook.renameSheet(SHEET.history, 'Meu histórico');
    const run = await week(workbook, '2026-09-21');
    expect(run.configIssues.map((issue) => issue.message).join('\n')).toMatch(/"Meu histórico" tem os cabeçalhos do Histórico/);
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-14', '2026-09-21']);
  });

  it('copied under another name does not split the history: the copy loses the identity', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 1 });
    await week(workbook, '2026-09-14');
    workbook.writeSheet('Cópia de Histórico', { rows: workbook.readSheet(SHEET.history)! });
    workbook.setSheetIdentity(SHEET.history, 'historico');
    (workbook as unknown as { identities: Map<string, string> }).identities.set('Cópia de Histórico', 'historico'); // what a duplicated tab may carry
    await week(workbook, '2026-09-21');
    expect(workbook.sheetIdentities().get('historico')).toEqual([SHEET.history]);
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-14', '2026-09-21']);
  });
});

describe('a renamed cohort keeps its past', () => {
  it('typed into Turmas: earlier weeks, moves and sheets follow the new name', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    const student = historyRows(workbook).find((row) => row.cohort === B.name)!;
    appendAdjustment(workbook, {
      date: '2026-09-21',
      studentId: student.studentId,
      name: student.name,
      action: 'Mover',
      from: B.name,
      to: A.name,
      reason: 'teste',
      by: 'ana',
    });
    await week(workbook, '2026-09-21');
    const ids = workbook
      .readSheet(SHEET.cohorts)!
      .slice(1)
      .map((row) => row[COHORT_HEADERS.length]);
    expect(ids.every((id) => typeof id === 'string' && /^t[0-9a-z]{7}$/.test(id))).toBe(true);
    const pivotKey = [...workbook.sheetIdentities()].find(([, names]) => names.includes(pivotSheetName(A.name)))![0];

    setCohortName(workbook, A.name, 'Turma Manhã');
    const run = await week(workbook, '2026-09-28');
    expect(run.configIssues.some((issue) => issue.sheet === SHEET.cohorts && /agora se chama "Turma Manhã"/.test(issue.message))).toBe(true);
    expect(weeksOf(workbook, A.name)).toEqual([]);
    expect(weeksOf(workbook, 'Turma Manhã')).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
    // The move into the cohort still applies: its target was renamed too.
    expect(workbook.readSheet(SHEET.adjustments)![1][5]).toBe('Turma Manhã');
    expect(historyRows(workbook).find((row) => row.week === '2026-09-28' && row.studentId === student.studentId)?.cohort).toBe('Turma Manhã');
    // The same sheets, renamed: nothing left under the old name, every week in the pivot, Resumo by the new name.
    expect(workbook.sheetIdentities().get(pivotKey)).toEqual([pivotSheetName('Turma Manhã')]);
    expect(workbook.sheetNames()).not.toContain(pivotSheetName(A.name));
    expect(workbook.sheetNames()).not.toContain(chartSheetName(A.name));
    expect(filledWeekColumns(workbook, pivotSheetName('Turma Manhã'))).toEqual(expect.arrayContaining(['14/09', '21/09', '28/09']));
    const overview = workbook.readSheet('Resumo')!.map((row) => row[0]);
    expect(overview).toContain('Turma Manhã');
    expect(overview).not.toContain(A.name);
  });

  it('through saveCohort (sidebar and CLI), on a workbook that never had IDs: followed at once, in the same save', async () => {
    const earlier = schoolWorkbook(school, { cohorts: 2 });
    await week(earlier, '2026-09-14');
    const workbook = withoutIdentities(earlier);
    workbook.writeSheet(SHEET.cohorts, { rows: earlier.readSheet(SHEET.cohorts)!.map((row) => row.slice(0, COHORT_HEADERS.length)) });
    const current = loadConfig(withoutIdentities(earlier)).cohorts.find((cohort) => cohort.name === A.name)!;
    const result = saveCohort(
      workbook,
      {
        name: 'Turma Noite',
        tagId: current.tagId,
        start: current.start,
        productIds: [...current.productIds],
        goalTrack: current.goalTrack,
        tutorEmail: current.tutorEmail,
      },
      A.name,
    );
    expect(result).toEqual({ ok: true });
    expect(weeksOf(workbook, 'Turma Noite')).toEqual(['2026-09-14']);
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining([pivotSheetName('Turma Noite'), chartSheetName('Turma Noite')]));
    expect(workbook.sheetNames()).not.toContain(pivotSheetName(A.name));
    await week(workbook, '2026-09-21');
    expect(filledWeekColumns(workbook, pivotSheetName('Turma Noite'))).toEqual(expect.arrayContaining(['14/09', '21/09']));
  });

  it('two cohorts that swap names swap their histories and sheets, each student staying with their cohort', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    const studentsOf = (name: string, weekKey: string) =>
      new Set(
        historyRows(workbook)
          .filter((row) => row.cohort === name && row.week === weekKey)
          .map((row) => row.studentId),
      );
    const [studentsA, studentsB] = [studentsOf(A.name, '2026-09-14'), studentsOf(B.name, '2026-09-14')];
    const keys = new Map([...workbook.sheetIdentities()].map(([key, names]) => [names[0], key]));
    setCohortName(workbook, A.name, 'Troca');
    setCohortName(workbook, B.name, A.name);
    setCohortName(workbook, 'Troca', B.name);
    await week(workbook, '2026-09-21');
    expect(studentsOf(B.name, '2026-09-14')).toEqual(studentsA);
    expect(studentsOf(A.name, '2026-09-14')).toEqual(studentsB);
    expect(workbook.sheetIdentities().get(keys.get(pivotSheetName(A.name))!)).toEqual([pivotSheetName(B.name)]);
    expect(workbook.sheetIdentities().get(keys.get(pivotSheetName(B.name))!)).toEqual([pivotSheetName(A.name)]);
    expect(workbook.sheetNames().filter((name) => name.startsWith('~'))).toEqual([]);
  });

  it('rows kept elsewhere under the former name (archive, BigQuery) count under the new name in the reports', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    const archived = historyRows(workbook); // as a BigQuery copy holds them: under the names of the time
    setCohortName(workbook, A.name, 'Turma Manhã');
    await week(workbook, '2026-09-21');
    const fromElsewhere = [...archived, ...historyRows(workbook).filter((row) => row.week === '2026-09-21')];
    writeReports(workbook, loadConfig(workbook), fromElsewhere);
    expect(filledWeekColumns(workbook, pivotSheetName('Turma Manhã'))).toEqual(expect.arrayContaining(['14/09', '21/09']));
    expect(workbook.sheetNames()).not.toContain(pivotSheetName(A.name));
  });

  it('onto the name of a removed cohort that still has weeks in Histórico: refused with a message, nothing merged', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    await week(workbook, '2026-09-14');
    const values = workbook.readSheet(SHEET.cohorts)!;
    workbook.writeSheet(SHEET.cohorts, { rows: values.filter((row) => row[0] !== B.name) });
    loadConfig(workbook);
    setCohortName(workbook, A.name, B.name);
    const config = loadConfig(workbook);
    expect(config.issues.some((issue) => /já tem semanas de outra turma/.test(issue.message))).toBe(true);
    expect(weeksOf(workbook, A.name)).toEqual(['2026-09-14']);
    expect(historyRows(workbook).filter((row) => row.cohort === B.name).length).toBeGreaterThan(0);
  });

  it('a copied Turmas row gets a new ID; the original keeps its own', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 1 });
    loadConfig(workbook);
    const [header, row] = workbook.readSheet(SHEET.cohorts)!;
    const copy: Cell[] = ['Turma cópia', 999, ...row.slice(2)];
    workbook.updateRows(SHEET.cohorts, 2, [copy]);
    const config = loadConfig(workbook);
    const [first, second] = workbook
      .readSheet(SHEET.cohorts)!
      .slice(1)
      .map((cells) => cells[header.indexOf('ID')]);
    expect(first).toBe(row[header.indexOf('ID')]);
    expect(second).not.toBe(first);
    expect(config.issues.some((issue) => issue.row === 2 && /já é de outra turma/.test(issue.message))).toBe(true);
  });
});
