// `Execuções` in Apps Script (the built bundle over the fakes): a cohort that has not started yet is
// an Aviso, not an Erro; a tag Cademi does not know is an Erro; a run with nothing to collect is
// `Falhou`, never `Concluída`; the start and end are real date-time cells.

import { RUN_LOG_HEADERS } from '../../src/core/runlog/run-log';
import { SHEET } from '../../src/core/sheets';
import { configure, gasSchool } from '../support/apps-script-school';
import { runWeek } from '../support/faulty-gas-school';
import { mondayRun } from '../support/school-workbook';

const column = (name: (typeof RUN_LOG_HEADERS)[number]) => RUN_LOG_HEADERS.indexOf(name);
const logRows = (gas: ReturnType<typeof gasSchool>) => gas.env.spreadsheet.sheet(SHEET.runs).dump();

describe('Execuções in Apps Script', () => {
  it('cohorts not started yet are Avisos (Erros 0) on a Concluída run, with date-time cells', () => {
    // 13/07/2026: of the three configured cohorts only the first (06/07/2026) has started.
    const gas = gasSchool(mondayRun('2026-07-13'), { studentCount: 40 });
    configure(gas, { cohorts: 3 });
    runWeek(gas);
    const [header, ...rows] = logRows(gas);
    expect(header).toEqual([...RUN_LOG_HEADERS]);
    const row = rows.at(-1)!;
    expect(row[column('Situação')]).toBe('Concluída');
    expect(row[column('Erros')]).toBe(0);
    expect(row[column('Avisos')]).toBe(2);
    expect(String(row[column('Mensagem')])).toMatch(/Turma "Turma 2026-08" começa em 03\/08\/2026; ignorada nesta semana/);
    // A date-formatted cell reads back as a Date in Apps Script (getValues), a real date-time, not text.
    expect(Object.prototype.toString.call(row[column('Início')])).toBe('[object Date]');
    const sheet = gas.env.spreadsheet.gas().getSheetByName(SHEET.runs)!;
    expect(sheet.getRange(2, column('Início') + 1).getNumberFormat()).toMatch(/h/);
    expect(sheet.getRange(2, column('Semana') + 1).getNumberFormat()).toMatch(/d/);
  });

  it('a tag Cademi does not know is an Erro', () => {
    const gas = gasSchool(mondayRun('2026-09-14'), { studentCount: 40 });
    configure(gas, { cohorts: 2 });
    gas.env.spreadsheet.gas().getSheetByName(SHEET.cohorts)!.getRange(2, 2).setValue(999_999);
    runWeek(gas);
    const row = logRows(gas).at(-1)!;
    expect(row[column('Situação')]).toBe('Concluída');
    expect(row[column('Erros')]).toBe(1);
    expect(row[column('Avisos')]).toBe(0);
    expect(String(row[column('Mensagem')])).toMatch(/a tag 999999 não existe/);
  });

  it('a run before any cohort starts has nothing to collect: Falhou, never Concluída', () => {
    const gas = gasSchool(mondayRun('2026-06-01'), { studentCount: 40 });
    configure(gas, { cohorts: 2 });
    runWeek(gas);
    const rows = logRows(gas).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[column('Situação')])).not.toContain('Concluída');
    expect(rows.at(-1)![column('Situação')]).toBe('Falhou');
    expect(String(rows.at(-1)![column('Mensagem')])).toMatch(/a primeira começa em 06\/07\/2026/);
  });
});
