import {
  checkHistoryHeader,
  decodeHistoryRow,
  encodeHistoryRow,
  HISTORY_FORMATS,
  HISTORY_HEADERS,
  type HistoryRow,
  HistorySchemaError,
  historyKey,
  weekOfCell,
} from '../../../src/core/history/schema';
import type { Cell } from '../../../src/core/workbook/workbook';

const SP = 'America/Sao_Paulo';

const sampleRow: HistoryRow = {
  week: '2026-09-07',
  cohort: 'Turma São João',
  studentId: 501,
  name: '=HYPERLINK("x")',
  email: 'ana@escola.com',
  productId: 11,
  productName: 'Excel Básico',
  progress: 42.5,
  lessonsCompleted: 17,
  lastAccessAt: Date.UTC(2026, 8, 6, 2, 30, 15), // Sunday 23:30:15 in São Paulo
  expected: 30,
  situation: 'Atrasado',
  origin: 'API',
  collectedAt: Date.UTC(2026, 8, 7, 9, 0, 0),
  phone: '+55 11 98765-4321',
};

describe('history row codec', () => {
  it('encodes dates as wall-clock serial numbers in the school zone', () => {
    const cells = encodeHistoryRow(sampleRow, SP);
    expect(cells).toHaveLength(HISTORY_HEADERS.length);
    expect(cells[0]).toBe(46272); // 2026-09-07
    expect(cells[9]).toBeCloseTo(46270 + (23 * 3600 + 30 * 60 + 15) / 86_400, 9); // 2026-09-05 23:30:15
    expect(cells[13]).toBe(46272.25); // 06:00 in São Paulo
    expect(cells.slice(1, 9)).toEqual(['Turma São João', 501, '=HYPERLINK("x")', 'ana@escola.com', 11, 'Excel Básico', 42.5, 17]);
    expect(cells.slice(10, 13)).toEqual([30, 'Atrasado', 'API']);
    expect(cells[14]).toBe('+55 11 98765-4321');
    expect(HISTORY_HEADERS[14]).toBe('Celular');
    expect(HISTORY_FORMATS[14]).toBe('@');
  });

  it('reads Celular as the text it holds: a row without one (or of the layout before it) has none', () => {
    const cells = encodeHistoryRow(sampleRow, SP);
    expect(decodeHistoryRow(cells.slice(0, 14), SP)?.phone).toBeNull();
    expect(decodeHistoryRow([...cells.slice(0, 14), '  '], SP)?.phone).toBeNull();
    // A host that read typed digits as a number gives them back as the digits.
    expect(decodeHistoryRow([...cells.slice(0, 14), 11987654321], SP)?.phone).toBe('11987654321');
    expect(encodeHistoryRow({ ...sampleRow, phone: null }, SP)[14]).toBeNull();
  });

  it.each([SP, 'America/New_York', 'UTC'])('round-trips through the cells in %s', (zone) => {
    expect(decodeHistoryRow(encodeHistoryRow(sampleRow, zone), zone)).toEqual(sampleRow);
  });

  it('round-trips nulls (never accessed, no goal) and a carried row', () => {
    const carried: HistoryRow = { ...sampleRow, lastAccessAt: null, expected: null, situation: 'Sem meta', origin: 'Mantido', phone: null };
    const cells = encodeHistoryRow(carried, SP);
    expect(cells[9]).toBeNull();
    expect(cells[10]).toBeNull();
    expect(decodeHistoryRow(cells, SP)).toEqual(carried);
  });

  it('reads the same serial as a different instant in another zone', () => {
    const cells = encodeHistoryRow(sampleRow, SP);
    expect(decodeHistoryRow(cells, 'UTC')?.collectedAt).toBe(sampleRow.collectedAt - 3 * 3_600_000);
  });

  it('reads values a person typed as text', () => {
    const cells: Cell[] = ['2026-09-07', 'T', '501', 'N', '', '11', '', '42.5', '', '', '', 'Em dia', 'API', 46272.25];
    expect(decodeHistoryRow(cells, SP)).toMatchObject({
      week: '2026-09-07',
      studentId: 501,
      productId: 11,
      progress: 42.5,
      lessonsCompleted: 0,
      lastAccessAt: null,
      expected: null,
    });
  });

  it.each<[string, number, Cell]>([
    ['an unreadable week', 0, 'semana 1'],
    ['an impossible week', 0, '2026-02-30'],
    ['a missing student id', 2, null],
    ['a text student id', 2, 'Ana'],
    ['a missing product id', 5, ''],
    ['a missing progress', 7, null],
    ['an unknown situation', 11, 'Ótimo'],
    ['an unknown origin', 12, 'Manual'],
    ['a missing collection time', 13, null],
  ])('decodes a row with %s to null', (_, column, value) => {
    const cells = encodeHistoryRow(sampleRow, SP);
    cells[column] = value;
    expect(decodeHistoryRow(cells, SP)).toBeNull();
  });

  it('decodes a short or empty row to null', () => {
    expect(decodeHistoryRow([], SP)).toBeNull();
    expect(decodeHistoryRow(encodeHistoryRow(sampleRow, SP).slice(0, 10), SP)).toBeNull();
  });

  it('keys a row by week, student and product', () => {
    expect(historyKey(sampleRow)).toBe('2026-09-07|501|11');
  });
});

describe('weekOfCell', () => {
  it('reads serials and ISO text, and nothing else', () => {
    expect(weekOfCell(46272)).toBe('2026-09-07');
    expect(weekOfCell(46272.9)).toBe('2026-09-07');
    expect(weekOfCell('2026-09-07')).toBe('2026-09-07');
    expect(weekOfCell(0)).toBeNull();
    expect(weekOfCell(null)).toBeNull();
    expect(weekOfCell(undefined)).toBeNull();
    expect(weekOfCell(true)).toBeNull();
    expect(weekOfCell('07/09/2026')).toBeNull();
  });
});

describe('checkHistoryHeader', () => {
  const header = (): Cell[] => [...HISTORY_HEADERS];

  it('accepts a missing or empty sheet and the exact header (spaces trimmed, extra columns allowed)', () => {
    expect(() => checkHistoryHeader(null)).not.toThrow();
    expect(() => checkHistoryHeader([])).not.toThrow();
    expect(() => checkHistoryHeader([header(), encodeHistoryRow(sampleRow, SP)])).not.toThrow();
    expect(() => checkHistoryHeader([[' Semana ', ...HISTORY_HEADERS.slice(1), 'Observação']])).not.toThrow();
  });

  it('throws HistorySchemaError naming a renamed column', () => {
    const renamed = header();
    renamed[7] = 'Progresso';
    expect(() => checkHistoryHeader([renamed])).toThrow(HistorySchemaError);
    expect(() => checkHistoryHeader([renamed])).toThrow('coluna 8 deveria ser "Progresso (%)" e é "Progresso"');
  });

  it('throws on a removed column (the ones after it have moved)', () => {
    const removed = header().filter((name) => name !== 'E-mail');
    let error: unknown;
    try {
      checkHistoryHeader([removed]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HistorySchemaError);
    expect((error as Error).name).toBe('HistorySchemaError');
    expect((error as Error).message).toContain('coluna 5 deveria ser "E-mail" e é "Produto ID"');
    expect((error as Error).message).toContain('nada foi gravado');
  });

  it('throws on a truncated header', () => {
    expect(() => checkHistoryHeader([header().slice(0, 13)])).toThrow('coluna 14 deveria ser "Coletado em" e é ""');
  });
});
