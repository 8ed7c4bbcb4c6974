// What is particular to the memory workbook; the Workbook port's behaviour is tests/contracts/workbook.contract.ts.

import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

function workbookWith(rows: (string | number)[][]): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.writeSheet('S', { rows, columnFormats: ['0'], frozenRows: 1 });
  return workbook;
}

describe('MemoryWorkbook', () => {
  it('gives copies: changing what was read or written does not change the sheet', () => {
    const rows = [['h'], [1]];
    const workbook = new MemoryWorkbook();
    workbook.writeSheet('S', { rows });
    rows[1][0] = 99;
    const read = workbook.readSheet('S')!;
    read[1][0] = 42;
    read.push(['extra']);
    expect(workbook.readSheet('S')).toEqual([['h'], [1]]);
  });

  describe('replaceRowsFrom', () => {
    it('replaces column formats only when given', () => {
      const workbook = workbookWith([['h']]);
      workbook.replaceRowsFrom('S', 1, [[1]]);
      expect(workbook.sheet('S')?.columnFormats).toEqual(['0']);
      workbook.replaceRowsFrom('S', 1, [[1]], ['0.0', 'yyyy-mm-dd']);
      expect(workbook.sheet('S')?.columnFormats).toEqual(['0.0', 'yyyy-mm-dd']);
      expect(workbook.sheet('S')?.frozenRows).toBe(1);
    });

    it('copies the rows it is given', () => {
      const workbook = workbookWith([['h']]);
      const rows = [[1]];
      workbook.replaceRowsFrom('S', 1, rows);
      rows[0][0] = 2;
      expect(workbook.readSheet('S')).toEqual([['h'], [1]]);
    });
  });

  it('counts one service call per port operation', () => {
    const workbook = new MemoryWorkbook();
    workbook.readSheet('S'); // a read of a missing sheet still costs a call
    workbook.writeSheet('S', { rows: [['h']] });
    workbook.readSheet('S');
    workbook.replaceRowsFrom('S', 1, [[1], [2], [3]]); // many rows, one call
    workbook.setNotes('S', []);
    workbook.setNotes('Nope', []); // nothing to write
    workbook.deleteSheet('S');
    expect(() => workbook.replaceRowsFrom('S', 0, [])).toThrow(); // a failed call still counts
    workbook.sheetNames();
    workbook.sheet('S');
    expect(workbook.calls).toEqual({ reads: 2, writes: 5 });
  });

  it('loadSheet restores a sheet exactly, without counting a call', () => {
    const workbook = new MemoryWorkbook();
    workbook.loadSheet('S', { rows: [['h']], columnFormats: [], frozenRows: 2, hidden: true, notes: [{ row: 0, column: 0, message: 'n' }] });
    expect(workbook.sheet('S')).toMatchObject({ frozenRows: 2, hidden: true, notes: [{ row: 0, column: 0, message: 'n' }] });
    expect(workbook.calls).toEqual({ reads: 0, writes: 0 });
  });
});
