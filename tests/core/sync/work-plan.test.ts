// The week's work decided by pure functions: which (student, product) pairs, in which cohort, which
// are carried forward without a call, and the rows they make; and the queue that hands them out.

import type { Adjustment } from '../../../src/core/adjustments/adjustments-sheet';
import { effectiveAdjustments, NO_ADJUSTMENTS } from '../../../src/core/adjustments/effective';
import { HistoryIndex } from '../../../src/core/history/history-index';
import type { HistoryRow } from '../../../src/core/history/schema';
import type { CohortConfig } from '../../../src/core/model/cohort';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { pushedKey } from '../../../src/core/push/pushed-sheet';
import type { PushedProgress } from '../../../src/core/push/webhook-events';
import type { StagedProgress, StagedSkip, StagedStudent } from '../../../src/core/sync/staging';
import { buildWorkList, carryForward, movedStudentsToFetch, type WorkItem, weekRows, workKey } from '../../../src/core/sync/work-plan';
import { WorkQueue } from '../../../src/core/sync/work-queue';

const WEEK = '2026-09-14';
const NOW = Date.UTC(2026, 8, 14, 9);
const DAY = 86_400_000;

function cohort(name: string, start: string, productIds: number[] = [1, 2]): CohortConfig {
  return { name, tagId: name.length, start, productIds, goalTrack: null, tutorEmail: null, active: true, sheetRow: 1 };
}

function student(cohortName: string, studentId: number, lastAccessAt: number | null = NOW - DAY): StagedStudent {
  return { kind: 'student', cohort: cohortName, studentId, name: `Aluno ${studentId}`, email: `a${studentId}@x`, phone: null, createdAt: null, lastAccessAt };
}

function move(studentId: number, to: string, date = WEEK): Adjustment {
  return { id: `m${studentId}`, row: 1, date, studentId, name: '', action: 'Mover', from: '', to, reason: '', by: '', undoneAt: null };
}

const OLD = cohort('Antiga', '2026-03-02');
const NEW = cohort('Nova', '2026-08-03', [1]);

/** The listings as `studentsOf` sees them. */
const listed = (byCohort: Record<string, StagedStudent[]>) => (name: string) => byCohort[name] ?? [];
const pairs = (items: readonly WorkItem[]) => items.map((item) => `${item.cohort.name}:${item.student.studentId}|${item.productId}`);

describe('buildWorkList', () => {
  const names = (id: number | string) => (id === 3 ? '' : `Produto ${id}`);

  it('lists every (student, product) cohort by cohort in Turmas order, students by id', () => {
    const { items, conflicts } = buildWorkList({
      cohorts: [OLD, NEW],
      studentsOf: listed({ Antiga: [student('Antiga', 9), student('Antiga', 4)], Nova: [student('Nova', 7)] }),
      adjustments: NO_ADJUSTMENTS,
      week: WEEK,
      productName: names,
    });
    expect(pairs(items)).toEqual(['Antiga:4|1', 'Antiga:4|2', 'Antiga:9|1', 'Antiga:9|2', 'Nova:7|1']);
    expect(conflicts).toBe(0);
  });

  it('counts a student listed by two cohorts in the one that started last, and says how many extra listings there were', () => {
    const { items, conflicts } = buildWorkList({
      cohorts: [NEW, OLD],
      studentsOf: listed({ Antiga: [student('Antiga', 5)], Nova: [student('Nova', 5)] }),
      adjustments: NO_ADJUSTMENTS,
      week: WEEK,
      productName: names,
    });
    expect(pairs(items)).toEqual(['Nova:5|1']);
    expect(conflicts).toBe(1);
  });

  it('follows a move in Ajustes from its week on; a student moved to a cohort not collected is not counted', () => {
    const input = {
      cohorts: [OLD, NEW],
      studentsOf: listed({ Antiga: [student('Antiga', 1), student('Antiga', 2), student('Antiga', 3)] }),
      week: WEEK,
      productName: names,
    };
    const adjustments = effectiveAdjustments([move(1, 'Nova'), move(2, 'Arquivada'), move(3, 'Nova', '2026-09-21')]);
    expect(pairs(buildWorkList({ ...input, adjustments }).items)).toEqual(['Antiga:3|1', 'Antiga:3|2', 'Nova:1|1']);
  });

  it('leaves out a product Cademi does not know (name ""), keeps one whose name is not known yet', () => {
    const { items } = buildWorkList({
      cohorts: [cohort('Turma', '2026-08-03', [1, 3, 4])],
      studentsOf: listed({ Turma: [student('Turma', 1)] }),
      adjustments: NO_ADJUSTMENTS,
      week: WEEK,
      productName: (id) => (id === 3 ? '' : id === 4 ? undefined : 'Produto 1'),
    });
    expect(pairs(items)).toEqual(['Turma:1|1', 'Turma:1|4']);
  });
});

describe('movedStudentsToFetch', () => {
  it('names the students moved into a collected cohort that no listing named, unless the API said it does not know them', () => {
    const adjustments = effectiveAdjustments([move(1, 'Nova'), move(2, 'Nova'), move(3, 'Nova'), move(4, 'Fora')]);
    expect(movedStudentsToFetch([OLD, NEW], new Set([2]), new Set([3]), adjustments, WEEK)).toEqual([{ studentId: 1, cohort: 'Nova' }]);
    expect(movedStudentsToFetch([OLD, NEW], new Set(), new Set(), adjustments, '2026-09-07')).toEqual([]);
  });
});

describe('carryForward (the incremental rule)', () => {
  const item = (lastAccessAt: number | null): WorkItem => ({ cohort: NEW, student: student('Nova', 1, lastAccessAt), productId: 1 });
  const snapshot = (collectedAt: number): HistoryRow => ({
    week: '2026-09-07',
    cohort: 'Nova',
    studentId: 1,
    name: 'Aluno 1',
    email: 'a1@x',
    productId: 1,
    productName: 'Produto 1',
    progress: 40,
    lessonsCompleted: 8,
    lastAccessAt: null,
    expected: null,
    situation: 'Em dia',
    origin: 'API',
    collectedAt,
    phone: null,
  });
  const pushed = (percent: number, receivedAt: number): Map<string, PushedProgress> =>
    new Map([[pushedKey(1, 1), { studentId: 1, productId: 1, percent, receivedAt }]]);
  const LAST_WEEK = NOW - 7 * DAY;

  it('carries the last value of a student who never accessed (0 without one)', () => {
    expect(carryForward(item(null), { history: HistoryIndex.fromRows([snapshot(LAST_WEEK)]) })).toEqual({
      source: 'carried',
      record: { kind: 'progress', studentId: 1, productId: 1, progress: 40, lessonsCompleted: 8, origin: 'Mantido' },
    });
    expect(carryForward(item(null), { history: HistoryIndex.fromRows([]) })?.record).toMatchObject({ progress: 0, lessonsCompleted: 0, origin: 'Mantido' });
  });

  it('carries the last value when the last access is not after the last snapshot', () => {
    expect(carryForward(item(LAST_WEEK), { history: HistoryIndex.fromRows([snapshot(LAST_WEEK)]) })?.source).toBe('carried');
  });

  it('asks for a fetch (null) when the student accessed since, or was never snapshotted', () => {
    expect(carryForward(item(LAST_WEEK + 1), { history: HistoryIndex.fromRows([snapshot(LAST_WEEK)]) })).toBeNull();
    expect(carryForward(item(LAST_WEEK), { history: HistoryIndex.fromRows([]) })).toBeNull();
  });

  it('takes a webhook received after the last access and after the snapshot, keeping the last lesson count', () => {
    const history = HistoryIndex.fromRows([snapshot(LAST_WEEK)]);
    expect(carryForward(item(NOW - DAY), { history, pushed: pushed(55, NOW - DAY + 1) })).toEqual({
      source: 'pushed',
      record: { kind: 'progress', studentId: 1, productId: 1, progress: 55, lessonsCompleted: 8, origin: 'API' },
    });
    expect(carryForward(item(NOW - DAY), { history: HistoryIndex.fromRows([]), pushed: pushed(55, NOW) })?.record.lessonsCompleted).toBe(0);
  });

  it('ignores a webhook older than the last access: the student may have gone on since', () => {
    expect(carryForward(item(NOW - DAY), { history: HistoryIndex.fromRows([snapshot(LAST_WEEK)]), pushed: pushed(55, NOW - 2 * DAY) })).toBeNull();
    expect(carryForward(item(NOW - DAY), { history: HistoryIndex.fromRows([]), pushed: pushed(55, NOW - DAY - 1) })).toBeNull();
  });
});

describe('weekRows', () => {
  const context = {
    week: WEEK,
    now: NOW,
    settings: DEFAULT_SETTINGS,
    goalTracks: new Map(),
    history: HistoryIndex.fromRows([]),
    productNames: new Map([
      [1, 'Produto 1'],
      [2, 'Produto 2'],
    ]),
  };
  const ana = student('Antiga', 1);
  const bia = student('Antiga', 2);
  const items: WorkItem[] = [
    { cohort: OLD, student: ana, productId: 1 },
    { cohort: OLD, student: ana, productId: 2 },
    { cohort: OLD, student: bia, productId: 1 },
    { cohort: OLD, student: bia, productId: 2 },
  ];
  const value = (studentId: number, productId: number, progress: number): StagedProgress => ({
    kind: 'progress',
    studentId,
    productId,
    progress,
    lessonsCompleted: 1,
    origin: 'API',
  });
  const skip: StagedSkip = { kind: 'skip', studentId: 2, productId: 2, reason: 'HTTP 404' };

  it('gives one row per pair with a value, none for a skipped pair, and marks dropouts', () => {
    const outcomes = new Map<string, StagedProgress | StagedSkip>([
      [workKey(1, 1), value(1, 1, 10)],
      [workKey(1, 2), value(1, 2, 30)],
      [workKey(2, 1), value(2, 1, 50)],
      [workKey(2, 2), skip],
    ]);
    const rows = weekRows(
      context,
      items,
      (key) => outcomes.get(key),
      (studentId) => studentId === 2,
    );
    expect(rows.map((row) => [row.studentId, row.productId, row.progress, row.cohort, row.week])).toEqual([
      [1, 1, 10, 'Antiga', WEEK],
      [1, 2, 30, 'Antiga', WEEK],
      [2, 1, 50, 'Antiga', WEEK],
    ]);
    expect(rows.filter((row) => row.studentId === 2).every((row) => row.situation === 'Desistente')).toBe(true);
    expect(rows.filter((row) => row.studentId === 1).some((row) => row.situation === 'Desistente')).toBe(false);
  });
});

describe('WorkQueue', () => {
  const items: WorkItem[] = [1, 2, 3].map((id) => ({ cohort: NEW, student: student('Nova', id), productId: 1 }));

  it('hands each item out once, in order, and counts the pairs still to settle (those settled before it was built excepted)', () => {
    const queue = new WorkQueue(items, (key) => key === workKey(2, 1));
    expect(queue.remaining).toBe(2);
    expect([queue.next(), queue.next(), queue.next(), queue.next()].map((item) => item?.student.studentId ?? null)).toEqual([1, 2, 3, null]);
    queue.settle(workKey(1, 1));
    queue.settle(workKey(9, 1)); // not of the week
    expect(queue.remaining).toBe(1);
    expect(queue.item(workKey(3, 1))?.student.studentId).toBe(3);
    expect(queue.item(workKey(9, 1))).toBeUndefined();
  });
});
