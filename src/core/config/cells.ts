// Reading typed values out of cells people typed into, with a message when a cell will not do.

import { isV3Id } from '../cademi-v3/ids';
import * as say from '../messages/config';
import type { ProductId, TagId } from '../model/ids';
import { type LocalDate, localDateOfSerial } from '../time/local-date';
import { parseBrDate } from '../time/pt-br-dates';
import type { Cell } from '../workbook/workbook';

export type CellResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** Cells longer than this are refused: no legitimate config value is that long. */
export const MAX_TEXT_LENGTH = 200;

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function readText(cell: Cell | undefined, options: { required: boolean }): CellResult<string> {
  if (isBlank(cell)) return options.required ? fail(say.CELL_EMPTY) : ok('');
  const text = String(cell).trim();
  if (text.length > MAX_TEXT_LENGTH) return fail(say.textTooLong(text.length, MAX_TEXT_LENGTH));
  return ok(text);
}

export function readPositiveInteger(cell: Cell | undefined): CellResult<number> {
  if (isBlank(cell)) return fail(say.POSITIVE_INTEGER_EMPTY);
  const value = typeof cell === 'number' ? cell : /^\s*\d+\s*$/.test(String(cell)) ? Number(cell) : NaN;
  if (!Number.isInteger(value) || value <= 0) return fail(say.notPositiveInteger(String(cell)));
  return ok(value);
}

/** A v3 id of that type, as a cell may hold it (surrounding spaces dropped). */
function v3IdIn(text: string, prefix: 'tag_' | 'prd_'): string | null {
  const trimmed = text.trim();
  return isV3Id(trimmed, prefix) ? trimmed : null;
}

/** A `Tag ID`: v1's positive integer, or v3's `tag_…`. */
export function readTagId(cell: Cell | undefined): CellResult<TagId> {
  if (typeof cell === 'string') {
    const v3 = v3IdIn(cell, 'tag_');
    if (v3 !== null) return ok(v3);
  }
  const integer = readPositiveInteger(cell);
  return integer.ok || isBlank(cell) ? integer : fail(say.notATagId(String(cell)));
}

export function readNumber(cell: Cell | undefined, range: { min: number; max: number }): CellResult<number> {
  if (isBlank(cell)) return fail(say.numberEmpty(range.min, range.max));
  const value = typeof cell === 'number' ? cell : Number(String(cell).trim().replace(',', '.'));
  if (typeof cell === 'boolean' || !Number.isFinite(value)) return fail(say.notANumber(String(cell)));
  if (value < range.min || value > range.max) return fail(say.numberOutOfRange(value, range.min, range.max));
  return ok(value);
}

/** A date typed as a spreadsheet date (serial number), '2026-09-01' or '01/09/2026'. */
export function readDate(cell: Cell | undefined): CellResult<LocalDate> {
  if (isBlank(cell)) return fail(say.DATE_EMPTY);
  if (typeof cell === 'number') {
    return cell > 0 && cell < 2_958_466 ? ok(localDateOfSerial(cell)) : fail(say.serialNotADate(cell));
  }
  const text = String(cell).trim();
  const iso = parseBrDate(text);
  return iso ? ok(iso) : fail(say.textNotADate(text));
}

/** Product ids separated by commas (or semicolons/spaces); a lone number is one product. */
/** `Produtos`: ids separated by commas, semicolons or spaces: v1's positive integers or v3's `prd_…`. */
export function readIdList(cell: Cell | undefined): CellResult<ProductId[]> {
  if (isBlank(cell)) return fail(say.PRODUCTS_EMPTY);
  if (typeof cell === 'number' && !Number.isInteger(cell)) {
    // A Brazilian spreadsheet reads "11,12" as the number 11.12 unless the column is plain text.
    return fail(say.productListBecameNumber(String(cell).replace('.', ',')));
  }
  const parts = String(cell)
    .split(/[,;\s]+/)
    .filter((part) => part !== '');
  const ids: ProductId[] = [];
  for (const part of parts) {
    const id: ProductId | null = v3IdIn(part, 'prd_') ?? (/^\d+$/.test(part) && Number(part) > 0 ? Number(part) : null);
    if (id === null) return fail(say.notAProductId(part));
    if (!ids.includes(id)) ids.push(id);
  }
  return ok(ids);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readOptionalEmail(cell: Cell | undefined): CellResult<string | null> {
  if (isBlank(cell)) return ok(null);
  const text = String(cell).trim();
  return EMAIL.test(text) && text.length <= MAX_TEXT_LENGTH ? ok(text.toLowerCase()) : fail(say.notAnEmail(text.slice(0, 60)));
}

/** A cohort's tutor as `Turmas` gives it: an e-mail, with the name people read when the cell has one. */
export interface TutorCell {
  readonly email: string;
  readonly name: string | null;
}

/** `Nome <e-mail>`, the way mail programs write an address with its owner's name. */
const NAMED_ADDRESS = /^(.*?)\s*<([^<>]*)>$/;

/**
 * The `Tutor` cell: empty (no tutor), a bare e-mail, or `Ana Souza <ana@escola.com.br>` (quotes
 * around the name are dropped; `<ana@escola.com.br>` alone has no name).
 */
export function readTutor(cell: Cell | undefined): CellResult<TutorCell | null> {
  if (isBlank(cell)) return ok(null);
  const text = String(cell).trim();
  const [, rawName, address] = NAMED_ADDRESS.exec(text) ?? [];
  if (address === undefined) {
    const bare = readOptionalEmail(text);
    return bare.ok ? ok(bare.value === null ? null : { email: bare.value, name: null }) : fail(say.notATutor(text.slice(0, 60)));
  }
  const email = readOptionalEmail(address);
  const name = (rawName ?? '').replace(/^["'\s]+|["'\s]+$/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a name with control characters (or a stray angle bracket) is what this refuses
  const badName = /[\u0000-\u001f<>]/.test(name) || name.length > MAX_TEXT_LENGTH;
  if (!email.ok || email.value === null || badName) return fail(say.notATutor(text.slice(0, 60)));
  return ok({ email: email.value, name: name === '' ? null : name });
}

/** `Sim`/`Não` (also true/false, s/n); empty means `Sim`. */
export function readYesNo(cell: Cell | undefined): CellResult<boolean> {
  if (isBlank(cell)) return ok(true);
  if (typeof cell === 'boolean') return ok(cell);
  const text = String(cell)
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (['sim', 's', 'yes', 'true', '1'].includes(text)) return ok(true);
  if (['nao', 'n', 'no', 'false', '0'].includes(text)) return ok(false);
  return fail(say.notYesNo(String(cell)));
}

/** Locates required headers by name, so a coordinator may reorder or add columns. */
export function locateColumns<H extends string>(header: readonly Cell[] | undefined, required: readonly H[]): { columns: Record<H, number>; missing: H[] } {
  const names = (header ?? []).map((cell) => (cell === null ? '' : String(cell).trim()));
  const columns = {} as Record<H, number>;
  const missing: H[] = [];
  for (const name of required) {
    const index = names.indexOf(name);
    if (index < 0) missing.push(name);
    columns[name] = index;
  }
  return { columns, missing };
}
