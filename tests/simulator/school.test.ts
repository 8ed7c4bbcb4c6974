// The seeded school: size, cohorts, profiles, hostile names and the progress-through-activity rule.

import { createSchool, FORMULA_NAME, MARKUP_NAME, PROFILES, TRACKED_PRODUCT_IDS } from '../../src/simulator';
import { DAY_MS, LATE_2026, WEEK_MS } from './helpers';

describe('createSchool', () => {
  const school = createSchool();

  it('is the same school for the same seed and a different one for another seed', () => {
    const again = createSchool();
    expect(JSON.stringify(again.students)).toBe(JSON.stringify(school.students));
    expect(again.sessionTimesOf(1050)).toEqual(school.sessionTimesOf(1050));
    const other = createSchool({ seed: 7 });
    expect(JSON.stringify(other.students)).not.toBe(JSON.stringify(school.students));
  });

  it('has at least 480 students by default, ids from 1001, and honours studentCount', () => {
    expect(school.students.length).toBeGreaterThanOrEqual(480);
    expect(school.students[0].id).toBe(1001);
    for (const count of [300, 1000, 5000]) expect(createSchool({ studentCount: count }).students).toHaveLength(count);
  });

  it('has five monthly cohorts starting on the first Monday of July..November 2026', () => {
    expect(school.cohorts.map((cohort) => [cohort.tagId, cohort.name, cohort.start])).toEqual([
      [101, 'Turma 2026-07', '2026-07-06'],
      [102, 'Turma 2026-08', '2026-08-03'],
      [103, 'Turma 2026-09', '2026-09-07'],
      [104, 'Turma 2026-10', '2026-10-05'],
      [105, 'Turma 2026-11', '2026-11-02'],
    ]);
    for (const cohort of school.cohorts) expect(cohort.productIds).toEqual(TRACKED_PRODUCT_IDS);
    expect(school.studentsWithTagAt(103, LATE_2026).length).toBeGreaterThan(150);
  });

  it('has tracked products with lessons, a bonus and non-cohort tags', () => {
    expect(school.products.slice(0, 4).map((product) => [product.id, product.nome, product.lessons.length])).toEqual([
      [11, 'Fundamentos', 24],
      [12, 'Prática Guiada', 30],
      [13, 'Projeto Final', 18],
      [14, 'Bônus: Comunidade', 10],
    ]);
    expect(school.tagById(90)?.nome).toBe('Alunos VIP');
    expect(school.tagById(91)?.nome).toBe('Lista de espera');
    expect(school.studentsWithTagAt(90, LATE_2026).length).toBeGreaterThan(0);
  });

  it('gives every profile to some students, also in a small school', () => {
    for (const size of [300, 500]) {
      const profiles = new Set(createSchool({ studentCount: size }).students.map((student) => student.profile));
      expect([...profiles].sort()).toEqual([...PROFILES].sort());
    }
  });

  it('has accented names, a formula name, a markup name and missing doc/celular', () => {
    const names = school.students.map((student) => student.nome);
    expect(names).toContain(FORMULA_NAME);
    expect(names).toContain(MARKUP_NAME);
    expect(FORMULA_NAME.startsWith('=')).toBe(true);
    for (const accented of ['João', 'Conceição', 'Ângela', 'Luíza', 'Ítalo']) {
      expect(names.some((name) => name.includes(accented))).toBe(true);
    }
    expect(school.students.some((student) => student.doc === null)).toBe(true);
    expect(school.students.some((student) => student.celular === null)).toBe(true);
    expect(new Set(school.students.map((student) => student.email.toLowerCase())).size).toBe(school.students.length);
  });

  it('finds students by id, e-mail and CPF', () => {
    const student = school.students.find((candidate) => candidate.doc !== null)!;
    expect(school.findStudent(String(student.id))).toBe(student);
    expect(school.findStudent(student.email.toUpperCase())).toBe(student);
    expect(school.findStudent(student.doc!)).toBe(student);
    expect(school.findStudent(student.doc!.replace(/\D/g, ''))).toBe(student);
    expect(school.findStudent('ninguem@example.com')).toBeUndefined();
  });
});

describe('progress changes only through activity', () => {
  const school = createSchool();
  const firstStart = Date.parse('2026-07-01T12:00:00Z');

  it('keeps every progress value when ultimo_acesso_em did not change (all students, 30 weeks, twice a week)', () => {
    let unchangedPairs = 0;
    let changedPairs = 0;
    for (const student of school.students) {
      let previous: string | null = null;
      let previousAccess: number | null = null;
      for (let step = 0; step < 60; step++) {
        const at = firstStart + step * 3.5 * DAY_MS;
        const lastAccess = school.lastAccessAt(student.id, at);
        const snapshot = JSON.stringify(student.productIds.map((productId) => school.progressAt(student.id, productId, at)));
        if (previous !== null) {
          if (lastAccess === previousAccess) {
            expect(snapshot).toBe(previous);
            unchangedPairs++;
          } else {
            changedPairs++;
          }
        }
        previous = snapshot;
        previousAccess = lastAccess;
      }
    }
    // Both kinds of interval occur often, so the check above is not vacuous.
    expect(unchangedPairs).toBeGreaterThan(1000);
    expect(changedPairs).toBeGreaterThan(1000);
  });

  it('changes lessons only at session instants and never goes backwards', () => {
    for (const student of school.students.slice(0, 120)) {
      const sessions = school.sessionTimesOf(student.id);
      let previousCompleted = 0;
      for (const session of sessions.slice(0, 40)) {
        // Just before a session, everything equals the state right after the previous one.
        const before = school.progressAt(student.id, 11, session - 1)!;
        const after = school.progressAt(student.id, 11, session)!;
        expect(before.completed).toBe(previousCompleted);
        expect(after.completed).toBeGreaterThanOrEqual(before.completed);
        expect(after.opened).toBeLessThanOrEqual(after.totalLessons);
        if (after.lastActivityAt !== null) expect(after.lastActivityAt).toBeLessThanOrEqual(school.lastAccessAt(student.id, session)!);
        const visitsBefore = school.lessonVisitsAt(student.id, 11, session - 1);
        const visitsJustBeforeNext = school.lessonVisitsAt(student.id, 11, session - 1000);
        expect(visitsJustBeforeNext).toEqual(visitsBefore);
        previousCompleted = after.completed;
      }
    }
  });

  it('agrees between the counts and the lesson list', () => {
    for (const student of school.students.slice(0, 60)) {
      for (const productId of TRACKED_PRODUCT_IDS) {
        const summary = school.progressAt(student.id, productId, LATE_2026)!;
        const visits = school.lessonVisitsAt(student.id, productId, LATE_2026);
        expect(visits).toHaveLength(summary.opened);
        expect(visits.filter((visit) => visit.completed)).toHaveLength(summary.completed);
        const lastVisit = visits.length === 0 ? null : Math.max(...visits.map((visit) => visit.lastAccessAt));
        expect(lastVisit).toBe(summary.lastActivityAt);
      }
    }
  });
});

describe('profiles over time', () => {
  const school = createSchool();

  it('never-accessed students have no last access and no progress', () => {
    const never = school.students.filter((student) => student.profile === 'never');
    expect(never.length).toBeGreaterThan(0);
    for (const student of never) {
      expect(school.lastAccessAt(student.id, LATE_2026)).toBeNull();
      expect(school.progressAt(student.id, 11, LATE_2026)!.completed).toBe(0);
    }
  });

  it('late starters first access 2-4 weeks after their cohort starts', () => {
    for (const student of school.students.filter((candidate) => candidate.profile === 'late')) {
      const start = Date.parse(`${school.cohorts[student.cohortIndex].start}T03:00:00Z`);
      const first = school.sessionTimesOf(student.id)[0];
      expect(first - start).toBeGreaterThanOrEqual(2 * WEEK_MS);
      expect(first - start).toBeLessThan(4 * WEEK_MS + DAY_MS);
    }
  });

  it('stalled students keep logging in without completing more lessons', () => {
    const stalled = school.students.filter((student) => student.profile === 'stalled');
    for (const student of stalled) {
      const stallAt = school.calendar.startOf(student.stallDay!);
      const later = stallAt + 8 * WEEK_MS;
      const completedAt = (t: number) => TRACKED_PRODUCT_IDS.reduce((sum, id) => sum + school.progressAt(student.id, id, t)!.completed, 0);
      expect(completedAt(later)).toBe(completedAt(stallAt));
      expect(school.lastAccessAt(student.id, later)!).toBeGreaterThan(stallAt);
    }
  });

  it('dropouts stop logging in and later lose access (encerrado)', () => {
    const dropouts = school.students.filter((student) => student.profile === 'dropout');
    for (const student of dropouts) {
      const lastSession = school.sessionTimesOf(student.id).slice(-1)[0];
      expect(school.lastAccessAt(student.id, LATE_2026 + 20 * WEEK_MS)).toBe(lastSession);
      const before = school.accessesAt(student.id, student.accessEndsAt! - 1);
      const after = school.accessesAt(student.id, student.accessEndsAt!);
      expect(before.filter((access) => TRACKED_PRODUCT_IDS.includes(access.product.id)).every((access) => !access.ended)).toBe(true);
      expect(after.filter((access) => TRACKED_PRODUCT_IDS.includes(access.product.id)).every((access) => access.ended)).toBe(true);
      expect(student.accessEndsAt!).toBeGreaterThan(lastSession);
    }
  });

  it('switchers carry the old cohort tag before the switch and only the new one after', () => {
    const switchers = school.students.filter((student) => student.profile === 'switcher');
    expect(switchers.length).toBeGreaterThan(0);
    for (const student of switchers) {
      const oldTag = school.cohorts[student.cohortIndex].tagId;
      const newTag = school.cohorts[student.cohortIndex + 1].tagId;
      const ids = (tag: number, t: number) => school.studentsWithTagAt(tag, t).map((candidate) => candidate.id);
      expect(ids(oldTag, student.switchAt! - 1)).toContain(student.id);
      expect(ids(newTag, student.switchAt! - 1)).not.toContain(student.id);
      expect(ids(oldTag, student.switchAt!)).not.toContain(student.id);
      expect(ids(newTag, student.switchAt!)).toContain(student.id);
    }
  });
});

describe('speed', () => {
  it('answers 5000 students × 3 products × 12 weeks well within a few seconds', () => {
    const school = createSchool({ studentCount: 5000 });
    const started = Date.now();
    const firstWeek = Date.parse('2026-09-07T12:00:00Z');
    for (let week = 0; week < 12; week++) {
      const at = firstWeek + week * WEEK_MS;
      for (const student of school.students) {
        school.lastAccessAt(student.id, at);
        for (const productId of TRACKED_PRODUCT_IDS) school.progressAt(student.id, productId, at);
      }
    }
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
