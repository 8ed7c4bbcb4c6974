// Shared helpers of the simulator tests: a simulator on a virtual clock and JSON GETs against it.

import type { HttpResponse } from '../../src/core/http';
import { createSchool, createSimulator, type School, type Simulator, VirtualClock } from '../../src/simulator';

/** 2026-12-15 12:00 UTC: every cohort has started and every student exists. */
export const LATE_2026 = Date.UTC(2026, 11, 15, 12);
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
export const BASE = 'http://127.0.0.1:9/api/v1';

/** A simulator without a practical rate limit, for tests about content rather than pacing. */
export function unlimitedSimulator(at = LATE_2026, school: School = createSchool()): { simulator: Simulator; clock: VirtualClock } {
  const clock = new VirtualClock(at);
  return { clock, simulator: createSimulator({ clock, school, ratePerSecond: 1e9, perMinute: 1e9 }) };
}

/** GET with the default token. */
export function get(simulator: Simulator, urlOrPath: string, headers: Record<string, string> = { Authorization: 'simulador-token' }): HttpResponse {
  const url = urlOrPath.startsWith('http') ? urlOrPath : `${BASE}${urlOrPath}`;
  return simulator.handle({ method: 'GET', url, headers });
}

/** GET and parse the envelope, failing loudly on a non-200. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read into the simulator's JSON answers field by field
export function getData(simulator: Simulator, urlOrPath: string): any {
  const response = get(simulator, urlOrPath);
  if (response.status !== 200) throw new Error(`GET ${urlOrPath} → ${response.status} ${response.body}`);
  return JSON.parse(response.body).data;
}
