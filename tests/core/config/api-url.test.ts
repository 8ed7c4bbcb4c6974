// `URL da API` and CADEMI_BASE_URL share one rule (https anywhere, plain http only to loopback), and
// the settings result tells an empty cell (the embedded simulator, in Node) from an invalid one (stop).

import { checkBaseUrl } from '../../../src/core/cademi/base-url';
import { apiUrlRefusal, parseSettingsSheet } from '../../../src/core/config/settings-sheet';
import { describeIssue } from '../../../src/core/model/issues';
import type { Cell } from '../../../src/core/workbook/workbook';

const parse = (value: Cell) =>
  parseSettingsSheet([
    ['Chave', 'Valor'],
    ['URL da API', value],
  ]);

describe('the base URL rule', () => {
  it.each([
    ['https://escola.cademi.com.br/api/v1/', 'https://escola.cademi.com.br/api/v1'],
    ['  https://escola.cademi.com.br:8443/api/v1  ', 'https://escola.cademi.com.br:8443/api/v1'],
    ['http://127.0.0.1:8787/api/v1', 'http://127.0.0.1:8787/api/v1'],
    ['http://localhost/api/v1', 'http://localhost/api/v1'],
    ['http://[::1]:8787/api/v1', 'http://[::1]:8787/api/v1'],
  ])('accepts %p', (text, value) => {
    expect(checkBaseUrl(text)).toEqual({ ok: true, value });
  });

  it.each([
    'http://escola.cademi.com.br/api/v1',
    'http://127.0.0.1.evil.example/api/v1',
    'http://localhost.evil.example',
    'http://localhost@evil.example/api/v1',
    'escola.cademi.com.br/api/v1',
    'https://escola .cademi.com.br/api/v1',
    'https://escola.cademi.com.br/api v1',
    'ftp://escola.cademi.com.br',
    'https://escola.cademi.com.br/api/v1?token=x',
    'https://escola.cademi.com.br:99999/api/v1',
    'https://',
  ])('refuses %p, with a reason that never mentions the token', (text) => {
    const checked = checkBaseUrl(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problem).toMatch(/https:\/\//);
      expect(checked.problem).not.toMatch(/token|chave/i);
    }
  });
});

describe('URL da API in Configuração', () => {
  it('an empty cell is "empty": the only case where Node may use the embedded simulator', () => {
    for (const value of ['', null, '   ']) {
      const parsed = parse(value);
      expect(parsed.apiUrl).toEqual({ state: 'empty' });
      expect(parsed.issues).toEqual([]);
      expect(apiUrlRefusal(parsed.apiUrl)).toMatch(/^Configure "URL da API" na aba Configuração/);
    }
    expect(parseSettingsSheet([['Chave', 'Valor']]).apiUrl).toEqual({ state: 'empty' });
  });

  it('a valid cell is "valid", with the trimmed value', () => {
    const parsed = parse('https://escola.cademi.com.br/api/v1/');
    expect(parsed.apiUrl).toEqual({ state: 'valid', value: 'https://escola.cademi.com.br/api/v1' });
    expect(parsed.settings.apiUrl).toBe('https://escola.cademi.com.br/api/v1');
  });

  it('an invalid cell is "invalid", with an error at the cell (never a default to fall back on)', () => {
    const parsed = parse('http://escola.cademi.com.br/api/v1');
    expect(parsed.apiUrl.state).toBe('invalid');
    const issue = parsed.apiUrl.state === 'invalid' ? parsed.apiUrl.issue : null;
    expect(issue).toMatchObject({ sheet: 'Configuração', row: 1, columnName: 'Valor', severity: 'error' });
    expect(describeIssue(issue!)).toMatch(/^Configuração, linha 2, coluna Valor: URL da API: "http:\/\/escola\.cademi\.com\.br\/api\/v1" usa http:\/\//);
    expect(describeIssue(issue!)).not.toMatch(/token|chave|usando o padrão/i);
    // Apps Script's refusal names the cell and what to fix, before any token is read.
    expect(apiUrlRefusal(parsed.apiUrl)).toBe(
      `${describeIssue(issue!)}. Corrija a célula URL da API na aba Configuração (um endereço https://); nada vai para a Cademi até lá.`,
    );
    // The other hosts read `settings.apiUrl`; it is empty, which is why the state must be checked first.
    expect(parsed.settings.apiUrl).toBe('');
  });

  it('another setting whose text looks like the URL is not taken for it', () => {
    const parsed = parseSettingsSheet([
      ['Chave', 'Valor'],
      ['Fuso horário', 'URL da API: x'],
      ['URL da API', 'https://escola.cademi.com.br/api/v1'],
    ]);
    expect(parsed.apiUrl).toEqual({ state: 'valid', value: 'https://escola.cademi.com.br/api/v1' });
    expect(apiUrlRefusal(parsed.apiUrl)).toBeNull();
  });

  it('a sheet whose header cannot be read but which names the URL is "invalid", not "empty"', () => {
    const parsed = parseSettingsSheet([
      ['Chave', 'Value'],
      ['URL da API', 'https://escola.cademi.com.br/api/v1'],
    ]);
    expect(parsed.apiUrl).toMatchObject({ state: 'invalid', issue: { message: 'cabeçalho ausente: Valor' } });
  });
});
