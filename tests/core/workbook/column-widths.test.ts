// How wide each column is drawn: bold headers measured wider than the values under them, dates at their
// formats' width, everything within the minimum and maximum.

import { BOLD_PX_PER_CHAR, columnWidthsOf, MAX_COLUMN_PX, MIN_COLUMN_PX } from '../../../src/core/workbook/column-widths';

describe('columnWidthsOf', () => {
  it('measures the header bold (8 px a letter): "Semana da turma" over short numbers is not clipped', () => {
    const [week, students] = columnWidthsOf({
      rows: [
        ['Semana da turma', 'Alunos ativos'],
        [11, 179],
      ],
    });
    expect(BOLD_PX_PER_CHAR).toBe(8);
    // Its letters at 8 px, and the cell's padding around them.
    expect(week).toBe('Semana da turma'.length * 8 + 16);
    expect(students).toBe('Alunos ativos'.length * 8 + 16);
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
