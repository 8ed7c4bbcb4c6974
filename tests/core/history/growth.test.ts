// Growth of the spreadsheet: cells used of the 10 million limit and weeks left at the current pace.

import { describeGrowth, estimateGrowth } from '../../../src/core/history/growth';

describe('estimateGrowth', () => {
  it('counts the weeks left from the cells one week of Histórico adds', () => {
    const growth = estimateGrowth(1_200_000, 1500, 14);
    expect(growth).toEqual({ cellsUsed: 1_200_000, cellLimit: 10_000_000, cellsPerWeek: 21_000, weeksLeft: 419 });
    expect(describeGrowth(growth)).toBe('Planilha: 1,2 mi de 10,0 mi células (12%). Cerca de 419 semanas restantes neste ritmo.');
  });

  it('warns plainly when the limit is less than half a year away', () => {
    const growth = estimateGrowth(9_700_000, 15_000, 14);
    expect(growth.weeksLeft).toBe(1);
    expect(describeGrowth(growth)).toMatch(/ATENÇÃO: cerca de 1 semana até o limite; arquive/);
  });

  it('has no estimate when nothing grows', () => {
    expect(estimateGrowth(100, 0, 14).weeksLeft).toBeNull();
  });
});
