// Counts agree with their nouns ("1 aluno", "3 alunos"): one helper (numbers.ts), and no message in
// the catalogue falls back on "aluno(s)".

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsBlockPush } from '../../../src/core/messages/deploy';
import { tutorMailSubject } from '../../../src/core/messages/mail';
import { countOf, plural } from '../../../src/core/messages/numbers';
import { daysWithoutAccess, runProgressText, studentsFound, studentsWithEndedAccess } from '../../../src/core/messages/sidebar';
import { noRowsCollected, orphanedNotes, studentsInSeveralCohorts, unreadableHistoryRows } from '../../../src/core/messages/sync';

const CATALOGUE = join(__dirname, '../../../src/core/messages');

describe('plurals', () => {
  it('uses the singular for exactly one and the plural otherwise, zero included', () => {
    expect([0, 1, 2, -1].map((count) => plural(count, 'aluno', 'alunos'))).toEqual(['alunos', 'aluno', 'alunos', 'aluno']);
    expect(countOf(1, 'aluno', 'alunos')).toBe('1 aluno');
    expect(countOf(1500, 'aluno', 'alunos')).toBe('1.500 alunos');
  });

  it('makes the sidebar, the run and the e-mail agree with their counts', () => {
    expect(studentsFound(1)).toBe('1 aluno encontrado.');
    expect(studentsFound(3)).toBe('3 alunos encontrados.');
    expect(studentsWithEndedAccess(1)).toBe('1 aluno com acesso encerrado.');
    expect(studentsWithEndedAccess(2)).toBe('2 alunos com acesso encerrado.');
    expect(daysWithoutAccess(1)).toBe('1 dia sem acessar');
    expect(runProgressText('Em andamento', null, 0, 1, '')).toBe('Em andamento · 0/1 aluno');
    expect(runProgressText('Em andamento', null, 1200, 1500, '')).toBe('Em andamento · 1.200/1.500 alunos');
    expect(tutorMailSubject(1, '23/11/2026')).toBe('Progresso Cademi: 1 aluno para contatar (semana de 23/11/2026)');
    expect(problemsBlockPush(['a'])).toMatch(/^1 problema impede o envio:/);
    expect(problemsBlockPush(['a', 'b'])).toMatch(/^2 problemas impedem o envio:/);
    expect(noRowsCollected(1)).toMatch(/^1 aluno listado, mas/);
    expect(studentsInSeveralCohorts(1)).toBe('1 aluno aparece em mais de uma turma ativa; contado na turma mais recente.');
    expect(studentsInSeveralCohorts(2)).toBe('2 alunos aparecem em mais de uma turma ativa; contados na turma mais recente.');
    expect(unreadableHistoryRows(1, [2])).toBe('1 linha do Histórico não pôde ser lida (linha 2); ficou como está e não entra nas contas.');
    expect(unreadableHistoryRows(5, [2, 3, 4])).toBe(
      '5 linhas do Histórico não puderam ser lidas (linhas 2, 3, 4…); ficaram como estão e não entram nas contas.',
    );
    expect(orphanedNotes(['Obs'], [{ row: 2, studentId: 1, productId: 9 }], 'W')).toContain('anotações na coluna "Obs" em');
    expect(orphanedNotes(['A', 'B'], [{ row: 2, studentId: 1, productId: 9 }], 'W')).toContain('anotações nas colunas "A", "B" em');
  });

  it('finds no "(s)"-style plural left in the catalogue', () => {
    const files = readdirSync(CATALOGUE).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) =>
      readFileSync(join(CATALOGUE, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
        // Comments may name the pattern; code lines may not hold it.
        .filter(({ line }) => !/^\s*(?:\/\/|\*|\/\*)/.test(line) && /\p{L}\((?:s|es|ns|is|ões|ães|a|o)\)/u.test(line)),
    );
    expect(found.map(({ where, line }) => `${where}: ${line.trim()}`)).toEqual([]);
  });
});
