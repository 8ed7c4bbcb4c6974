// Writes v3 answers with the field names of the client's contract table (V3_CONTRACT), never restated
// here: a renamed field in the table renames it in what the simulator serves, and a role added to the
// table fails to compile until the simulator supplies its value.

import { type FieldContract, type ListContract, V3_CONTRACT } from '../core/cademi-v3/contract';
import type { HttpResponse } from '../core/http';

/** The value the simulator supplies for one declared field: epoch ms for `date-time`, ids for `id-list`. */
export type ServedValue<F extends FieldContract> = F extends { type: 'id-list' }
  ? readonly string[]
  : F extends { type: 'integer' | 'percent' }
    ? number
    : F extends { type: 'date-time' }
      ? number | null
      : string | null;

/** One value per role of a set of declared fields. */
export type ServedValues<Fs extends Readonly<Record<string, FieldContract>>> = { readonly [K in keyof Fs]: ServedValue<Fs[K]> };

/** Puts `value` at a dotted path (`page.next_cursor`), creating objects on the way. */
export function putAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[last] = value;
}

function jsonOf(field: FieldContract, value: unknown): unknown {
  if (field.type === 'date-time') return typeof value === 'number' ? new Date(value).toISOString() : null;
  if (field.type === 'id-list' && Array.isArray(value) && field.each !== undefined) {
    const each = field.each;
    return value.map((id: unknown) => {
      const element: Record<string, unknown> = {};
      putAt(element, each, id);
      return element;
    });
  }
  return value;
}

/** An object with every declared field at its declared path, from values by role. */
export function writeFields<Fs extends Readonly<Record<string, FieldContract>>>(fields: Fs, values: ServedValues<Fs>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [role, field] of Object.entries(fields) as [keyof Fs & string, FieldContract][]) putAt(body, field.path, jsonOf(field, values[role]));
  return body;
}

/** A list body: the items at the list's items path and the next cursor (null on the last page). */
export function writeList(list: ListContract, items: readonly unknown[], nextCursor: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  putAt(body, list.items.path, items);
  putAt(body, list.nextCursor.path, nextCursor);
  return body;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A 200 answer carrying `body` and the request id header. */
export function v3Success(body: unknown, requestId: string, headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, headers: { ...JSON_HEADERS, 'x-request-id': requestId, ...headers }, body: JSON.stringify(body) };
}

/** One entry of `error.details`: which parameter was wrong and why. */
export interface V3ErrorDetail {
  readonly field: string;
  readonly issue: string;
}

/** The v3 error envelope `{"error":{"code","message","request_id","details"}}`, keys from the contract table. */
export function v3Error(
  status: number,
  code: string,
  message: string,
  requestId: string,
  details: readonly V3ErrorDetail[] = [],
  headers: Record<string, string> = {},
): HttpResponse {
  const keys = V3_CONTRACT.errorEnvelope;
  const error = { [keys.code]: code, [keys.message]: message, [keys.requestId]: requestId, [keys.details]: details };
  return { status, headers: { ...JSON_HEADERS, 'x-request-id': requestId, ...headers }, body: JSON.stringify({ [keys.path]: error }) };
}
