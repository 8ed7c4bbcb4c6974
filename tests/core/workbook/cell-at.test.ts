// The one accessor for a cell of a ragged sheet row.

import { cellAt } from '../../../src/core/workbook/cell-at';

describe('cellAt', () => {
  const row = ['Ana', 0, false, null];

  it('returns the cell, falsy values included', () => {
    expect(cellAt(row, 0)).toBe('Ana');
    expect(cellAt(row, 1)).toBe(0);
    expect(cellAt(row, 2)).toBe(false);
    expect(cellAt(row, 3)).toBeNull();
  });

  it('reads a cell past the end of a short row, or a missing column (-1), as empty', () => {
    expect(cellAt(row, 7)).toBeNull();
    expect(cellAt(row, -1)).toBeNull();
    expect(cellAt([], 0)).toBeNull();
  });
});
