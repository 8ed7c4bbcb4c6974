// Test support for the connection check: a school config built in memory, and a DoctorRun driven
// over the simulator's handler on a virtual clock, paced at 2 requests per second.

import type { SchoolConfig } from '../../../src/core/config/load-config';
import { type DoctorPlan, type DoctorReport, DoctorRun } from '../../../src/core/doctor/doctor-run';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import type { CohortConfig } from '../../../src/core/model/cohort';
import type { ConfigIssue } from '../../../src/core/model/issues';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/model/settings';
import { createSchool, createSimulator, type SimulatorOptions, VirtualClock } from '../../../src/simulator';

export const START = Date.parse('2026-11-23T09:00:00Z');
export const school = createSchool({ studentCount: 40 });

export function cohort(name: string, tagId: number | string, productIds: readonly (number | string)[], sheetRow = 1, active = true): CohortConfig {
  return { id: `t${sheetRow}`, name, tagId, start: '2026-07-06', productIds, goalTrack: null, tutorEmail: null, active, sheetRow };
}

export function config(cohorts: readonly CohortConfig[], settings: Partial<Settings> = {}, issues: readonly ConfigIssue[] = []): SchoolConfig {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, cohorts, goalTracks: new Map(), issues };
}

export interface DrivenRun {
  readonly report: DoctorReport;
  readonly sent: HttpRequest[];
  /** Virtual instants at which each request was sent. */
  readonly sentAt: number[];
}

/** Runs the plan against a simulator (or any handler), as a host would. */
export function drive(plan: DoctorPlan, options: Partial<SimulatorOptions> & { handler?: (request: HttpRequest) => HttpResponse } = {}): DrivenRun {
  const clock = new VirtualClock(START);
  const simulator = createSimulator({ clock, school, ...options });
  const handle = options.handler ?? ((request: HttpRequest) => simulator.handle(request));
  const run = new DoctorRun(plan);
  const sent: HttpRequest[] = [];
  const sentAt: number[] = [];
  for (let next = run.next(); next !== null; next = run.next()) {
    if (next.notBefore > clock.now()) clock.set(next.notBefore);
    sent.push(next.request);
    sentAt.push(clock.now());
    const response = handle(next.request);
    run.answer(response, clock.now());
    clock.advance(600);
    if (sent.length > 200) throw new Error('doctor run does not end');
  }
  return { report: run.report(), sent, sentAt };
}

export const texts = (report: DoctorReport, status?: string) =>
  report.lines.filter((line) => status === undefined || line.status === status).map((line) => line.text);
