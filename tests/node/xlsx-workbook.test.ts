// The .xlsx workbook: rows past a shrunk table are gone, in memory and after a save and reload.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';

describe('XlsxWorkbook.replaceRowsFrom', () => {
  it('drops the old rows past the new end (a re-run week with fewer rows leaves none behind)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cademi-xlsx-'));
    try {
      const workbook = XlsxWorkbook.empty();
      workbook.writeSheet('S', { rows: Array.from({ length: 81 }, (_, i) => [i, 'antigo']) });
      workbook.replaceRowsFrom(
        'S',
        1,
        Array.from({ length: 56 }, (_, i) => [1000 + i, 'novo']),
      );
      const expected = [[0, 'antigo'], ...Array.from({ length: 56 }, (_, i) => [1000 + i, 'novo'])];
      expect(workbook.readSheet('S')).toEqual(expected);
      await workbook.save(join(dir, 'w.xlsx'));
      expect((await XlsxWorkbook.load(join(dir, 'w.xlsx'))).readSheet('S')).toEqual(expected);
      workbook.replaceRowsFrom('S', 57, [[2000, 'fim']]);
      expect(workbook.readSheet('S')).toHaveLength(58);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
