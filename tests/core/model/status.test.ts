import { DEFAULT_SETTINGS, type Thresholds } from '../../../src/core/model/settings';
import { classifyStudent, type StudentWeek } from '../../../src/core/model/status';

// Defaults: warn 7 days, risk 14 days, late 10 pp, risk 25 pp, stalled 2 weeks, grace 7 days.
const T: Thresholds = DEFAULT_SETTINGS;
const onTrack: StudentWeek = { progress: 50, expected: 50, daysWithoutAccess: 1, weeksWithoutProgress: 0, daysInCohort: 60, droppedOut: false };
const classify = (overrides: Partial<StudentWeek>, thresholds: Thresholds = T) => classifyStudent({ ...onTrack, ...overrides }, thresholds);

describe('classifyStudent', () => {
  it('is Em dia with no reasons when on pace and active', () => {
    expect(classify({})).toEqual({ situation: 'Em dia', reasons: [] });
    expect(classify({ progress: 60 })).toEqual({ situation: 'Em dia', reasons: [] });
  });

  describe('Atrasado', () => {
    it('from the warning absence threshold (inclusive)', () => {
      expect(classify({ daysWithoutAccess: 6 }).situation).toBe('Em dia');
      expect(classify({ daysWithoutAccess: 7 })).toEqual({ situation: 'Atrasado', reasons: ['7 dias sem acesso'] });
      expect(classify({ daysWithoutAccess: 13 }).situation).toBe('Atrasado');
    });

    it('from the late gap (inclusive), with the gap in Brazilian notation', () => {
      expect(classify({ progress: 40.5 }).situation).toBe('Em dia'); // 9.5 pp
      expect(classify({ progress: 40 })).toEqual({ situation: 'Atrasado', reasons: ['10 pp abaixo da meta'] });
      expect(classify({ progress: 37.5 })).toEqual({ situation: 'Atrasado', reasons: ['12,5 pp abaixo da meta'] });
    });

    it('lists both reasons', () => {
      expect(classify({ progress: 35, daysWithoutAccess: 8 })).toEqual({ situation: 'Atrasado', reasons: ['8 dias sem acesso', '15 pp abaixo da meta'] });
    });
  });

  describe('Em risco', () => {
    it('from the risk absence threshold', () => {
      expect(classify({ daysWithoutAccess: 14 })).toEqual({ situation: 'Em risco', reasons: ['14 dias sem acesso'] });
    });

    it('from the risk gap', () => {
      expect(classify({ progress: 25 })).toEqual({ situation: 'Em risco', reasons: ['25 pp abaixo da meta'] });
    });

    it('when stalled for the configured number of weeks', () => {
      expect(classify({ weeksWithoutProgress: 1 }).situation).toBe('Em dia');
      expect(classify({ weeksWithoutProgress: 2 })).toEqual({ situation: 'Em risco', reasons: ['0 pp em 2 semanas'] });
    });

    it('wins over Atrasado and lists only the risk reasons', () => {
      // 8 days absent alone is Atrasado; a 30 pp gap makes it Em risco.
      expect(classify({ daysWithoutAccess: 8, progress: 20 })).toEqual({ situation: 'Em risco', reasons: ['30 pp abaixo da meta'] });
    });

    it('lists every risk reason in order: absence, stall, gap', () => {
      expect(classify({ daysWithoutAccess: 30, weeksWithoutProgress: 4, progress: 10 })).toEqual({
        situation: 'Em risco',
        reasons: ['30 dias sem acesso', '0 pp em 4 semanas', '40 pp abaixo da meta'],
      });
    });
  });

  describe('students who never accessed', () => {
    it('count their days in the cohort as days without access', () => {
      expect(classify({ daysWithoutAccess: null, progress: 50, daysInCohort: 10 })).toEqual({ situation: 'Atrasado', reasons: ['nunca acessou'] });
      expect(classify({ daysWithoutAccess: null, progress: 50, daysInCohort: 20 })).toEqual({ situation: 'Em risco', reasons: ['nunca acessou'] });
    });

    it('are not judged during the grace period', () => {
      expect(classify({ daysWithoutAccess: null, progress: 0, expected: 5, daysInCohort: 3 })).toEqual({
        situation: 'Em dia',
        reasons: ['na turma há 3 dias (carência)'],
      });
    });
  });

  describe('grace period', () => {
    it('shields newcomers from every rule but dropout, until graceDays (exclusive)', () => {
      const bad = { progress: 0, expected: 80, daysWithoutAccess: 30, weeksWithoutProgress: 5 };
      expect(classify({ ...bad, daysInCohort: 6 })).toEqual({ situation: 'Em dia', reasons: ['na turma há 6 dias (carência)'] });
      expect(classify({ ...bad, daysInCohort: 7 }).situation).toBe('Em risco');
    });

    it('shows a negative day count as 0 and keeps Sem meta for cohorts without a goal', () => {
      expect(classify({ daysInCohort: -2, expected: null })).toEqual({ situation: 'Sem meta', reasons: ['na turma há 0 dias (carência)'] });
    });

    it('is off when graceDays is 0', () => {
      expect(classify({ daysInCohort: 0, daysWithoutAccess: 30 }, { ...T, graceDays: 0 }).situation).toBe('Em risco');
    });
  });

  it('Desistente comes first, even in the grace period', () => {
    expect(classify({ droppedOut: true, daysInCohort: 1 })).toEqual({ situation: 'Desistente', reasons: ['desistência registrada'] });
    expect(classify({ droppedOut: true, progress: 0, daysWithoutAccess: 90 }).situation).toBe('Desistente');
  });

  describe('cohorts without a goal track (Sem meta)', () => {
    it('are Sem meta when otherwise fine, and never Atrasado', () => {
      expect(classify({ expected: null })).toEqual({ situation: 'Sem meta', reasons: [] });
      expect(classify({ expected: null, progress: 0, daysWithoutAccess: 10 })).toEqual({ situation: 'Sem meta', reasons: [] });
    });

    it('can still be Em risco for absence or a stall, but not for a gap', () => {
      expect(classify({ expected: null, daysWithoutAccess: 20 })).toEqual({ situation: 'Em risco', reasons: ['20 dias sem acesso'] });
      expect(classify({ expected: null, weeksWithoutProgress: 3 })).toEqual({ situation: 'Em risco', reasons: ['0 pp em 3 semanas'] });
    });
  });

  it('does not call a student who completed everything stalled', () => {
    expect(classify({ progress: 100, expected: 100, weeksWithoutProgress: 10 })).toEqual({ situation: 'Em dia', reasons: ['concluiu os produtos'] });
    expect(classify({ progress: 100, expected: 100, daysWithoutAccess: 40 }).situation).toBe('Em dia');
    expect(classify({ progress: 99.9, expected: 100, weeksWithoutProgress: 10 }).situation).toBe('Em risco');
  });

  it('follows custom thresholds', () => {
    const strict: Thresholds = { ...T, warnDaysWithoutAccess: 2, riskDaysWithoutAccess: 4, latePoints: 1, riskPoints: 5, stalledWeeks: 1 };
    expect(classify({ daysWithoutAccess: 2 }, strict).situation).toBe('Atrasado');
    expect(classify({ daysWithoutAccess: 4 }, strict).situation).toBe('Em risco');
    expect(classify({ progress: 49 }, strict).situation).toBe('Atrasado');
    expect(classify({ weeksWithoutProgress: 1 }, strict).situation).toBe('Em risco');
  });
});
