// Sample Cademi payloads from the API docs (trimmed), plus helpers to wrap them as HttpResponses.

import type { ApiTarget } from '../../../src/core/cademi/types';
import type { HttpResponse } from '../../../src/core/http';

export const TOKEN = 'sk-secret-token-4f9a7c21';
export const target: ApiTarget = { baseUrl: 'https://escola.cademi.com.br/api/v1', token: TOKEN };

export const LOGIN_AUTO = 'https://escola.cademi.com.br/auth/login?crstk=SECRET-LOGIN-LINK';

export const profiler = { start: 1646237242.93, finish: 1646237243.01, process: 0.078 };

export function tagStudentsBody(nextPageUrl: string | null = null): unknown {
  return {
    success: true,
    code: 200,
    data: {
      paginator: { perPage: 150, next_page_url: nextPageUrl, prev_page_url: null },
      usuario: [
        {
          id: 1051,
          nome: 'Joana C',
          email: 'joana@example.com',
          doc: '123.123.123-12',
          celular: null,
          login_auto: LOGIN_AUTO,
          gratis: false,
          criado_em: '2020-01-12 19:59:20',
          ultimo_acesso_em: null,
        },
        {
          id: 1060,
          nome: 'Gilson D',
          email: 'gilson@example.com',
          doc: null,
          celular: null,
          login_auto: LOGIN_AUTO,
          gratis: false,
          criado_em: '2020-01-20 15:22:56',
          ultimo_acesso_em: '2020-01-20 15:34:57',
        },
      ],
    },
    profiler,
  };
}

export const progressBody = {
  success: true,
  code: 200,
  data: {
    progresso: {
      total: '41.7%',
      assistidas: 7,
      completas: 5,
      aulas: [
        { item_id: 2404, count: 1, acesso_em: '2020-09-11 10:57:46', aula: { id: 2404, ordem: 1, nome: 'Boas-vindas' } },
        { item_id: 2405, count: 2, acesso_em: '2020-09-11 10:59:15', aula: { id: 2405, ordem: 3, nome: 'Primeiros passos' } },
      ],
    },
  },
  profiler,
};

export const tagsBody = {
  success: true,
  code: 200,
  data: {
    itens: [
      { id: 69, nome: 'Turma Padrão' },
      { id: 272, nome: 'Turma 2' },
    ],
  },
  profiler,
};

export const errorBody = (code: number, msg = 'Token inválido'): unknown => ({
  success: false,
  code,
  msg,
  profiler: { start: 1700000000.1, finish: 1700000000.2, process: 0.1 },
});

/** A response with a JSON body (or a raw string body). */
export function respond(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** Deep copy for tests that mutate a sample. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
