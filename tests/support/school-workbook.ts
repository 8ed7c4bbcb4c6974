// Test support: a MemoryWorkbook configured with the simulated school's cohorts, and a driven run.

import { cohortRow, ensureConfigSheets } from '../../src/core/config/templates';
import { DEFAULT_GOAL_TRACK } from '../../src/core/model/goals';
import { DEFAULT_SETTINGS } from '../../src/core/model/settings';
import { COHORT_HEADERS, SHEET } from '../../src/core/sheets';
import { MemoryWorkbook } from '../../src/core/workbook/memory-workbook';
import { type EmbeddedApi, embeddedApi } from '../../src/node/embedded-api';
import { runInstant } from '../../src/node/run-date';
import type { School } from '../../src/simulator';

/** The Monday run instant (06:00 São Paulo) of an ISO date. */
export function mondayRun(date: string): number {
  return runInstant(date, DEFAULT_SETTINGS);
}

export function schoolWorkbook(school: School, options: { cohorts?: number } = {}): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  const rows = school.cohorts.slice(0, options.cohorts ?? school.cohorts.length).map((cohort) =>
    cohortRow({
      name: cohort.name,
      tagId: cohort.tagId,
      start: cohort.start,
      productIds: cohort.productIds,
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: null,
      active: true,
    }),
  );
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...rows] });
  return workbook;
}

export function testApi(startAt: number, options: { studentCount?: number; token?: string } = {}): EmbeddedApi {
  return embeddedApi({ startAt, studentCount: options.studentCount ?? 300, token: options.token, latencyMs: 100 });
}
