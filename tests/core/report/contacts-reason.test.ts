// `Motivo` (explainSituation), shared by `Contatos da semana` and the pivots: every reason a
// flagged student gets is a limit of their level that the row's own figures pass.

import { summarizeCohort } from '../../../src/core/report/cohort-history';
import { explainSituation, shownGap } from '../../../src/core/report/situation-reason';
import { A, B, config, SCENARIO, studentWeek, W1, W2, W3, type WeekOf } from './fixtures';

const THRESHOLDS = config().settings;

/** The Motivo of student 1 of cohort `cohort` after `weeks`. */
function reasonOf(weeks: readonly WeekOf[], thresholds = THRESHOLDS, cohort = A): string {
  const rows = weeks.flatMap((week) => studentWeek(1, { cohort: cohort.name, ...week }));
  const student = summarizeCohort(rows, cohort).students[0];
  if (!student) throw new Error('no student');
  return explainSituation(student, thresholds);
}

describe('explainSituation', () => {
  it('is empty for Em dia and names a dropout', () => {
    expect(reasonOf([{ week: W3, progress: [30, 30], situation: 'Em dia', absent: 1 }])).toBe('');
    expect(reasonOf([{ week: W3, progress: [30, 30], situation: 'Desistente', absent: 40 }])).toBe('desistência registrada');
  });

  it('gives every risk limit the figures pass, in one order: absence, stall, points', () => {
    expect(
      reasonOf([
        { week: W1, progress: [5, 5], situation: 'Atrasado', absent: 6 },
        { week: W2, progress: [5, 5], situation: 'Em risco', absent: 13 },
        { week: W3, progress: [5, 5], situation: 'Em risco', absent: 20 },
      ]),
    ).toBe('20 dias sem acesso · sem avanço há 2 semanas · 25 pontos abaixo do esperado');
  });

  it('gives only the limits of the level: a short absence does not explain Em risco, it explains Atrasado', () => {
    const weeks = (situation: 'Em risco' | 'Atrasado'): WeekOf[] => [
      { week: W2, progress: [10, 10], situation: 'Em dia', absent: 1 },
      { week: W3, progress: [5, 5], situation, absent: 8 },
    ];
    expect(reasonOf(weeks('Em risco'))).toBe('25 pontos abaixo do esperado');
    expect(reasonOf(weeks('Atrasado'))).toBe('8 dias sem acesso · 25 pontos abaixo do esperado');
  });

  it('says a student never accessed (their Dias sem acesso is blank) and counts days in the singular', () => {
    expect(reasonOf([{ week: W3, progress: [0, 0], situation: 'Em risco', absent: null }])).toBe('nunca acessou · 30 pontos abaixo do esperado');
    const lenient = { ...THRESHOLDS, warnDaysWithoutAccess: 1 };
    expect(reasonOf([{ week: W3, progress: [30, 30], situation: 'Atrasado', absent: 1 }], lenient)).toBe('1 dia sem acesso');
  });

  it('explains Sem meta by the missing goal, and by the absence when there is one', () => {
    expect(reasonOf([{ week: W3, progress: [20, 20], situation: 'Sem meta', absent: 2 }], THRESHOLDS, B)).toBe('turma sem meta');
    expect(reasonOf([{ week: W3, progress: [20, 20], situation: 'Sem meta', absent: 9 }], THRESHOLDS, B)).toBe('turma sem meta · 9 dias sem acesso');
  });

  it('rounds the points like the columns it is the difference of', () => {
    const rows = studentWeek(1, { week: W3, progress: [12.25, 12.27], situation: 'Atrasado', absent: 1, expected: 30.04 });
    const student = summarizeCohort(rows, A).students[0]!;
    expect(shownGap(student)).toBe(17.7); // 30,0 − 12,3 as shown, not 17,8 (30,04 − 12,26)
    expect(explainSituation(student, THRESHOLDS)).toBe('17,7 pontos abaixo do esperado');
  });

  it('explains every flagged student of the shared scenario with figures of their own row', () => {
    for (const cohort of [A, B]) {
      for (const student of summarizeCohort(SCENARIO, cohort).students) {
        const reason = explainSituation(student, THRESHOLDS);
        const { situation } = student.latest;
        if (situation === 'Em risco' || situation === 'Atrasado') expect(reason).not.toBe('');
        for (const [, days] of reason.matchAll(/(\d+) dias? sem acesso/g)) expect(Number(days)).toBe(student.daysWithoutAccess);
        for (const [, points] of reason.matchAll(/([\d,]+) pontos? abaixo/g)) expect(Number(points.replace(',', '.'))).toBe(shownGap(student));
        for (const [, weeks] of reason.matchAll(/sem avanço há (\d+)/g)) expect(Number(weeks)).toBe(student.weeksWithoutProgress);
      }
    }
  });
});
