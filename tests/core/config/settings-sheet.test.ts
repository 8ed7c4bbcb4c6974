import { parseSettingsSheet } from '../../../src/core/config/settings-sheet';
import { settingsTemplate } from '../../../src/core/config/templates';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import type { Cell } from '../../../src/core/workbook/workbook';

const HEADER: Cell[] = ['Chave', 'Valor'];
const parse = (...rows: Cell[][]) => parseSettingsSheet([HEADER, ...rows]);

describe('Tabela BigQuery', () => {
  it('is split into its three parts once, when read; empty is no table', () => {
    expect(parse(['Tabela BigQuery', 'minha-escola.cademi.historico']).settings.bigQueryTable).toEqual({
      projectId: 'minha-escola',
      datasetId: 'cademi',
      tableId: 'historico',
    });
    expect(parse(['Tabela BigQuery', '']).settings.bigQueryTable).toBeNull();
    expect(DEFAULT_SETTINGS.bigQueryTable).toBeNull();
    const bad = parse(['Tabela BigQuery', 'so.duas']);
    expect(bad.settings.bigQueryTable).toBeNull();
    expect(bad.issues).toEqual([expect.objectContaining({ row: 1, message: expect.stringMatching(/^Tabela BigQuery: /) })]);
  });
});

describe('Mostrar celular', () => {
  it('shows the phone by default (no row, or an empty cell), hides it with Não, keeps the default on a bad value', () => {
    expect(DEFAULT_SETTINGS.showPhone).toBe(true);
    expect(parse().settings.showPhone).toBe(true);
    expect(parse(['Mostrar celular', '']).settings.showPhone).toBe(true);
    expect(parse(['mostrar celular', 'Não']).settings.showPhone).toBe(false);
    expect(parse(['Mostrar celular', 'nao']).settings.showPhone).toBe(false);
    const bad = parse(['Mostrar celular', 'às vezes']);
    expect(bad.settings.showPhone).toBe(true);
    expect(bad.issues).toEqual([
      expect.objectContaining({ row: 1, columnName: 'Valor', severity: 'warning', message: expect.stringMatching(/^Mostrar celular: .*Sim/) }),
    ]);
  });

  it('is in a new Configuração, as Sim, with its description', () => {
    const row = settingsTemplate().rows.find((cells) => cells[0] === 'Mostrar celular');
    expect(row).toEqual(['Mostrar celular', 'Sim', expect.stringContaining('WhatsApp')]);
  });
});

describe('parseSettingsSheet', () => {
  it('reads every known key (case-insensitively), keeping defaults for the rest', () => {
    const { settings, issues } = parse(
      ['URL da API', 'https://escola.cademi.com.br/api/v1/'],
      ['fuso horário', 'America/Manaus'],
      ['Requisições por segundo', '1,5'],
      ['Dias sem acesso (atenção)', 5],
      ['Dias sem acesso (risco)', 20],
      ['Semanas sem progresso (risco)', 3],
      ['Dia da atualização semanal', 'Sexta-feira'],
      ['Hora da atualização semanal', 7],
      ['E-mail para alertas', 'Coord@Escola.com'],
    );
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      apiUrl: 'https://escola.cademi.com.br/api/v1',
      timeZone: 'America/Manaus',
      requestsPerSecond: 1.5,
      warnDaysWithoutAccess: 5,
      riskDaysWithoutAccess: 20,
      stalledWeeks: 3,
      runWeekday: 5,
      runHour: 7,
      alertEmail: 'coord@escola.com',
    });
  });

  it.each<[Cell, number]>([
    ['segunda', 1],
    ['Terça-feira', 2],
    ['sabado', 6],
    ['Sábado', 6],
    ['domingo', 7],
  ])('reads the weekday %p', (cell, day) => {
    expect(parse(['Dia da atualização semanal', cell]).settings.runWeekday).toBe(day);
  });

  it('gives defaults and no issue for a sheet with only the header', () => {
    expect(parse()).toEqual({ settings: DEFAULT_SETTINGS, issues: [], apiUrl: { state: 'empty' } });
  });

  it('warns about an unknown key at its Chave cell and ignores it', () => {
    const { settings, issues } = parse(['Cor favorita', 'azul']);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(issues).toEqual([
      { sheet: 'Configuração', row: 1, column: 0, columnName: 'Chave', severity: 'warning', message: 'Cor favorita: chave desconhecida; ignorada' },
    ]);
  });

  it('keeps the first of a repeated key', () => {
    const { settings, issues } = parse(['Hora da atualização semanal', 8], ['Hora da atualização semanal', 9]);
    expect(settings.runHour).toBe(8);
    expect(issues).toEqual([expect.objectContaining({ row: 2, severity: 'warning', message: 'Hora da atualização semanal: chave repetida; vale a primeira' })]);
  });

  it('refuses a bad time zone as an error, keeping the default', () => {
    const { settings, issues } = parse(['Fuso horário', 'Brasil/Brasília']);
    expect(settings.timeZone).toBe('America/Sao_Paulo');
    expect(issues).toEqual([
      {
        sheet: 'Configuração',
        row: 1,
        column: 1,
        columnName: 'Valor',
        severity: 'error',
        message: 'Fuso horário: "Brasil/Brasília" não é um fuso horário (ex.: America/Sao_Paulo); usando o padrão (America/Sao_Paulo)',
      },
    ]);
  });

  it.each<Cell>([3, 0, 0.05, 'rápido'])('refuses the out-of-range or non-numeric rate %p with a warning', (cell) => {
    const { settings, issues } = parse(['Requisições por segundo', cell]);
    expect(settings.requestsPerSecond).toBe(2);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 1, columnName: 'Valor', severity: 'warning' });
    expect(issues[0].message).toMatch(/^Requisições por segundo: .*; usando o padrão \(2\)$/);
  });

  it.each<[string, Cell, RegExp]>([
    ['Hora da atualização semanal', 6.5, /deve ser um número inteiro/],
    ['Hora da atualização semanal', 24, /fora do intervalo 0–23/],
    ['Dia da atualização semanal', 'feriado', /não é um dia da semana/],
    ['E-mail para alertas', 'coord', /não é um e-mail/],
  ])('warns about a bad %s value %p', (key, cell, message) => {
    const { settings, issues } = parse([key, cell]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(message) })]);
  });

  it.each(['http://escola.cademi.com.br', 'escola.cademi.com.br/api/v1', 'https://escola cademi.com.br'])(
    'an invalid URL da API %p is an error, never the default (empty would mean the simulator)',
    (cell) => {
      const parsed = parse(['URL da API', cell]);
      expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'error', row: 1, message: expect.stringMatching(/^URL da API: /) })]);
      expect(parsed.apiUrl).toEqual({ state: 'invalid', issue: parsed.issues[0] });
    },
  );

  it('accepts a local http URL for the simulator', () => {
    expect(parse(['URL da API', 'http://127.0.0.1:8080/api/v1']).settings.apiUrl).toBe('http://127.0.0.1:8080/api/v1');
  });

  it('warns when the risk absence threshold is below the warning one', () => {
    const { issues } = parse(['Dias sem acesso (atenção)', 20], ['Dias sem acesso (risco)', 10]);
    expect(issues).toEqual([expect.objectContaining({ row: -1, severity: 'warning', message: expect.stringContaining('menor que') })]);
  });

  it('uses defaults with a warning when the sheet is missing, and errors on a missing header', () => {
    expect(parseSettingsSheet(null)).toEqual({
      settings: DEFAULT_SETTINGS,
      issues: [expect.objectContaining({ sheet: 'Configuração', row: -1, severity: 'warning' })],
      apiUrl: { state: 'empty' },
    });
    expect(
      parseSettingsSheet([
        ['Chave', 'Value'],
        ['Fuso horário', 'UTC'],
      ]),
    ).toEqual({
      settings: DEFAULT_SETTINGS,
      issues: [expect.objectContaining({ row: 0, severity: 'error', message: 'cabeçalho ausente: Valor' })],
      apiUrl: { state: 'empty' },
    });
  });
});
