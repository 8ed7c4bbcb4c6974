// History survives the v1 → v3 switch: a school syncs weeks on v1, then switches its key (and Turmas'
// ids) to v3 and syncs later weeks. Each student keeps one history: v3 students are matched to the
// v1 id of the same e-mail, the match is recorded in `Correspondências`, and the pivots and
// `Contatos da semana` list one student, not two.

import { appendAdjustment, parseAdjustments } from '../../../src/core/adjustments/adjustments-sheet';
import { withSettingValue } from '../../../src/core/config/settings-sheet';
import { cohortRow } from '../../../src/core/config/templates';
import { readStudentMatches } from '../../../src/core/continuity/matches-sheet';
import { REPORT_SHEET } from '../../../src/core/identity/sheet-names';
import { DEFAULT_GOAL_TRACK } from '../../../src/core/model/goals';
import { readHistoryRows } from '../../../src/core/report/report-sheets';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import type { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { advanceTo, type EmbeddedApi } from '../../../src/node/embedded-api';
import { type ApiConnection, runWeek } from '../../../src/node/sync-runner';
import { DEFAULT_V3_TOKEN, productV3Id, tagV3Id, v1IdOf } from '../../../src/simulator';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const V1_WEEKS = ['2026-09-07', '2026-09-14'];
const V3_WEEKS = ['2026-09-21', '2026-09-28'];

/** The same simulated school through its v3 door: the same transport and clock, a v3 key and base. */
function v3Door(api: EmbeddedApi): ApiConnection {
  return { ...api, target: { api: 'v3', baseUrl: 'https://simulador.cademi.local/api/v3', token: DEFAULT_V3_TOKEN } };
}

/** What a coordinator does at the switch: Turmas gets the v3 ids, Configuração says v3. */
function switchToV3(workbook: MemoryWorkbook, api: EmbeddedApi, cohorts: number): void {
  const rows = api.simulator.school.cohorts.slice(0, cohorts).map((cohort) =>
    cohortRow({
      name: cohort.name,
      tagId: tagV3Id(cohort.tagId),
      start: cohort.start,
      productIds: cohort.productIds.map(productV3Id),
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: null,
      active: true,
    }),
  );
  const ids = workbook.readSheet(SHEET.cohorts)!.map((row) => row.slice(COHORT_HEADERS.length));
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...rows].map((row, index) => [...row, ...(ids[index] ?? [])]) });
  workbook.writeSheet(SHEET.settings, { rows: withSettingValue(workbook.readSheet(SHEET.settings), 'apiVersion', 'v3') });
}

async function syncWeeks(workbook: MemoryWorkbook, connection: ApiConnection, api: EmbeddedApi, weeks: readonly string[]) {
  const results = [];
  for (const week of weeks) {
    const now = mondayRun(week);
    advanceTo(api, now);
    results.push((await runWeek(workbook, connection, { now, trigger: 'Teste' })).result);
  }
  return results;
}

describe('a school that moves from v1 to v3', () => {
  const cohorts = 2;
  let workbook: MemoryWorkbook;
  let api: EmbeddedApi;
  let movedId: number;

  beforeAll(async () => {
    api = testApi(mondayRun(V1_WEEKS[0]!));
    workbook = schoolWorkbook(api.simulator.school, { cohorts });
    await syncWeeks(workbook, api, api, V1_WEEKS);
    // A move recorded while on v1 names the v1 id; it must still apply on v3.
    const row = readHistoryRows(workbook.readSheet(SHEET.history), 'America/Sao_Paulo').find((candidate) => candidate.cohort === 'Turma 2026-07')!;
    movedId = Number(row.studentId);
    appendAdjustment(workbook, {
      date: V3_WEEKS[0]!,
      studentId: movedId,
      name: row.name,
      action: 'Mover',
      from: row.cohort,
      to: 'Turma 2026-08',
      reason: '',
      by: '',
    });
    switchToV3(workbook, api, cohorts);
    await syncWeeks(workbook, v3Door(api), api, V3_WEEKS);
  }, 60_000);

  const history = () => readHistoryRows(workbook.readSheet(SHEET.history), 'America/Sao_Paulo');

  it('keeps each v1 student under their v1 id in the v3 weeks, with the match recorded', () => {
    const rows = history();
    const v1Students = new Set(rows.filter((row) => V1_WEEKS.includes(row.week)).map((row) => row.studentId));
    const v3Rows = rows.filter((row) => V3_WEEKS.includes(row.week));
    expect(v3Rows.length).toBeGreaterThan(0);
    // Everyone listed on v1 and still enrolled is found again by e-mail: no usr_ id for them.
    const v3Students = new Set(v3Rows.map((row) => row.studentId));
    const { school } = api.simulator;
    const stillTagged = new Set(
      school.cohorts.slice(0, cohorts).flatMap((cohort) => school.studentsWithTagAt(cohort.tagId, mondayRun(V3_WEEKS[1]!)).map((student) => student.id)),
    );
    const kept = [...v1Students].filter((id) => stillTagged.has(Number(id)));
    expect(kept.length).toBeGreaterThan(100);
    for (const id of kept) expect(v3Students.has(id)).toBe(true);
    expect(v3Rows.every((row) => typeof row.studentId === 'number')).toBe(true);
    // v3 products start their own ids (prd_…), named from GET /products/{id}.
    expect(v3Rows.every((row) => row.productName === api.simulator.school.productById(v1IdOf('prd_', String(row.productId)) ?? 0)?.nome)).toBe(true);
    const matches = readStudentMatches(workbook);
    expect(new Set(matches.map((match) => match.v1Id))).toEqual(new Set(v3Rows.map((row) => row.studentId)));
    expect(matches.every((match) => match.week === V3_WEEKS[0])).toBe(true);
  });

  it('records each match once, however many weeks run on v3', () => {
    const matches = readStudentMatches(workbook);
    expect(new Set(matches.map((match) => match.v3Id)).size).toBe(matches.length);
  });

  it('applies a move recorded on v1 in the v3 weeks', () => {
    const moved = history().filter((row) => row.studentId === movedId && V3_WEEKS.includes(row.week));
    expect(moved.length).toBeGreaterThan(0);
    expect(new Set(moved.map((row) => row.cohort))).toEqual(new Set(['Turma 2026-08']));
    expect(parseAdjustments(workbook.readSheet(SHEET.adjustments))).toHaveLength(1);
  });

  it('shows one student, not two, in the pivots and in Contatos da semana', () => {
    for (const name of workbook.sheetNames().filter((sheet) => sheet.startsWith('Turma '))) {
      const rows = workbook.readSheet(name)!;
      const emails = rows.map((row) => row.find((cell) => typeof cell === 'string' && cell.includes('@'))).filter((cell) => cell !== undefined);
      expect(new Set(emails).size).toBe(emails.length);
    }
    const contacts = workbook.readSheet(REPORT_SHEET.contacts)!;
    const keys = contacts.map((row) => row.find((cell) => typeof cell === 'string' && cell.includes('@'))).filter((cell) => cell !== undefined);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('costs v3 about a third of v1’s calls for the same school', async () => {
    const v1 = testApi(mondayRun(V3_WEEKS[1]!));
    const onV1 = schoolWorkbook(v1.simulator.school, { cohorts });
    const [v1Week] = await syncWeeks(onV1, v1, v1, [V3_WEEKS[1]!]);
    const v3 = testApi(mondayRun(V3_WEEKS[1]!));
    const onV3 = schoolWorkbook(v3.simulator.school, { cohorts });
    switchToV3(onV3, v3, cohorts);
    const [v3Week] = await syncWeeks(onV3, v3Door(v3), v3, [V3_WEEKS[1]!]);
    expect(v3Week!.rows.length).toBe(v1Week!.rows.length);
    expect(v3Week!.rows.map((row) => row.progress)).toEqual(v1Week!.rows.map((row) => row.progress));
    expect(v3Week!.stats.calls).toBeLessThanOrEqual(Math.ceil(v1Week!.stats.calls * 0.4));
  });
});
