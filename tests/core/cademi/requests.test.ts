import { CademiUnsafeUrlError } from '../../../src/core/cademi/errors';
import {
  accessRequest,
  ENDPOINTS,
  endpointOf,
  followPageRequest,
  originOf,
  productRequest,
  productsRequest,
  progressRequest,
  studentRequest,
  tagStudentsRequest,
  tagsRequest,
} from '../../../src/core/cademi/requests';
import { TOKEN, target } from './fixtures';

const BASE = 'https://escola.cademi.com.br/api/v1';

describe('request builders', () => {
  it('build GETs with the raw token and JSON accept header', () => {
    expect(tagStudentsRequest(target, 1)).toEqual({
      method: 'GET',
      url: `${BASE}/usuario/lista_por_tag/1`,
      headers: { Authorization: TOKEN, Accept: 'application/json' },
    });
  });

  it('build every endpoint path', () => {
    expect(progressRequest(target, 1051, 2404).url).toBe(`${BASE}/usuario/progresso_por_produto/1051/2404`);
    expect(tagsRequest(target).url).toBe(`${BASE}/tag`);
    expect(productsRequest(target).url).toBe(`${BASE}/produto`);
    expect(productRequest(target, 2404).url).toBe(`${BASE}/produto/2404`);
    expect(studentRequest(target, 1051).url).toBe(`${BASE}/usuario/1051`);
    expect(accessRequest(target, 1051).url).toBe(`${BASE}/usuario/acesso/1051`);
  });

  it('tolerate trailing slashes on the base URL', () => {
    expect(tagsRequest({ baseUrl: `${BASE}//`, token: TOKEN }).url).toBe(`${BASE}/tag`);
  });

  it('URL-encode an e-mail path segment', () => {
    expect(studentRequest(target, 'ana+turma/2@exemplo.com.br').url).toBe(`${BASE}/usuario/ana%2Bturma%2F2%40exemplo.com.br`);
    expect(progressRequest(target, 'joão @x.com', 7).url).toBe(`${BASE}/usuario/progresso_por_produto/jo%C3%A3o%20%40x.com/7`);
  });

  it('refuse segments that would call another endpoint', () => {
    expect(() => studentRequest(target, '')).toThrow(/inválido/);
    expect(() => studentRequest(target, '..')).toThrow(/inválido/);
    expect(() => tagStudentsRequest(target, 1.5)).toThrow(/inválido/);
    expect(() => tagStudentsRequest(target, -1)).toThrow(/inválido/);
  });
});

describe('originOf', () => {
  it.each<[string, string | null]>([
    ['https://Escola.Cademi.com.br/api/v1', 'https://escola.cademi.com.br'],
    ['https://escola.cademi.com.br:443/x', 'https://escola.cademi.com.br'],
    ['http://escola.cademi.com.br:80', 'http://escola.cademi.com.br'],
    ['https://escola.cademi.com.br:8443/x?y', 'https://escola.cademi.com.br:8443'],
    ['HTTPS://portal.example.com.br?cursor=1', 'https://portal.example.com.br'],
    ['/api/v1/tag', null],
    ['ftp://escola.cademi.com.br/', null],
    ['https://escola.cademi.com.br@evil.example/', null],
    ['https://evil.example\\@escola.cademi.com.br/', null],
    ['https://escola.cademi.com.br /', null],
  ])('%p → %p', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
});

describe('followPageRequest', () => {
  const next = `${BASE}/usuario/lista_por_tag/1?cursor=eyJpZCI6MTA2MH0`;

  it('requests a same-origin next_page_url verbatim with the same headers', () => {
    expect(followPageRequest(target, next, ENDPOINTS.tagStudents)).toEqual({
      method: 'GET',
      url: next,
      headers: { Authorization: TOKEN, Accept: 'application/json' },
    });
    // Host case and an explicit default port do not change the origin.
    const upper = 'https://ESCOLA.cademi.com.br:443/api/v1/usuario/lista_por_tag/1?cursor=x';
    expect(followPageRequest(target, upper, ENDPOINTS.tagStudents).url).toBe(upper);
  });

  it.each([
    'https://evil.example/api/v1/usuario/lista_por_tag/1?cursor=abc',
    'http://escola.cademi.com.br/api/v1/usuario/lista_por_tag/1?cursor=abc',
    'https://escola.cademi.com.br:8443/api/v1/usuario/lista_por_tag/1?cursor=abc',
    'https://escola.cademi.com.br.evil.example/api/v1/usuario/lista_por_tag/1',
    'https://escola.cademi.com.br@evil.example/api/v1/usuario/lista_por_tag/1',
    'https://evil.example\\@escola.cademi.com.br/api/v1/',
    '/api/v1/usuario/lista_por_tag/1?cursor=abc',
  ])('rejects %p without leaking the token', (url) => {
    let caught: unknown;
    try {
      followPageRequest(target, url, ENDPOINTS.tagStudents);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CademiUnsafeUrlError);
    const error = caught as CademiUnsafeUrlError;
    expect(error.retryable).toBe(false);
    expect(error.endpoint).toBe(ENDPOINTS.tagStudents);
    expect(error.message).toContain('https://escola.cademi.com.br');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('cursor');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});

describe('endpointOf', () => {
  it.each<[string, string]>([
    [`${BASE}/usuario/lista_por_tag/1?cursor=abc`, ENDPOINTS.tagStudents],
    [`${BASE}/usuario/progresso_por_produto/1051/2404`, ENDPOINTS.progress],
    [`${BASE}/usuario/acesso/1051`, ENDPOINTS.access],
    [`${BASE}/usuario/joana%40example.com`, ENDPOINTS.student],
    [`${BASE}/tag`, ENDPOINTS.tags],
    [`${BASE}/produto`, ENDPOINTS.products],
    [`${BASE}/produto/2404`, ENDPOINTS.product],
    [`${BASE}/outra/coisa?cursor=abc`, 'GET /outra/coisa'],
  ])('%p → %p', (url, label) => {
    expect(endpointOf(url, target)).toBe(label);
  });

  it('agrees with the builders', () => {
    expect(endpointOf(tagStudentsRequest(target, 9).url, target)).toBe(ENDPOINTS.tagStudents);
    expect(endpointOf(studentRequest(target, 'a@b.c').url, { ...target, baseUrl: `${BASE}/` })).toBe(ENDPOINTS.student);
  });
});
