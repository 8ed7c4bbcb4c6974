// Sample Cademi API v3 answers, written with the names the contract table assumes (see
// src/core/cademi-v3/contract.ts), plus helpers to wrap them as HttpResponses.

import type { V3Target } from '../../../src/core/cademi-v3/types';
import type { HttpResponse } from '../../../src/core/http';

export const KEY = 'ck_test_4f9a7c21e0b14d6a';
export const BASE = 'https://api.cademi.com.br/api/v3';
export const target: V3Target = { baseUrl: BASE, token: KEY };

/** A response with a JSON body (or a raw string body). */
export function respond(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function usersBody(nextCursor: string | null = null): Record<string, unknown> {
  return {
    items: [
      {
        id: 'usr_01HQ7X',
        name: 'Joana C',
        email: 'joana@example.com',
        phone: '+55 11 98765-4321',
        created_at: '2026-09-01T12:00:00Z',
        last_access_at: '2026-11-20T13:30:00-03:00',
        // Not in the contract: never read, never kept.
        login_url: 'https://escola.cademi.com.br/auth/login?token=SECRET-LOGIN-LINK',
        document: '123.123.123-12',
      },
      { id: 'usr_01HQ7Y', name: null, email: 'gilson@example.com', last_access_at: null },
    ],
    page: { next_cursor: nextCursor },
  };
}

export function progressBody(nextCursor: string | null = null): Record<string, unknown> {
  return {
    items: [
      { product_id: 'prd_11', percent: 41.7, lessons_completed: 5, last_lesson_at: '2026-11-19T10:57:46Z', product_name: 'Módulo 1' },
      { product_id: 'prd_12', percent: 0, lessons_completed: 0, last_lesson_at: null },
    ],
    page: { next_cursor: nextCursor },
  };
}

export const userBody: Record<string, unknown> = {
  id: 'usr_01HQ7X',
  name: 'Joana C',
  email: 'joana@example.com',
  phone: null,
  created_at: '2026-09-01T12:00:00Z',
  last_access_at: '2026-11-20T16:30:00Z',
  tags: [
    { id: 'tag_101', name: 'Turma 2026-09' },
    { id: 'tag_102', name: 'VIP' },
  ],
};

export function eventsBody(nextCursor: string | null = null): Record<string, unknown> {
  return {
    items: [
      { id: 'evt_1', type: 'progress.updated', occurred_at: '2026-11-20T10:00:00Z', data: { user_id: 'usr_01HQ7X', product_id: 'prd_11' } },
      { id: 'evt_2', type: 'user.updated', occurred_at: '2026-11-20T11:00:00Z', data: { user_id: 'usr_01HQ7Y' } },
      { id: 'evt_3', type: 'account.updated', occurred_at: '2026-11-20T12:00:00Z', data: null },
    ],
    page: { next_cursor: nextCursor },
  };
}

export const credentialBody: Record<string, unknown> = { id: 'crd_9', mode: 'test', name: 'Monitor de progresso', secret_hint: 'ck_test_…7c21' };

/** Cademi's error envelope; the message echoes the key on purpose, to prove it never reaches a message. */
export function errorBody(code: string, requestId = 'req_7Hs9Kq2'): Record<string, unknown> {
  return {
    error: {
      code,
      message: `Chave ${KEY} inválida para este recurso <script>`,
      request_id: requestId,
      details: [{ field: 'tag_id[]', issue: `valor ${KEY} não aceito` }],
    },
  };
}

/** Writes `value` at a dotted path (`items.0.percent`), creating objects on the way; `undefined` deletes the key. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}
