import {
  chartSheetName,
  cohortNameWithoutPrefix,
  cohortTitleName,
  isOwnedReportSheet,
  orphanReportSheets,
  pivotSheetName,
  reportSheetNames,
  SHEET_NAME_MAX,
} from '../../../src/core/identity/sheet-names';

describe('report sheet names', () => {
  it('prefixes the cohort name', () => {
    expect(pivotSheetName('2026.1 Noite')).toBe('Turma 2026.1 Noite');
    expect(chartSheetName('2026.1 Noite')).toBe('Gráficos 2026.1 Noite');
  });

  it('never doubles "Turma": a cohort named "Turma …" (any case) is its own pivot tab; its charts keep the whole name', () => {
    expect(pivotSheetName('Turma 2026-09')).toBe('Turma 2026-09');
    expect(chartSheetName('Turma 2026-09')).toBe('Gráficos Turma 2026-09');
    expect(pivotSheetName('  TURMA   Noite ')).toBe('Turma Noite');
    expect(pivotSheetName('turma manhã')).toBe('Turma manhã');
    expect(pivotSheetName('Turma')).toBe('Turma');
    // Only the word: "Turmas" and "Turma2026" are names like any other.
    expect(pivotSheetName('Turmas')).toBe('Turma Turmas');
    expect(pivotSheetName('Turma2026')).toBe('Turma Turma2026');
    expect(pivotSheetName('Turma Programação Full Stack Avançada')).toBe('Turma Programação Full Stack Av');
    expect(['Turma 2026-09', 'Turma', 'Gráficos Turma 2026-09'].every(isOwnedReportSheet)).toBe(true);
  });

  it('keeps "A" and "Turma A" apart: the first in Turmas order keeps the plain tab', () => {
    const result = reportSheetNames(['A', 'Turma A']);
    expect(result.get('A')).toEqual({ pivot: 'Turma A', charts: 'Gráficos A' });
    expect(result.get('Turma A')).toEqual({ pivot: 'Turma A ~2', charts: 'Gráficos Turma A' });
  });

  it('names the cohort in titles as "Turma …" once, whole', () => {
    expect(cohortTitleName('2026-09')).toBe('Turma 2026-09');
    expect(cohortTitleName(' Turma 2026-09 ')).toBe('Turma 2026-09');
    expect(cohortTitleName('Turma')).toBe('Turma');
    expect(cohortTitleName('Programação Full Stack Avançada 2026 Noite')).toBe('Turma Programação Full Stack Avançada 2026 Noite');
  });

  it('drops a leading "Turma" for titles that say "turma" themselves', () => {
    expect(cohortNameWithoutPrefix('Turma 2026-09')).toBe('2026-09');
    expect(cohortNameWithoutPrefix(' turma Noite')).toBe('Noite');
    expect(cohortNameWithoutPrefix('2026.1 Noite')).toBe('2026.1 Noite');
    expect(cohortNameWithoutPrefix('Turma')).toBe('Turma');
    expect(cohortNameWithoutPrefix('Turmas')).toBe('Turmas');
  });

  it('strips characters Excel forbids and apostrophes at the ends', () => {
    expect(pivotSheetName('A/B: [noite]*?\\')).toBe('Turma AB noite');
    expect(pivotSheetName("'Manhã'")).toBe('Turma Manhã');
    expect(pivotSheetName('???')).toBe('Turma sem nome');
  });

  it('truncates to 31 characters without leaving a trailing blank or apostrophe', () => {
    const long = 'Programação Full Stack Avançada 2026 Noite';
    expect(pivotSheetName(long)).toBe('Turma Programação Full Stack Av');
    expect(chartSheetName(long)).toBe('Gráficos Programação Full Stack');
    expect(chartSheetName(long).length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(pivotSheetName("Programação Full Stack A'Noite")).toBe('Turma Programação Full Stack A');
  });

  it('never splits an emoji', () => {
    const name = pivotSheetName('Programação Full Stack😀😀');
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(name).toBe('Turma Programação Full Stack😀');
  });

  it('keeps names unique (case-insensitively) with ~2, ~3, exact names first', () => {
    const names = ['Programação Full Stack Avançada Manhã', 'Programação Full Stack Avançada Noite', 'A/B', 'ab', 'Programação Full Stack Avançada Tarde'];
    const result = reportSheetNames(names);
    expect(names.map((name) => result.get(name)!.pivot)).toEqual([
      'Turma Programação Full Stack Av',
      'Turma Programação Full Stack ~2',
      'Turma AB ~2',
      'Turma ab',
      'Turma Programação Full Stack ~3',
    ]);
    expect(result.get('Programação Full Stack Avançada Noite')!.charts).toBe('Gráficos Programação Full St ~2');
    const all = [...result.values()].flatMap((entry) => [entry.pivot, entry.charts]);
    expect(new Set(all.map((name) => name.toLowerCase())).size).toBe(all.length);
    expect(all.every((name) => name.length <= SHEET_NAME_MAX)).toBe(true);
    expect(pivotSheetName('ab', names)).toBe('Turma ab');
  });

  it('recognizes owned sheets and finds the ones a renamed cohort left behind', () => {
    expect(isOwnedReportSheet('Turma A')).toBe(true);
    expect(isOwnedReportSheet('Gráficos A')).toBe(true);
    expect(isOwnedReportSheet('Turmas')).toBe(false);
    expect(isOwnedReportSheet('Resumo')).toBe(false);
    const existing = ['Turmas', 'Histórico', 'Turma A', 'Gráficos A', 'Turma Velha', 'Gráficos Velha', 'Resumo'];
    expect(orphanReportSheets(existing, ['A', 'Nova'])).toEqual(['Turma Velha', 'Gráficos Velha']);
  });
});
