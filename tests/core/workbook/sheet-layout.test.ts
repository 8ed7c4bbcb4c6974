// How a SheetContent's layout falls on rows and columns: the reading both hosts share.

import { dataRowsOf, equalRuns, linkRunsOf, linkSpansOf, rowStylesOf, runsOf, validatedRowsOf } from '../../../src/core/workbook/sheet-layout';
import { VALIDATION_SPARE_ROWS } from '../../../src/core/workbook/sheet-specs';

describe('sheet layout', () => {
  it('groups indices into ascending runs, ignoring duplicates and negatives', () => {
    expect(runsOf([5, 1, 2, 2, -1, 7, 6])).toEqual([
      { start: 1, count: 2 },
      { start: 5, count: 3 },
    ]);
    expect(runsOf([])).toEqual([]);
    expect(equalRuns([96, 96, 56, 96])).toEqual([
      { start: 0, count: 2, value: 96 },
      { start: 2, count: 1, value: 56 },
      { start: 3, count: 1, value: 96 },
    ]);
  });

  it('data rows start below the header; validations cover them and the spare rows', () => {
    const content = { rows: [['Título'], ['Aluno'], ['Ana'], ['Bia']], headerRow: 1 };
    expect(dataRowsOf(content)).toEqual({ start: 2, count: 2 });
    expect(validatedRowsOf(content)).toEqual({ start: 2, count: 2 + VALIDATION_SPARE_ROWS });
    expect(dataRowsOf({ rows: [['Aluno']] })).toEqual({ start: 1, count: 0 });
  });

  it('merges several styles of one row, a later one winning property by property, and drops rows outside the table', () => {
    const styles = rowStylesOf({
      rows: [['a'], ['b']],
      rowStyles: [
        { row: 0, bold: true, background: '#eeeeee' },
        { row: 0, background: '#ffffff', fontSize: undefined },
        { row: 5, bold: true },
      ],
    });
    expect([...styles]).toEqual([[0, { row: 0, bold: true, background: '#ffffff' }]]);
  });

  it('links runs of consecutive cells per column, with their text; empty cells and cells outside the table get none', () => {
    const runs = linkRunsOf({
      rows: [['Celular'], ['(11) 9'], [''], ['(11) 8'], [5511], ['(21) 7']],
      links: [
        { row: 1, column: 0, url: 'https://wa.me/1' },
        { row: 2, column: 0, url: 'https://wa.me/empty' },
        { row: 3, column: 0, url: 'https://wa.me/old' },
        { row: 3, column: 0, url: 'https://wa.me/3' },
        { row: 4, column: 0, url: 'https://wa.me/4' },
        { row: 9, column: 0, url: 'https://wa.me/outside' },
        { row: 1, column: 3, url: 'https://wa.me/outside' },
      ],
    });
    expect(runs).toEqual([
      { column: 0, start: 1, cells: [{ text: '(11) 9', url: 'https://wa.me/1' }] },
      {
        column: 0,
        start: 3,
        cells: [
          { text: '(11) 8', url: 'https://wa.me/3' },
          { text: '5511', url: 'https://wa.me/4' },
        ],
      },
    ]);
  });
  it('joins the link runs of a column across text and empty rows, and stops a span at a number or another column', () => {
    const spans = linkSpansOf({
      rows: [
        ['Celular', 'Nome'],
        ['(11) 9', 'Ana'],
        ['Tutora B', null],
        [null, 'Bia'],
        ['(11) 8', 'Caio'],
        [42, 'Duda'],
        ['(21) 7', 'Eva'],
      ],
      links: [
        { row: 1, column: 0, url: 'https://wa.me/1' },
        { row: 4, column: 0, url: 'https://wa.me/4' },
        { row: 6, column: 0, url: 'https://wa.me/6' },
        { row: 3, column: 1, url: 'https://cademi/bia' },
      ],
    });
    expect(spans).toEqual([
      {
        column: 0,
        start: 1,
        cells: [
          { text: '(11) 9', url: 'https://wa.me/1' },
          { text: 'Tutora B', url: null },
          { text: '', url: null },
          { text: '(11) 8', url: 'https://wa.me/4' },
        ],
      },
      { column: 0, start: 6, cells: [{ text: '(21) 7', url: 'https://wa.me/6' }] },
      { column: 1, start: 3, cells: [{ text: 'Bia', url: 'https://cademi/bia' }] },
    ]);
  });
});
