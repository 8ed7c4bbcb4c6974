import { parseCohortsSheet } from '../../../src/core/config/cohorts-sheet';
import { parseGoalsSheet } from '../../../src/core/config/goals-sheet';
import { annotateConfigIssues, loadConfig } from '../../../src/core/config/load-config';
import { parseSettingsSheet } from '../../../src/core/config/settings-sheet';
import { cohortRow, cohortsTemplate, ensureConfigSheets, goalsTemplate, settingsTemplate } from '../../../src/core/config/templates';
import { DEFAULT_GOAL_TRACK } from '../../../src/core/model/goals';
import { ConfigError, type ConfigIssue, describeIssue } from '../../../src/core/model/issues';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { COHORT_HEADERS } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

const issue = (overrides: Partial<ConfigIssue>): ConfigIssue => ({
  sheet: 'Turmas',
  row: 3,
  column: 1,
  columnName: 'Tag ID',
  severity: 'error',
  message: 'está vazia',
  ...overrides,
});

describe('describeIssue and ConfigError', () => {
  it('names the sheet, the 1-based row and the column', () => {
    expect(describeIssue(issue({}))).toBe('Turmas, linha 4, coluna Tag ID: está vazia');
    expect(describeIssue(issue({ row: 0, column: 0, columnName: 'Produtos', message: 'cabeçalho ausente: Produtos' }))).toBe(
      'Turmas, linha 1, coluna Produtos: cabeçalho ausente: Produtos',
    );
  });

  it('names only the sheet for a sheet-level issue', () => {
    expect(describeIssue(issue({ row: -1, column: -1, columnName: '', message: 'aba não encontrada' }))).toBe('Turmas: aba não encontrada');
  });

  it('joins all issues into its message', () => {
    const error = new ConfigError([issue({}), issue({ sheet: 'Metas', row: -1, message: 'x' })]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe('Turmas, linha 4, coluna Tag ID: está vazia; Metas: x');
    expect(error.issues).toHaveLength(2);
  });
});

describe('templates', () => {
  it('settings template reads back as the defaults, without issues', () => {
    expect(parseSettingsSheet(settingsTemplate().rows.map((row) => [...row]))).toEqual({ settings: DEFAULT_SETTINGS, issues: [], apiUrl: { state: 'empty' } });
  });

  it('goals template reads back as the default track', () => {
    const { tracks, issues } = parseGoalsSheet(goalsTemplate().rows.map((row) => [...row]));
    expect(issues).toEqual([]);
    expect(tracks.get(DEFAULT_GOAL_TRACK.name)).toEqual(DEFAULT_GOAL_TRACK);
  });

  it('cohorts template is just the header', () => {
    expect(cohortsTemplate().rows).toEqual([[...COHORT_HEADERS]]);
  });

  it('cohortRow writes a row that reads back as the same cohort', () => {
    const cohort = {
      name: 'Turma Ω',
      tagId: 9,
      start: '2026-09-01',
      productIds: [11, 12],
      goalTrack: 'Padrão',
      tutorEmail: 'a@b.co',
      tutorName: 'Ana Ω',
      active: false,
    };
    const bare = { ...cohort, goalTrack: null, tutorEmail: null, tutorName: null, active: true, name: 'Outra', tagId: 10 };
    const tracks = new Map([[DEFAULT_GOAL_TRACK.name, DEFAULT_GOAL_TRACK]]);
    const { cohorts, issues } = parseCohortsSheet([[...COHORT_HEADERS], cohortRow(cohort), cohortRow(bare)], tracks);
    // The cohort without a goal reads back whole; only its Meta cell is flagged.
    expect(issues).toEqual([expect.objectContaining({ row: 2, columnName: 'Meta', severity: 'warning' })]);
    expect(cohorts).toEqual([
      { ...cohort, sheetRow: 1 },
      { ...bare, sheetRow: 2 },
    ]);
  });
});

describe('ensureConfigSheets', () => {
  it('creates all three sheets in an empty workbook', () => {
    const workbook = new MemoryWorkbook();
    expect(ensureConfigSheets(workbook).sort()).toEqual(['Configuração', 'Metas', 'Turmas']);
    expect(workbook.sheet('Turmas')?.frozenRows).toBe(1);
    expect(loadConfig(workbook)).toMatchObject({ settings: DEFAULT_SETTINGS, cohorts: [], issues: [] });
  });

  it('never overwrites a sheet that exists, and creates only the missing ones', () => {
    const workbook = new MemoryWorkbook();
    const typed = [
      ['Meta', 'Semana', 'Esperado (%)'],
      ['Minha', 0, 5],
    ];
    workbook.writeSheet('Metas', { rows: typed });
    workbook.writeSheet('Configuração', { rows: [['qualquer coisa']] });
    expect(ensureConfigSheets(workbook)).toEqual(['Turmas']);
    expect(workbook.readSheet('Metas')).toEqual(typed);
    expect(workbook.readSheet('Configuração')).toEqual([['qualquer coisa']]);
    expect(ensureConfigSheets(workbook)).toEqual([]);
  });
});

describe('loadConfig', () => {
  function schoolWorkbook(): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet('Configuração', {
      rows: [
        ['Chave', 'Valor'],
        ['Fuso horário', 'UTC'],
        ['Chave inventada', 1],
      ],
    });
    workbook.writeSheet('Metas', {
      rows: [
        ['Meta', 'Semana', 'Esperado (%)'],
        ['Rápida', 0, 0],
        ['Rápida', 4, 100],
        ['Caindo', 0, 50],
        ['Caindo', 1, 10],
      ],
    });
    workbook.writeSheet('Turmas', {
      rows: [
        [...COHORT_HEADERS],
        ['A', 1, '2026-09-01', '11', 'Rápida', '', 'Sim'],
        ['B', 2, '2026-09-01', '11', 'Caindo', '', 'Sim'], // refers to a refused track
        ['C', 'x', '2026-09-01', '11', '', '', 'Sim'],
      ],
    });
    return workbook;
  }

  it('links cohorts to valid tracks and gathers the issues of all three sheets', () => {
    const config = loadConfig(schoolWorkbook());
    expect(config.settings.timeZone).toBe('UTC');
    expect([...config.goalTracks.keys()]).toEqual(['Rápida']);
    expect(config.cohorts.map((c) => c.name)).toEqual(['A']);
    expect(config.issues.map((i) => `${i.sheet}:${i.row}:${i.columnName}`)).toEqual([
      'Configuração:2:Chave',
      'Metas:4:Esperado (%)',
      'Turmas:2:Meta',
      'Turmas:3:Tag ID',
    ]);
  });

  it('reports missing sheets: defaults for settings, an error for Turmas', () => {
    const config = loadConfig(new MemoryWorkbook());
    expect(config.settings).toEqual(DEFAULT_SETTINGS);
    expect(config.issues).toEqual([
      expect.objectContaining({ sheet: 'Configuração', row: -1, severity: 'warning' }),
      expect.objectContaining({ sheet: 'Turmas', row: -1, severity: 'error' }),
    ]);
  });
});

describe('annotateConfigIssues', () => {
  it('puts each issue on its cell, per sheet, leaving out sheet-level issues', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet('Turmas', { rows: [[...COHORT_HEADERS]] });
    workbook.writeSheet('Metas', { rows: [['Meta']] });
    annotateConfigIssues(workbook, [
      issue({ row: 3, column: 1, message: 'tag ruim' }),
      issue({ row: 5, column: 6, columnName: 'Ativa', message: 'ativa ruim' }),
      issue({ row: 0, column: 0, message: 'cabeçalho ausente' }),
      issue({ row: -1, column: -1, message: 'aba toda' }),
      issue({ sheet: 'Metas', row: 2, column: 2, message: 'diminui' }),
      issue({ sheet: 'Configuração', row: 1, column: 1, message: 'sem aba: ignorado' }),
    ]);
    expect(workbook.sheet('Turmas')?.notes).toEqual([
      { row: 3, column: 1, message: 'tag ruim' },
      { row: 5, column: 6, message: 'ativa ruim' },
      { row: 0, column: 0, message: 'cabeçalho ausente' },
    ]);
    expect(workbook.sheet('Metas')?.notes).toEqual([{ row: 2, column: 2, message: 'diminui' }]);
    expect(workbook.sheetNames()).not.toContain('Configuração');
  });

  it("clears last run's notes when the issues are fixed", () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet('Turmas', { rows: [[...COHORT_HEADERS]] });
    annotateConfigIssues(workbook, [issue({})]);
    expect(workbook.sheet('Turmas')?.notes).toHaveLength(1);
    annotateConfigIssues(workbook, []);
    expect(workbook.sheet('Turmas')?.notes).toEqual([]);
  });

  it('annotates the cells loadConfig found broken', () => {
    const workbook = new MemoryWorkbook();
    ensureConfigSheets(workbook);
    workbook.replaceRowsFrom('Turmas', 1, [['A', 1, '2026-09-01', 'abc', '', '', 'Sim']]);
    annotateConfigIssues(workbook, loadConfig(workbook).issues);
    expect(workbook.sheet('Turmas')?.notes).toEqual([
      { row: 1, column: 3, message: '"abc" não é um ID de produto (número inteiro positivo na API v1, prd_… na v3)' },
    ]);
    expect(workbook.sheet('Configuração')?.notes).toEqual([]);
  });
});
