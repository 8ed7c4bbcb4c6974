// The bad-input catalogue: every kind of bad value a coordinator can type into the config sheets gets
// a clear message at its cell, and the other cohorts still sync.

import { annotateConfigIssues, loadConfig } from '../../../src/core/config/load-config';
import { ensureConfigSheets } from '../../../src/core/config/templates';
import { describeIssue } from '../../../src/core/model/issues';
import { COHORT_HEADERS, GOAL_HEADERS, SHEET } from '../../../src/core/sheets';
import { startWeekRun } from '../../../src/core/sync/week-run';
import { epochOfWallTime } from '../../../src/core/time/zoned';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';

const VALID: Cell[] = ['Turma Válida', 101, '2026-07-06', '11,12,13', 'Padrão', 'ana@escola.com', 'Sim'];
const column = (name: (typeof COHORT_HEADERS)[number]) => COHORT_HEADERS.indexOf(name);
const withCell = (name: (typeof COHORT_HEADERS)[number], value: Cell, base: Cell[] = ['Turma Ruim', 102, '2026-08-03', '11', '', '', 'Sim']) => {
  const row = [...base];
  row[column(name)] = value;
  return row;
};

/** [what a person typed, the row, the column the message must sit on, what the message says]. */
const CATALOGUE: [string, Cell[], (typeof COHORT_HEADERS)[number], RegExp][] = [
  ['empty name', withCell('Turma', ''), 'Turma', /vazia/],
  ['duplicate cohort', withCell('Turma', 'turma válida'), 'Turma', /nome repetido/],
  ['name with control characters', withCell('Turma', 'Turma\u0007X'), 'Turma', /caracteres de controle/],
  ['very long text', withCell('Turma', 'T'.repeat(500)), 'Turma', /500 caracteres; o máximo é 200/],
  ['tag as words', withCell('Tag ID', 'cento e um'), 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
  ['negative tag', withCell('Tag ID', -5), 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
  ['fractional tag', withCell('Tag ID', 10.5), 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
  ['formula typed into a cell', withCell('Tag ID', '=A1+1'), 'Tag ID', /não é um ID de tag \(número inteiro positivo na API v1, tag_… na v3\)/],
  ['tag shared by two active cohorts', withCell('Tag ID', 101), 'Tag ID', /já é da turma ativa "Turma Válida"/],
  ['impossible date', withCell('Início', '2026-02-30'), 'Início', /não é uma data válida/],
  ['date in words', withCell('Início', 'setembro'), 'Início', /não é uma data válida/],
  ['product list with words', withCell('Produtos', '11, doze'), 'Produtos', /"doze" não é um ID de produto/],
  ['product list turned into a decimal', withCell('Produtos', 11.12), 'Produtos', /converteu a lista em número/],
  ['unknown goal track', withCell('Meta', 'Turbo'), 'Meta', /meta "Turbo" não existe/],
  ['tutor that is not an e-mail', withCell('Tutor', 'Ana'), 'Tutor', /não é um e-mail/],
  ['active flag that is not yes/no', withCell('Ativa', 'talvez'), 'Ativa', /deve ser Sim ou Não/],
];

function workbookWith(rows: Cell[][], goals?: Cell[][]): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], VALID, ...rows] });
  if (goals) workbook.writeSheet(SHEET.goals, { rows: [[...GOAL_HEADERS], ...goals] });
  return workbook;
}

describe('bad input catalogue (Turmas)', () => {
  it.each(CATALOGUE)('%s: flagged at its cell, the valid cohort still loads', (_what, row, columnName, message) => {
    const workbook = workbookWith([row]);
    const config = loadConfig(workbook);
    const issue = config.issues.find((candidate) => candidate.sheet === SHEET.cohorts && candidate.row === 2 && candidate.columnName === columnName);
    expect(issue).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(describeIssue(issue!)).toMatch(new RegExp(`^Turmas, linha 3, coluna ${columnName}: `));
    expect(config.cohorts.map((cohort) => cohort.name)).toEqual(['Turma Válida']);
    annotateConfigIssues(workbook, config.issues);
    expect(workbook.sheet(SHEET.cohorts)!.notes).toContainEqual({ row: 2, column: column(columnName), message: issue!.message });
  });

  it('Unicode names are accepted as they are', () => {
    const config = loadConfig(workbookWith([withCell('Turma', 'Turma São João 🎓 — 2026')]));
    expect(config.cohorts.map((cohort) => cohort.name)).toContain('Turma São João 🎓 — 2026');
  });

  it('a start in the future is said at the cell when the run starts, and the cohort waits', () => {
    const workbook = workbookWith([withCell('Início', '2027-01-04')]);
    const now = epochOfWallTime({ year: 2026, month: 11, day: 23, hour: 6, minute: 0, second: 0 }, 'America/Sao_Paulo');
    const { job } = startWeekRun(workbook, { now, target: { baseUrl: 'https://x.cademi.com.br/api/v1', token: 't' }, runId: 'r' });
    expect(workbook.sheet(SHEET.cohorts)!.notes).toContainEqual({
      row: 2,
      column: column('Início'),
      message: expect.stringMatching(/começa em 04\/01\/2027, no futuro/),
    });
    expect(job.warnings.join(' ')).toMatch(/começa em 04\/01\/2027/);
  });
});

describe('bad input catalogue (Metas and Configuração)', () => {
  it('a goal track that decreases, an absurd percentage and a fractional week are refused at their cells', () => {
    const workbook = workbookWith(
      [],
      [
        ['Lenta', 0, 0],
        ['Lenta', 4, 30],
        ['Lenta', 8, 20],
        ['Absurda', 2, 150],
        ['Fração', 1.5, 10],
      ],
    );
    const config = loadConfig(workbook);
    const goalIssues = config.issues.filter((issue) => issue.sheet === SHEET.goals);
    expect(goalIssues.map((issue) => [issue.row, issue.columnName])).toEqual(
      expect.arrayContaining([
        [3, 'Esperado (%)'],
        [4, 'Esperado (%)'],
        [5, 'Semana'],
      ]),
    );
    expect(goalIssues.find((issue) => issue.row === 3)!.message).toMatch(/diminui de 30% .* para 20%/);
    expect([...config.goalTracks.keys()]).toEqual([]);
  });

  it('a bad setting keeps its default, is flagged, and never stops the run', () => {
    const workbook = workbookWith([]);
    const settings = workbook.readSheet(SHEET.settings)!;
    const rate = settings.findIndex((row) => row[0] === 'Requisições por segundo');
    settings[rate][1] = 50;
    const zone = settings.findIndex((row) => row[0] === 'Fuso horário');
    settings[zone][1] = 'Marte/Olympus';
    workbook.writeSheet(SHEET.settings, { rows: settings });
    const config = loadConfig(workbook);
    expect(config.settings.requestsPerSecond).toBe(2);
    expect(config.settings.timeZone).toBe('America/Sao_Paulo');
    expect(config.issues.filter((issue) => issue.sheet === SHEET.settings).map((issue) => issue.row)).toEqual([rate, zone].sort((a, b) => a - b));
  });
});
