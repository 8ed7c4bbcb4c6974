// A chart the save cannot draw (the PNG renderer fails: no fonts, a missing native binary) never costs
// the run and is never silent: the command ends well, the workbook holds all its data, and a pt-BR
// warning names the sheets whose pictures are missing.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_SHEET } from '../../src/core/identity/sheet-names';
import { chartsNotDrawn } from '../../src/core/messages/files';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { cli, useTempDir } from './support/cli-harness';

// The renderer the .xlsx loads when it draws a chart, made to fail as a broken install would.
jest.mock('../../src/node/preview/chart-png', () => ({
  renderChartPng: async () => {
    throw new Error('resvg: failed to load the font database');
  },
}));

describe('a chart that cannot be drawn at save', () => {
  const dir = useTempDir('cademi-chart-failure-');

  it('the demo still succeeds and saves everything, and stderr names the sheets without their charts, in pt-BR', async () => {
    const out = join(dir(), 'demo.xlsx');
    const run = await cli(['demo', '--weeks', '2', '--students', '40', '--out', out]);
    expect(run.code).toBe(0);
    const workbook = await XlsxWorkbook.load(out);
    expect((workbook.readSheet(SHEET.history) ?? []).length).toBeGreaterThan(1);
    const chartSheets = workbook.sheetNames().filter((name) => name === REPORT_SHEET.overview || name.startsWith('Gráficos '));
    expect(chartSheets.length).toBeGreaterThanOrEqual(2);
    for (const sheet of chartSheets) expect(workbook.book.getWorksheet(sheet)!.getImages()).toHaveLength(0);
    const warning = run.stderr.split('\n').find((line) => line.startsWith('aviso: não foi possível desenhar os gráficos'));
    expect(warning).toBe(`aviso: ${chartsNotDrawn(out, chartSheets)}`);
    // The library's own (English) text stays out of what a person reads.
    expect(run.stderr + run.stdout).not.toContain('resvg');
    expect(existsSync(join(dir(), 'demo.html'))).toBe(true);
  }, 120_000);

  it('names one sheet, or several, in plain Portuguese', () => {
    expect(chartsNotDrawn('escola.xlsx', ['Resumo'])).toBe(
      'não foi possível desenhar os gráficos da aba "Resumo"; a planilha escola.xlsx foi gravada com todos os dados, sem as imagens desses gráficos (a próxima coleta tenta desenhá-los de novo).',
    );
    expect(chartsNotDrawn('escola.xlsx', ['Resumo', 'Gráficos Turma A', 'Gráficos Turma B'])).toMatch(
      /^não foi possível desenhar os gráficos das abas "Resumo", "Gráficos Turma A" e "Gráficos Turma B"; /,
    );
  });
});
