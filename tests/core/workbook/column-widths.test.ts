// How wide each column is drawn: bold headers measured wider than the values under them, dates at their
// formats' width, everything within the minimum and maximum.

import { BOLD_PX_PER_CHAR, columnWidthsOf, EVEN_WIDTH_PX, MAX_COLUMN_PX, MIN_COLUMN_PX } from '../../../src/core/workbook/column-widths';

describe('columnWidthsOf', () => {
  it('measures the header bold (8 px a letter): "Semana da turma" over short numbers is not clipped', () => {
    const [week, , students] = columnWidthsOf({
      rows: [
        ['Semana da turma', 'x'.repeat(60), 'Alunos ativos'],
        [11, '', 179],
      ],
    });
    expect(BOLD_PX_PER_CHAR).toBe(8);
    // Its letters at 8 px, and the cell's padding around them.
    expect(week).toBe('Semana da turma'.length * 8 + 16);
    expect(students).toBe('Alunos ativos'.length * 8 + 16);
  });

  it('draws neighbouring columns within EVEN_WIDTH_PX alike, at the widest one, and keeps declared widths out of it', () => {
    const headers = ['Sem 1', 'Sem 12', 'Sem 123', 'Semana 1234', 'Motivo', 'Sem 5', 'Sem 56'];
    const measured = headers.map((header) => columnWidthsOf({ rows: [[header], [0.5]] })[0]!);
    // Measured alone: 56, 64, 72, 104 px…
    expect(measured.slice(0, 4)).toEqual([56, 64, 72, 104]);
    const widths = columnWidthsOf({ rows: [headers, headers.map(() => 0.5)], columnWidths: [undefined, undefined, undefined, undefined, 300] });
    // 56..72 lie within 16 px: one block at 72. 104 is 48 px from 56: a block of its own.
    expect(widths.slice(0, 4)).toEqual([72, 72, 72, 104]);
    // A declared width is kept and ends a block; the columns after it form their own (56, 64 → 64).
    expect(widths.slice(4)).toEqual([300, 64, 64]);
    // Only ever wider than measured: nothing is clipped.
    for (const [column, width] of widths.entries()) if (column !== 4) expect(width).toBeGreaterThanOrEqual(measured[column]!);
    expect(EVEN_WIDTH_PX).toBe(16);
  });

  it('measures values at the regular width: a value as long as the header needs less room than it', () => {
    const header = 'Motivo do contato';
    const [byHeader] = columnWidthsOf({ rows: [[header], ['x']] });
    const [byValue] = columnWidthsOf({ rows: [['M'], [header]] });
    expect(byHeader).toBeGreaterThan(byValue!);
    // A value twice the header's length wins over it.
    const [longValue] = columnWidthsOf({ rows: [['Nome'], ['Ana Luíza Conceição da Silva']] });
    expect(longValue).toBeGreaterThan(4 * BOLD_PX_PER_CHAR + 16);
  });

  it('the header row is the content’s headerRow: title rows above it do not widen a column', () => {
    const [name] = columnWidthsOf({ rows: [['Contatos da semana de 23/11/2026 · atualizado em 23/11/2026 06:00'], ['Aluno'], ['Ana']], headerRow: 1 });
    expect(name).toBe(MIN_COLUMN_PX);
  });

  it('gives dates their format’s width, or the bold header’s when it is wider, and keeps declared widths', () => {
    const [day, when, declared] = columnWidthsOf({
      rows: [
        ['Dia', 'Última atualização do aluno', 'Motivo'],
        [46279, 46279.5, 'x'],
      ],
      columnFormats: ['dd/mm/yyyy', 'dd/mm/yyyy hh:mm'],
      columnWidths: [undefined, undefined, 300],
    });
    expect(day).toBe(96);
    expect(when).toBe('Última atualização do aluno'.length * BOLD_PX_PER_CHAR + 16);
    expect(declared).toBe(300);
  });

  it('stays within the minimum and the maximum', () => {
    const [short, long] = columnWidthsOf({
      rows: [
        ['N', 'E-mail'],
        [1, 'x'.repeat(200)],
      ],
    });
    expect(short).toBe(MIN_COLUMN_PX);
    expect(long).toBe(MAX_COLUMN_PX);
  });
});
