// The v3 events list of the simulated school: progress events derived from the simulated study
// sessions (progress only ever changes at a session), oldest first, each with a stable id and a
// stable place in the order (occurred_at, then student, product, type), produced for a time window
// on demand so a week's listing never replays the whole history.

import { V3_CONTRACT } from '../core/cademi-v3/contract';
import type { School } from './school';

/** One event of the account, as the simulator holds it (v1 ids; the handler writes v3 ids). */
export interface SimulatedEvent {
  readonly type: string;
  /** Index of `type` in the contract's progress event types (part of the event id and of the order). */
  readonly typeIndex: number;
  readonly occurredAt: number;
  readonly studentId: number;
  /** The student's session that produced it (part of the event id). */
  readonly session: number;
  readonly productId: number;
}

/** Where an event stands in the list's order: what a cursor points after. */
export type EventKey = readonly [occurredAt: number, studentId: number, productId: number, typeIndex: number];

const [PROGRESS_TYPE = 'progress.updated', COMPLETION_TYPE] = V3_CONTRACT.progressEventTypes.values;

/** The event's place in the order. */
export function eventKey(event: SimulatedEvent): EventKey {
  return [event.occurredAt, event.studentId, event.productId, event.typeIndex];
}

/** Negative when `a` comes first, as the list orders events. */
export function compareEventKeys(a: EventKey, b: EventKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}

/** The index of the first session strictly after `instant` (binary search). */
function firstSessionAfter(times: readonly number[], instant: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? Number.POSITIVE_INFINITY) <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The events that occurred in (after, until], in the list's order: one `progress.updated` (the
 * contract's first progress type) per session and product the session worked on, and one
 * `lesson.completed` (its second type) when that session also raised the product's completed lessons.
 */
export function eventsBetween(school: School, after: number, until: number): SimulatedEvent[] {
  const events: SimulatedEvent[] = [];
  for (const student of school.students) {
    const times = school.sessionTimesOf(student.id);
    const first = firstSessionAfter(times, after);
    for (const productId of student.productIds) {
      const before = first === 0 ? undefined : times[first - 1];
      let completedBefore = before === undefined ? 0 : (school.progressAt(student.id, productId, before)?.completed ?? 0);
      for (let session = first; session < times.length; session++) {
        const at = times[session] as number;
        if (at > until) break;
        const summary = school.progressAt(student.id, productId, at);
        if (summary === undefined) break;
        const where = { occurredAt: at, studentId: student.id, session, productId };
        if (summary.lastActivityAt === at) events.push({ ...where, type: PROGRESS_TYPE, typeIndex: 0 });
        if (COMPLETION_TYPE !== undefined && summary.completed > completedBefore) events.push({ ...where, type: COMPLETION_TYPE, typeIndex: 1 });
        completedBefore = summary.completed;
      }
    }
  }
  return events.sort((a, b) => compareEventKeys(eventKey(a), eventKey(b)));
}
