import {
  isBlank,
  locateColumns,
  MAX_TEXT_LENGTH,
  readDate,
  readIdList,
  readNumber,
  readOptionalEmail,
  readPositiveInteger,
  readTagId,
  readText,
  readYesNo,
} from '../../../src/core/config/cells';
import type { Cell } from '../../../src/core/workbook/workbook';

const failure = (result: { ok: boolean; message?: string }): string => {
  expect(result.ok).toBe(false);
  return result.message ?? '';
};

describe('isBlank', () => {
  it('treats null, undefined and whitespace as blank, but not 0 or false', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('  \t ')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(isBlank('x')).toBe(false);
  });
});

describe('readText', () => {
  it('trims, and gives an empty string for an optional blank', () => {
    expect(readText('  Turma A  ', { required: true })).toEqual({ ok: true, value: 'Turma A' });
    expect(readText(null, { required: false })).toEqual({ ok: true, value: '' });
    expect(readText(42, { required: true })).toEqual({ ok: true, value: '42' });
  });

  it('refuses a required blank and an over-long text', () => {
    expect(failure(readText('   ', { required: true }))).toMatch(/vazia/);
    expect(readText('x'.repeat(MAX_TEXT_LENGTH), { required: true }).ok).toBe(true);
    expect(failure(readText('x'.repeat(500), { required: true }))).toBe('tem 500 caracteres; o máximo é 200');
  });
});

describe('readPositiveInteger', () => {
  it.each<[Cell, number]>([
    [12, 12],
    ['12', 12],
    [' 7 ', 7],
  ])('reads %p', (cell, value) => {
    expect(readPositiveInteger(cell)).toEqual({ ok: true, value });
  });

  it.each<Cell>([0, -3, '-3', 1.5, '1.5', '1e3', 'abc', true])('refuses %p', (cell) => {
    expect(failure(readPositiveInteger(cell))).toContain('não é um número inteiro positivo');
  });

  it('says a blank cell is empty', () => {
    expect(failure(readPositiveInteger(''))).toMatch(/vazia/);
  });
});

describe('readNumber', () => {
  it('reads numbers and decimal commas within the range', () => {
    expect(readNumber(1.5, { min: 0.1, max: 2 })).toEqual({ ok: true, value: 1.5 });
    expect(readNumber('1,5', { min: 0.1, max: 2 })).toEqual({ ok: true, value: 1.5 });
    expect(readNumber(' 2 ', { min: 0.1, max: 2 })).toEqual({ ok: true, value: 2 });
  });

  it('refuses out-of-range values, text and booleans', () => {
    expect(failure(readNumber(3, { min: 0.1, max: 2 }))).toBe('3 está fora do intervalo 0.1–2');
    expect(failure(readNumber(0, { min: 0.1, max: 2 }))).toMatch(/fora do intervalo/);
    expect(failure(readNumber('dois', { min: 0, max: 5 }))).toBe('"dois" não é um número');
    expect(failure(readNumber(true, { min: 0, max: 5 }))).toBe('"true" não é um número');
    expect(failure(readNumber(null, { min: 0, max: 5 }))).toMatch(/vazia/);
  });
});

describe('readDate', () => {
  it.each<[Cell, string]>([
    ['2026-09-01', '2026-09-01'],
    ['01/09/2026', '2026-09-01'], // Brazilian day/month/year
    ['1/9/2026', '2026-09-01'],
    [46266, '2026-09-01'], // a spreadsheet date cell
    [46266.75, '2026-09-01'], // with a time of day
  ])('reads %p', (cell, date) => {
    expect(readDate(cell)).toEqual({ ok: true, value: date });
  });

  it.each<Cell>(['2026-02-30', '31/02/2026', '09/13/2026', 'amanhã', '2026/09/01', 0, -5, 3_000_000, true])('refuses %p', (cell) => {
    expect(failure(readDate(cell))).toMatch(/não é uma data/);
  });

  it('says a blank date is empty', () => {
    expect(failure(readDate(null))).toMatch(/vazia/);
  });
});

describe('readIdList', () => {
  it.each<[Cell, number[]]>([
    ['11, 12;13', [11, 12, 13]],
    ['11 12', [11, 12]],
    [11, [11]],
    ['11,11,12', [11, 12]], // repeated ids count once
    [' 5, ', [5]],
  ])('reads %p', (cell, ids) => {
    expect(readIdList(cell)).toEqual({ ok: true, value: ids });
  });

  it.each<[Cell, string]>([
    ['abc', 'abc'],
    ['11, abc', 'abc'],
    ['0', '0'],
    ['11,-2', '-2'],
  ])('refuses %p, naming the bad part', (cell, part) => {
    expect(failure(readIdList(cell))).toBe(`"${part}" não é um ID de produto (número inteiro positivo na API v1, prd_… na v3)`);
  });

  it('explains a list a Brazilian spreadsheet turned into a decimal number (11,12 → 11.12)', () => {
    expect(failure(readIdList(11.12))).toMatch(/converteu a lista em número \(11,12\).*texto simples/);
  });

  it('says a blank list is empty', () => {
    expect(failure(readIdList(' '))).toMatch(/vazia/);
  });
});

describe('readOptionalEmail', () => {
  it('is null when blank and lower-cases a valid address', () => {
    expect(readOptionalEmail('')).toEqual({ ok: true, value: null });
    expect(readOptionalEmail(' Ana.Souza@Escola.com.br ')).toEqual({ ok: true, value: 'ana.souza@escola.com.br' });
  });

  it.each(['ana', 'ana@escola', 'ana souza@escola.com', '@escola.com', `${'a'.repeat(200)}@x.com`])('refuses %p', (text) => {
    expect(failure(readOptionalEmail(text))).toMatch(/não é um e-mail/);
  });
});

describe('readYesNo', () => {
  it.each<[Cell, boolean]>([
    ['Sim', true],
    ['sim', true],
    ['S', true],
    ['TRUE', true],
    [true, true],
    [null, true],
    ['', true],
    ['1', true],
    ['Não', false],
    ['NÃO', false],
    ['nao', false],
    ['n', false],
    [false, false],
    ['0', false],
  ])('reads %p', (cell, value) => {
    expect(readYesNo(cell)).toEqual({ ok: true, value });
  });

  it.each<Cell>(['talvez', 'ativa', 2])('refuses %p', (cell) => {
    expect(failure(readYesNo(cell))).toBe(`"${String(cell)}" deve ser Sim ou Não`);
  });
});

describe('locateColumns', () => {
  it('finds headers by name in any order, ignoring spaces around them', () => {
    const { columns, missing } = locateColumns(['Extra', ' B ', 'A'], ['A', 'B'] as const);
    expect(columns).toEqual({ A: 2, B: 1 });
    expect(missing).toEqual([]);
  });

  it('lists missing headers, and all of them when there is no header row', () => {
    expect(locateColumns(['A', null], ['A', 'B', 'C'] as const).missing).toEqual(['B', 'C']);
    expect(locateColumns(undefined, ['A'] as const).missing).toEqual(['A']);
  });
});

describe('ids of both API generations', () => {
  it('reads a Tag ID as v1’s integer or v3’s tag_…, and Produtos as a mix of both kinds', () => {
    expect(readTagId(101)).toEqual({ ok: true, value: 101 });
    expect(readTagId(' 101 ')).toEqual({ ok: true, value: 101 });
    expect(readTagId(' tag_2026set ')).toEqual({ ok: true, value: 'tag_2026set' });
    expect(readTagId('prd_abc')).toMatchObject({ ok: false });
    expect(readTagId('tag_a/b')).toMatchObject({ ok: false });
    expect(readIdList('prd_a1, 12; prd_a1')).toEqual({ ok: true, value: ['prd_a1', 12] });
    expect(readIdList('tag_x')).toMatchObject({ ok: false });
  });
});
