import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

function workbookWith(rows: (string | number)[][]): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.writeSheet('S', { rows, columnFormats: ['0'], frozenRows: 1 });
  return workbook;
}

describe('MemoryWorkbook', () => {
  it('reads back what was written, and null for a missing sheet', () => {
    const workbook = new MemoryWorkbook();
    expect(workbook.readSheet('S')).toBeNull();
    workbook.writeSheet('S', { rows: [['h'], [1, 2]], columnFormats: ['0', undefined], frozenRows: 1, hidden: true });
    expect(workbook.readSheet('S')).toEqual([['h'], [1, 2]]);
    expect(workbook.sheet('S')).toMatchObject({ columnFormats: ['0', undefined], frozenRows: 1, hidden: true, notes: [] });
    expect(workbook.sheetNames()).toEqual(['S']);
  });

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

  it('keeps notes across a rewrite of the sheet', () => {
    const workbook = workbookWith([['h']]);
    workbook.setNotes('S', [{ row: 0, column: 0, message: 'm' }]);
    workbook.writeSheet('S', { rows: [['h2']] });
    expect(workbook.sheet('S')?.notes).toEqual([{ row: 0, column: 0, message: 'm' }]);
  });

  describe('replaceRowsFrom', () => {
    it('keeps the rows above and replaces everything from the row on', () => {
      const workbook = workbookWith([['h'], [1], [2], [3]]);
      workbook.replaceRowsFrom('S', 2, [[20]]);
      expect(workbook.readSheet('S')).toEqual([['h'], [1], [20]]);
    });

    it('appends when the row is the sheet length', () => {
      const workbook = workbookWith([['h'], [1]]);
      workbook.replaceRowsFrom('S', 2, [[2], [3]]);
      expect(workbook.readSheet('S')).toEqual([['h'], [1], [2], [3]]);
    });

    it('truncates when given no rows, and rewrites all from row 0', () => {
      const workbook = workbookWith([['h'], [1], [2]]);
      workbook.replaceRowsFrom('S', 1, []);
      expect(workbook.readSheet('S')).toEqual([['h']]);
      workbook.replaceRowsFrom('S', 0, [['x'], ['y']]);
      expect(workbook.readSheet('S')).toEqual([['x'], ['y']]);
    });

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

    it('throws on a missing sheet or a row outside the sheet, changing nothing', () => {
      const workbook = workbookWith([['h'], [1]]);
      expect(() => workbook.replaceRowsFrom('Nope', 0, [])).toThrow('Sheet "Nope" does not exist');
      expect(() => workbook.replaceRowsFrom('S', 3, [[3]])).toThrow('Row 3 is outside sheet "S" (2 rows)');
      expect(() => workbook.replaceRowsFrom('S', -1, [[3]])).toThrow(/outside/);
      expect(workbook.readSheet('S')).toEqual([['h'], [1]]);
      expect(workbook.sheetNames()).toEqual(['S']);
    });
  });

  it('deletes sheets', () => {
    const workbook = workbookWith([['h']]);
    workbook.deleteSheet('S');
    expect(workbook.readSheet('S')).toBeNull();
    expect(workbook.sheetNames()).toEqual([]);
  });

  it('ignores notes for a missing sheet', () => {
    const workbook = new MemoryWorkbook();
    workbook.setNotes('Nope', [{ row: 0, column: 0, message: 'm' }]);
    expect(workbook.sheetNames()).toEqual([]);
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
