// Finding a student for a move or a dropout: by name or e-mail (accents and case ignored) or by id,
// each student once under their latest cohort, names that start with the query first.

import type { HistoryRow } from '../../../src/core/history/schema';
import { searchStudents } from '../../../src/core/students/student-search';

function row(week: string, studentId: number, name: string, email: string, cohort: string, productId = 11): HistoryRow {
  return {
    week,
    cohort,
    studentId,
    name,
    email,
    productId,
    productName: 'Curso',
    progress: 0,
    lessonsCompleted: 0,
    lastAccessAt: null,
    expected: null,
    situation: 'Sem meta',
    origin: 'API',
    collectedAt: 0,
    phone: null,
  };
}

const HISTORY: HistoryRow[] = [
  row('2026-09-14', 1, 'Ana Lúcia Souza', 'ana@escola.com', 'Turma B'),
  row('2026-09-07', 1, 'Ana Lúcia Souza', 'ana@escola.com', 'Turma A'),
  row('2026-09-14', 1, 'Ana Lúcia Souza', 'ana@escola.com', 'Turma B', 12),
  row('2026-09-14', 2, 'Luciana Alves', 'lu@escola.com', 'Turma A'),
  row('2026-09-14', 3, 'Bruno Lima', 'bruno.luz@escola.com', 'Turma A'),
  row('2026-09-14', 4, 'Lucas Prado', 'lucas@escola.com', 'Turma C'),
];

describe('searchStudents', () => {
  it('ranks a name that starts with the query, then one that contains it, then an e-mail; accents and case ignored', () => {
    expect(searchStudents(HISTORY, 'LUC').map((match) => match.name)).toEqual(['Lucas Prado', 'Luciana Alves', 'Ana Lúcia Souza']);
    expect(searchStudents(HISTORY, 'luz').map((match) => match.name)).toEqual(['Bruno Lima']);
  });

  it('gives each student once, under the cohort of their latest week', () => {
    expect(searchStudents(HISTORY, 'ana l')).toEqual([{ studentId: 1, name: 'Ana Lúcia Souza', email: 'ana@escola.com', cohort: 'Turma B' }]);
  });

  it('finds a student by id, ignores queries under two characters and keeps to the limit', () => {
    expect(searchStudents(HISTORY, ' 3 ')).toEqual([]);
    expect(searchStudents([...HISTORY, row('2026-09-14', 42, 'Zé', 'ze@escola.com', 'Turma A')], '42').map((match) => match.studentId)).toEqual([42]);
    expect(searchStudents(HISTORY, 'a')).toEqual([]);
    expect(searchStudents(HISTORY, 'escola', 2)).toHaveLength(2);
    expect(searchStudents(HISTORY, 'ninguém')).toEqual([]);
  });
});
