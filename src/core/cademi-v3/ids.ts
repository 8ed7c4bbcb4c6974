// v3 ids are opaque strings with a type prefix (`usr_…`, `tag_…`): this checks one before it goes into
// a request's path or query, so no value can change which endpoint is called.

import { cademiV3Messages as say } from '../messages/cademi-v3';
import { type IdPrefix, V3_CONTRACT } from './contract';

/** A v3 id of the given type: `V3Id<'usr_'>` is `usr_${string}`. */
export type V3Id<P extends IdPrefix> = `${P}${string}`;

const REST = new RegExp(`^${V3_CONTRACT.ids.rest}$`);

/**
 * True when `value` is an id of that type: the prefix, then 1–128 RFC 3986 unreserved characters
 * (letters, digits, `-`, `_`, `.`, `~`), which a path segment carries unencoded. So a valid id has
 * no `/`, `?`, `#`, `%`, space or control character, and is never `.` or `..`.
 */
export function isV3Id<P extends IdPrefix>(value: unknown, prefix: P): value is V3Id<P> {
  return typeof value === 'string' && value.startsWith(prefix) && REST.test(value.slice(prefix.length));
}

/**
 * The id, trimmed, when it is one of that type (a number, as a v1 Tag ID is, never is); otherwise throws a pt-BR error naming `what` (never
 * the value: it may come from anywhere). Surrounding spaces, as a sheet cell may hold them, are dropped.
 */
export function v3Id<P extends IdPrefix>(value: unknown, prefix: P, what: string): V3Id<P> {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  if (!isV3Id(trimmed, prefix)) throw new Error(say.badId(what, prefix));
  return trimmed;
}
