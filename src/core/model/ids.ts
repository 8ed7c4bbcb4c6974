// Cademi ids as the monitor keeps them: v1 gives integers, v3 opaque strings with a type prefix
// (`usr_…`, `prd_…`, `tag_…`). A sheet, the history and every key in the core hold either kind; the
// two never collide (a v3 id is never a number), so one id type serves both generations.

/** A student's id: v1's integer, or v3's `usr_…`. */
export type StudentId = number | string;
/** A product's id: v1's integer, or v3's `prd_…`. */
export type ProductId = number | string;
/** A tag's id (a cohort's `Tag ID`): v1's integer, or v3's `tag_…`. */
export type TagId = number | string;

/** Sorts ids as people read them: v1's integers by value first, then v3's strings in code-unit order. */
export function compareIds(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An id as text (keys, messages): the integer in digits, a v3 id as it is. */
export function idText(id: number | string): string {
  return String(id);
}

/** The id a cell holds: v1's positive integer (typed or as digits) or a v3 id; null for anything else. */
export function idOfCell(cell: unknown): number | string | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell > 0 ? cell : null;
  return typeof cell === 'string' ? idOfText(cell) : null;
}

/**
 * The id a text stands for, as keys and cells write them: digits read as v1's integer, a prefixed
 * token (`usr_…`) as a v3 id; null for anything else.
 */
export function idOfText(text: string): number | string | null {
  const trimmed = text.trim();
  if (/^[1-9]\d{0,15}$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
  if (/^[a-z]{3}_[A-Za-z0-9._~-]{1,128}$/.test(trimmed)) return trimmed;
  return null;
}
