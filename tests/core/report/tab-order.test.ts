import { loadConfig } from '../../../src/core/config/load-config';
import { arrangeTabs, tabOrder } from '../../../src/core/report/tab-order';
import { SHEET } from '../../../src/core/sheets';
import { runWeek } from '../../../src/node/sync-runner';
import { createSchool } from '../../../src/simulator';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

describe('tabOrder', () => {
  it('puts what people read first, then the data, the config, their own sheets, and the hidden ones last', () => {
    const existing = [
      'Configuração',
      'Turmas',
      'Metas',
      '_Identidade',
      'Histórico',
      'Resumo',
      'Turma A',
      'Gráficos A',
      'Minha análise',
      'Execuções',
      'Turma B',
      'Gráficos B',
      'Contatos da semana',
      'Ajustes',
      'Rascunho',
      '_Coleta',
    ];
    // B is active, A archived: the report order.
    expect(tabOrder(existing, ['Turma B', 'Gráficos B', 'Turma A', 'Gráficos A'])).toEqual([
      'Resumo',
      'Contatos da semana',
      'Turma B',
      'Gráficos B',
      'Turma A',
      'Gráficos A',
      'Histórico',
      'Execuções',
      'Configuração',
      'Turmas',
      'Metas',
      'Ajustes',
      'Minha análise',
      'Rascunho',
      '_Identidade',
      '_Coleta',
    ]);
  });

  it('lists each existing sheet once and skips the ones that do not exist', () => {
    const order = tabOrder(['Turmas', 'Resumo', 'Configuração'], ['Turma X', 'Gráficos X', 'Resumo']);
    expect(order).toEqual(['Resumo', 'Configuração', 'Turmas']);
  });
});

describe('arrangeTabs after a week', () => {
  const school = createSchool({ studentCount: 40 });

  it('orders a first run’s tabs (Execuções included) and opens the file on Resumo', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    const now = mondayRun('2026-09-14');
    await runWeek(workbook, testApi(now, { studentCount: 40 }), { now, trigger: 'CLI' });
    const [first, second] = school.cohorts;
    expect(workbook.sheetNames().filter((name) => !name.startsWith('_'))).toEqual([
      'Resumo',
      'Contatos da semana',
      first.name,
      `Gráficos ${first.name}`,
      second.name,
      `Gráficos ${second.name}`,
      SHEET.history,
      SHEET.runs,
      SHEET.settings,
      SHEET.cohorts,
      SHEET.goals,
    ]);
    expect(first.name).toMatch(/^Turma /); // the simulated school's names: no "Turma Turma" tab
    expect(workbook.sheetNames().slice(-1)[0]).toMatch(/^_/);
    expect(workbook.activeSheet).toBe('Resumo');
  });

  it('puts an archived cohort’s sheets after the active ones', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    const now = mondayRun('2026-09-14');
    await runWeek(workbook, testApi(now, { studentCount: 40 }), { now, trigger: 'CLI' });
    const [first, second] = school.cohorts;
    const config = loadConfig(workbook);
    arrangeTabs(workbook, { ...config, cohorts: config.cohorts.map((entry) => (entry.name === first.name ? { ...entry, active: false } : entry)) });
    expect(workbook.sheetNames().slice(2, 6)).toEqual([second.name, `Gráficos ${second.name}`, first.name, `Gráficos ${first.name}`]);
  });

  it('finds cohort sheets by identity: a pivot renamed by hand keeps its place beside its charts', async () => {
    const workbook = schoolWorkbook(school, { cohorts: 2 });
    const now = mondayRun('2026-09-14');
    await runWeek(workbook, testApi(now, { studentCount: 40 }), { now, trigger: 'CLI' });
    const [first] = school.cohorts;
    workbook.renameSheet(first.name, 'Minha turma');
    workbook.arrangeSheets([SHEET.settings]);
    arrangeTabs(workbook, loadConfig(workbook));
    expect(workbook.sheetNames().slice(0, 4)).toEqual(['Resumo', 'Contatos da semana', 'Minha turma', `Gráficos ${first.name}`]);
  });
});
