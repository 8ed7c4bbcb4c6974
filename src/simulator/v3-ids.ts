// The simulated school's v3 ids: each is derived from the v1 integer id, so the same student, product
// or tag is recognisable across the two API generations, yet it is an opaque-looking string as v3's are.
//
// Mapping (reversible, one string per id): `<prefix>sim<base36 of the v1 id, at least 5 digits>`.
//   student 1001  → usr_sim000rt      product 11 → prd_sim0000b      tag 101 → tag_sim0002t
// Event ids name the student, the session, the product and the event type:
//   evt_sim<student, 5>-<session index, base36>-<product, base36>-<type index>
// Only the canonical spelling decodes (no upper case, no extra leading zeros beyond the padding), so
// two strings never name the same thing. A client must still treat them as opaque: the monitor
// matches students across the v1 → v3 switch by e-mail, never by decoding these.

import { type IdPrefix, V3_ID_PREFIXES } from '../core/cademi-v3/contract';

/** The marker after the type prefix: these ids come from the simulator. */
const MARKER = 'sim';
const WIDTH = 5;

/** The v3 id of a v1 integer id (`usr_sim000rt` for student 1001). */
export function v3IdOf<P extends IdPrefix>(prefix: P, v1Id: number): `${P}${string}` {
  if (!Number.isSafeInteger(v1Id) || v1Id < 0) throw new RangeError(`v3IdOf: ${v1Id} is no v1 id`);
  return `${prefix}${MARKER}${v1Id.toString(36).padStart(WIDTH, '0')}`;
}

/** The v1 integer id behind a v3 id of that type, or null when it is not one this simulator hands out. */
export function v1IdOf(prefix: IdPrefix, v3Id: string): number | null {
  if (!v3Id.startsWith(prefix)) return null;
  const match = new RegExp(`^${MARKER}([0-9a-z]{${WIDTH},10})$`).exec(v3Id.slice(prefix.length));
  if (!match?.[1]) return null;
  const v1Id = Number.parseInt(match[1], 36);
  return v3IdOf(prefix, v1Id) === v3Id ? v1Id : null;
}

/** A user's v3 id (`usr_…`) from the v1 student id. */
export const userV3Id = (studentId: number) => v3IdOf(V3_ID_PREFIXES.user, studentId);
/** A product's v3 id (`prd_…`) from the v1 product id. */
export const productV3Id = (productId: number) => v3IdOf(V3_ID_PREFIXES.product, productId);
/** A tag's v3 id (`tag_…`) from the v1 tag id. */
export const tagV3Id = (tagId: number) => v3IdOf(V3_ID_PREFIXES.tag, tagId);

/** An event's id: who, which session, which product, which type (see the header). */
export function eventV3Id(studentId: number, session: number, productId: number, typeIndex: number): `evt_${string}` {
  return `${v3IdOf(V3_ID_PREFIXES.event, studentId)}-${session.toString(36)}-${productId.toString(36)}-${typeIndex}`;
}
