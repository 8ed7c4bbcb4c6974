// The student's phone (Cademi's `celular`) from the listing to `Histórico` and `Contatos da semana`:
// staged between slices, carried on `Mantido` rows, and an old 14-column `Histórico` migrated first.

import { HistoryIndex } from '../../../src/core/history/history-index';
import { HISTORY_HEADERS_V1 } from '../../../src/core/history/migrations';
import { decodeHistoryRow, HISTORY_HEADERS, type HistoryRow } from '../../../src/core/history/schema';
import { REPORT_SHEET } from '../../../src/core/identity/sheet-names';
import type { CohortConfig } from '../../../src/core/model/cohort';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { CONTACT_HEADERS } from '../../../src/core/report/contacts';
import { SHEET } from '../../../src/core/sheets';
import { studentRows } from '../../../src/core/sync/snapshot';
import { decodeStaging, encodeStaging, type StagedStudent } from '../../../src/core/sync/staging';
import { advanceTo } from '../../../src/node/embedded-api';
import { runWeek } from '../../../src/node/sync-runner';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const TZ = 'America/Sao_Paulo';
const WEEK1 = mondayRun('2026-09-14');
const WEEK2 = mondayRun('2026-09-21');

describe('phones through a weekly run', () => {
  it('stores each student’s celular in Histórico (none when Cademi has none) and shows it in Contatos da semana', async () => {
    const api = testApi(WEEK1, { studentCount: 200 });
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 2 });
    await runWeek(workbook, api, { now: WEEK1, trigger: 'teste' });
    const [header, ...cells] = workbook.readSheet(SHEET.history)!;
    expect(header).toEqual([...HISTORY_HEADERS]);
    const rows = cells.map((row) => decodeHistoryRow(row, TZ)!);
    for (const row of rows) expect(row.phone).toBe(api.simulator.school.studentById(Number(row.studentId))?.celular ?? null);
    expect(rows.some((row) => row.phone !== null)).toBe(true);
    expect(rows.some((row) => row.phone === null)).toBe(true);

    const contacts = workbook.readSheet(REPORT_SHEET.contacts)!;
    const listed = contacts.filter((row) => typeof row[CONTACT_HEADERS.indexOf('Aluno ID')] === 'number');
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) {
      const phone = api.simulator.school.studentById(Number(row[CONTACT_HEADERS.indexOf('Aluno ID')]))?.celular ?? null;
      expect(row[CONTACT_HEADERS.indexOf('Celular')]).toBe(phone);
      expect(row[CONTACT_HEADERS.indexOf('WhatsApp')]).toBe(phone === null ? null : 'Abrir WhatsApp');
    }
  });

  it('migrates a Histórico of the 14-column layout (backup first) before the week, whose rows then have phones', async () => {
    const api = testApi(WEEK1, { studentCount: 120 });
    const workbook = schoolWorkbook(api.simulator.school, { cohorts: 1 });
    await runWeek(workbook, api, { now: WEEK1, trigger: 'teste' });
    // The sheet as a release before `Celular` left it.
    const old = workbook.readSheet(SHEET.history)!.map((row, index) => (index === 0 ? [...HISTORY_HEADERS_V1] : row.slice(0, 14)));
    workbook.writeSheet(SHEET.history, { rows: old, frozenRows: 1, owned: true });

    advanceTo(api, WEEK2);
    await runWeek(workbook, api, { now: WEEK2, trigger: 'teste' });
    expect(workbook.readSheet('Histórico (backup 2026-09-21)')).toEqual(old);
    const [header, ...rows] = workbook.readSheet(SHEET.history)!;
    expect(header).toEqual([...HISTORY_HEADERS]);
    const decoded = rows.map((row) => decodeHistoryRow(row, TZ)!);
    expect(decoded.filter((row) => row.week === '2026-09-14').every((row) => row.phone === null)).toBe(true);
    const week2 = decoded.filter((row) => row.week === '2026-09-21');
    expect(week2.length).toBeGreaterThan(0);
    for (const row of week2) expect(row.phone).toBe(api.simulator.school.studentById(Number(row.studentId))?.celular ?? null);
    // Carried rows were found and kept their value from the migrated week.
    expect(week2.some((row) => row.origin === 'Mantido')).toBe(true);
  });
});

describe('phones between slices and on carried rows', () => {
  const student: StagedStudent = {
    kind: 'student',
    cohort: 'T',
    studentId: 7,
    name: 'Ana',
    email: 'a@x',
    phone: '+55 11 98765-4321',
    createdAt: null,
    lastAccessAt: 1,
  };

  it('keeps the phone in the staging sheet; a staging sheet written before the column reads as none', () => {
    const staged = encodeStaging('run-1', [student, { ...student, studentId: 8, phone: null }]);
    expect(decodeStaging(staged, 'run-1')).toEqual([student, { ...student, studentId: 8, phone: null }]);
    const before = staged.map((row) => row.slice(0, 13));
    expect(decodeStaging(before, 'run-1')).toEqual([
      { ...student, phone: null },
      { ...student, studentId: 8, phone: null },
    ]);
  });

  it('gives a Mantido row without a phone from this run the phone its previous row had; an API row says what Cademi says', () => {
    const cohort: CohortConfig = { name: 'T', tagId: 1, start: '2026-08-03', productIds: [1, 2], goalTrack: null, tutorEmail: null, active: true, sheetRow: 1 };
    const previous = (productId: number): HistoryRow => ({
      week: '2026-09-14',
      cohort: 'T',
      studentId: 7,
      name: 'Ana',
      email: 'a@x',
      productId,
      productName: 'Curso',
      progress: 40,
      lessonsCompleted: 4,
      lastAccessAt: 1,
      expected: null,
      situation: 'Sem meta',
      origin: 'API',
      collectedAt: WEEK1,
      phone: '(11) 3456-7890',
    });
    const context = {
      week: '2026-09-21',
      now: WEEK2,
      settings: DEFAULT_SETTINGS,
      goalTracks: new Map(),
      history: HistoryIndex.fromRows([previous(1), previous(2)]),
      productNames: new Map([
        [1, 'Curso'],
        [2, 'Curso'],
      ]),
    };
    const progress = [
      { kind: 'progress' as const, studentId: 7, productId: 1, progress: 40, lessonsCompleted: 4, origin: 'Mantido' as const },
      { kind: 'progress' as const, studentId: 7, productId: 2, progress: 50, lessonsCompleted: 5, origin: 'API' as const },
    ];
    expect(studentRows(context, cohort, { ...student, phone: null }, progress).map((row) => row.phone)).toEqual(['(11) 3456-7890', null]);
    expect(studentRows(context, cohort, student, progress).map((row) => row.phone)).toEqual(['+55 11 98765-4321', '+55 11 98765-4321']);
  });
});
