// Issue 13, parts 2, 9 and 10 in the catalogue: the sentences the CLI and the run log say show dates
// as dd/mm/aaaa, agree in number ("1 aluno para contatar"), and call a value carried forward without
// a call by one word everywhere, `mantido` (Histórico's Origem = Mantido), the README included.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { weekInStreamingBuffer } from '../../src/core/messages/bigquery';
import {
  badDateOption,
  bigQueryWeekCopied,
  cohortAdded,
  cohortListLine,
  demoFinished,
  demoStarted,
  filesWritten,
  studentDroppedOut,
  studentMoved,
  studentsToContact,
  weekSummary,
} from '../../src/core/messages/cli';
import { weeksArchived } from '../../src/core/messages/history';
import { runCompletedToast, runContinuingToast, runPausedToast } from '../../src/core/messages/menu';
import {
  apiPausePastWeek,
  cohortStartsLater,
  futureStartNote,
  noCohortToCollect,
  orphanedNotes,
  weekCompleted,
  weekEndedUnfinished,
} from '../../src/core/messages/sync';
import { RUN_LOG_HEADERS } from '../../src/core/runlog/run-log';
import { ROOT } from './support/cli-harness';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The text of every string and template literal of a source file (what a person may read), by the TypeScript parser. */
function stringsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const WEEK = '2026-09-14';
const SHOWN = '14/09/2026';

describe('dates the CLI and the run log say', () => {
  const sentences: [string, string][] = [
    ['weekSummary', weekSummary(WEEK, { cohorts: 1, students: 1, rows: 1, calls: 1, carried: 1 }, { realMs: 1000 })],
    ['cohortAdded', cohortAdded('T', 101, WEEK, [11])],
    ['cohortListLine', cohortListLine({ name: 'T', tagId: 1, start: WEEK, productIds: [11], goalTrack: null, tutorEmail: null, active: true })],
    ['studentMoved', studentMoved('Ana', 1, 'A', 'B', WEEK)],
    ['studentDroppedOut', studentDroppedOut('Ana', 1, WEEK)],
    ['demoStarted', demoStarted(5, 12, WEEK)],
    ['bigQueryWeekCopied', bigQueryWeekCopied(WEEK, 10, 2)],
    ['cohortStartsLater', cohortStartsLater('T', WEEK)],
    ['futureStartNote', futureStartNote(WEEK)],
    ['noCohortToCollect', noCohortToCollect(WEEK)],
    ['weekCompleted', weekCompleted(WEEK, 10, 20)],
    ['weekEndedUnfinished', weekEndedUnfinished(WEEK, 20)],
    ['apiPausePastWeek', apiPausePastWeek(3_600_000, 'GET /x', WEEK)],
    ['orphanedNotes', orphanedNotes(['Obs'], [{ row: 2, studentId: 1, productId: 11 }], WEEK)],
    ['runCompletedToast', runCompletedToast(WEEK, 10, 20, 5)],
    ['runPausedToast', runPausedToast(WEEK, 1, 2)],
    ['runContinuingToast', runContinuingToast(WEEK)],
    ['weekInStreamingBuffer', weekInStreamingBuffer(WEEK, 'p.d.t')],
    ['weeksArchived', weeksArchived(['2026-01-05', WEEK], 100, 'memória')],
  ];

  it.each(sentences)('%s shows the date as dd/mm/aaaa', (_name, sentence) => {
    expect(sentence).not.toMatch(ISO_DATE);
    expect(sentence).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('a bad date option says both forms it accepts', () => {
    expect(badDateOption('--date', 'ontem')).toBe('--date "ontem" não é uma data válida; use DD/MM/AAAA (ex.: 21/09/2026) ou AAAA-MM-DD');
    expect(weekCompleted(WEEK, 1, 1)).toBe(`Semana ${SHOWN} concluída: 1 aluno, 1 chamada`);
  });
});

describe('counts agree in number', () => {
  it('students to contact: none, one, many', () => {
    expect(studentsToContact(0, 'Contatos da semana')).toBe('Nenhum aluno para contatar nesta semana (aba Contatos da semana).');
    expect(studentsToContact(1, 'Contatos da semana')).toBe('1 aluno para contatar nesta semana (aba Contatos da semana).');
    expect(studentsToContact(1500, 'Contatos da semana')).toBe('1.500 alunos para contatar nesta semana (aba Contatos da semana).');
  });

  it('the week and the demo lines', () => {
    expect(weekSummary(WEEK, { cohorts: 1, students: 1, rows: 1, calls: 1, carried: 1 }, { realMs: 1000 })).toBe(
      `Semana ${SHOWN}: 1 turma, 1 aluno, 1 linha; 1 chamada, 1 valor mantido sem chamada (Origem = Mantido); 1,0 s`,
    );
    expect(demoStarted(1, 1, WEEK)).toBe(`Demonstração: simulador Cademi embutido, 1 turma, 1 semana a partir de ${SHOWN}.`);
  });

  it('the files written, with the archive when old weeks moved there', () => {
    expect(filesWritten({ workbook: 'escola.xlsx', preview: 'escola.html', archive: null })).toBe('Gravado: escola.xlsx, a prévia escola.html.');
    expect(filesWritten({ workbook: 'escola.xlsx', preview: 'escola.html', archive: 'escola-arquivo.xlsx' })).toBe(
      'Gravado: escola.xlsx, a prévia escola.html e o arquivo de semanas antigas escola-arquivo.xlsx.',
    );
  });
});

describe('one word for values carried forward without a call: mantido', () => {
  /** Words sentences once used for the same thing ("375 evitadas pela regra incremental"). */
  const SYNONYMS = /evitad[ao]s?|reaproveitad|(valor|valores|progresso)\s+(repetid|copiad|carregad|reutilizad)|sem nova chamada|\bcarried\b/i;
  const catalogue = readdirSync(join(ROOT, 'src/core/messages'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, stringsIn(join(ROOT, 'src/core/messages', name))] as const);

  it('every message says mantido(s), the word of Histórico and Execuções', () => {
    const sentences = [
      weekSummary(WEEK, { cohorts: 2, students: 2, rows: 6, calls: 4, carried: 2 }, { realMs: 1 }),
      demoFinished({ historyRows: 6, historySheet: 'Histórico', calls: 4, carried: 2, simulatedApiMs: 1, requestsPerSecond: 2, realMs: 1 }),
      runCompletedToast(WEEK, 2, 4, 2),
    ];
    for (const sentence of sentences) expect(sentence).toMatch(/2 valores mantidos/);
    expect(RUN_LOG_HEADERS).toContain('Mantidos');
  });

  it.each(catalogue)('%s uses no other word for it', (_name, strings) => {
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.filter((text) => SYNONYMS.test(text))).toEqual([]);
  });

  it('the README uses it too', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/evitadas|evitad[ao]s? pela regra/);
    expect(readme).toMatch(/valores mantidos sem chamada/);
    expect(readme).toMatch(/`Mantido`/);
  });
});
