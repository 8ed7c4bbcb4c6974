// Reads the fields the contract table declares, and only those, out of a v3 answer: each field's
// name, type, presence and nullability come from V3_CONTRACT, each value is checked with zod, and the
// first mismatch becomes a CademiV3ShapeError naming the endpoint and the field (`items[].percent`).

import { z } from 'zod';
import { parseCademiDate } from '../cademi/dates';
import { NOTHING_FOUND, percentOutOfRange, unexpectedValue, wrongKind } from '../messages/cademi';
import { V3_PROBLEMS } from '../messages/cademi-v3';
import { type EndpointContract, type FieldContract, type FieldType, fieldPath, type IdPrefix } from './contract';
import { CademiV3ShapeError, type V3ErrorDetails } from './errors';
import { isV3Id, type V3Id } from './ids';

// ---- the typed value each declared field reads to ----

type BaseValue<F> = F extends { type: 'id'; prefix: infer P extends IdPrefix }
  ? V3Id<P>
  : F extends { type: 'id-list'; prefix: infer P extends IdPrefix }
    ? V3Id<P>[]
    : F extends { type: 'text' | 'phone' }
      ? string
      : number;

/** What a field reads to: null when it may be null, may be absent, or is a phone (never a failure). */
export type FieldValue<F extends FieldContract> =
  | BaseValue<F>
  | (F extends { nullable: true } ? null : never)
  | (F extends { required: false } ? null : never)
  | (F extends { type: 'phone' } ? null : never);

/** The values of a set of declared fields, by role. */
export type FieldValues<Fs extends Readonly<Record<string, FieldContract>>> = { -readonly [K in keyof Fs]: FieldValue<Fs[K]> };

/** Where fields are being read: the endpoint, the answer's status and request id, the list item. */
export interface FieldSite {
  readonly endpoint: EndpointContract;
  readonly details: V3ErrorDetails;
  /** 0-based index of the list item, or null for a single object. */
  readonly index: number | null;
}

// ---- lookups and errors ----

/** The value at a dotted path, and whether its key is there at all (a null value is present). */
export function lookup(source: unknown, path: string): { present: boolean; value: unknown } {
  let value: unknown = source;
  for (const key of path.split('.')) {
    if (!isRecord(value) || Object.getOwnPropertyDescriptor(value, key) === undefined) return { present: false, value: undefined };
    value = value[key];
  }
  return { present: true, value };
}

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind of a value as messages name it, never the value itself (it might be anything). */
export function kindOf(value: unknown): string {
  if (value === undefined) return NOTHING_FOUND;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const EXPECTED_KIND: Readonly<Record<FieldType, string>> = {
  id: 'string',
  text: 'string',
  phone: 'string',
  'date-time': 'string',
  integer: 'number',
  percent: 'number',
  'id-list': 'array',
};

/** A shape error at `field` (a path from the body's root), as the site says where. */
export function shapeErrorAt(site: FieldSite, field: string, assumed: boolean, problem: string, missing: boolean): CademiV3ShapeError {
  return new CademiV3ShapeError(site.details, { field, problem, missing, assumed, index: site.index });
}

function fieldError(site: FieldSite, field: FieldContract, problem: string, missing = false): CademiV3ShapeError {
  return shapeErrorAt(site, fieldPath(site.endpoint, field), field.knowledge === 'assumed', problem, missing);
}

// ---- one zod schema per field type ----

function idSchema(prefix: IdPrefix) {
  return z.string().transform((value, ctx): string => {
    if (!value.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: V3_PROBLEMS.notPrefixed(prefix) });
    else if (!isV3Id(value, prefix)) ctx.addIssue({ code: 'custom', message: V3_PROBLEMS.idCharacters() });
    return value;
  });
}

function dateTimeSchema(nullable: boolean) {
  return z.string().transform((value, ctx): number | null => {
    let at: number | null;
    try {
      at = parseCademiDate(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: V3_PROBLEMS.notTimestamp() });
      return z.NEVER;
    }
    // '' and impossible years (0001-01-01) read as no date: fine only where null is.
    if (at === null && !nullable) ctx.addIssue({ code: 'custom', message: V3_PROBLEMS.notTimestamp() });
    return at;
  });
}

function idListSchema(prefix: IdPrefix, each: string | undefined) {
  return z.array(z.unknown()).transform((elements, ctx): string[] => {
    const ids: string[] = [];
    for (const element of elements) {
      const id = each === undefined ? element : lookup(element, each).value;
      if (!isV3Id(id, prefix)) {
        ctx.addIssue({ code: 'custom', message: V3_PROBLEMS.notPrefixed(prefix) });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });
}

function schemaOf(field: FieldContract): z.ZodType {
  switch (field.type) {
    case 'id':
      return idSchema(field.prefix ?? missingPrefix(field));
    case 'id-list':
      return idListSchema(field.prefix ?? missingPrefix(field), field.each);
    case 'text':
      return z.string();
    case 'integer':
      return z.number().int().nonnegative();
    case 'percent':
      return z.number().min(0).max(100);
    case 'date-time':
      return dateTimeSchema(field.nullable);
    case 'phone':
      return z.unknown();
  }
}

function missingPrefix(field: FieldContract): never {
  throw new Error(`cademi-v3: the contract's ${field.type} field ${field.path} declares no prefix`);
}

const schemas = new WeakMap<FieldContract, z.ZodType>();

function cachedSchema(field: FieldContract): z.ZodType {
  let schema = schemas.get(field);
  if (schema === undefined) {
    schema = schemaOf(field);
    schemas.set(field, schema);
  }
  return schema;
}

/** Longer than this, a phone is no phone number: dropped rather than shown to a tutor. */
const MAX_PHONE_LENGTH = 40;

/** A phone as a string or digits; anything else, blank or absurdly long reads as null (never a failure). */
function phoneOf(value: unknown): string | null {
  const raw = typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : typeof value === 'string' ? value.trim() : '';
  return raw === '' || raw.length > MAX_PHONE_LENGTH ? null : raw;
}

/** What was wrong with a value, in pt-BR: its kind when that was wrong, else the field type's own rule. */
function problemOf(field: FieldContract, issue: z.core.$ZodIssue | undefined, value: unknown): string {
  if (issue?.code === 'custom') return issue.message;
  const expected = EXPECTED_KIND[field.type];
  if (kindOf(value) !== expected) return wrongKind(expected, kindOf(value));
  if (field.type === 'integer') return V3_PROBLEMS.notWholeNumber();
  if (field.type === 'percent' && typeof value === 'number') return percentOutOfRange(value);
  return unexpectedValue(issue?.code ?? 'custom');
}

// ---- reading ----

function readField(source: unknown, field: FieldContract, site: FieldSite): unknown {
  const found = lookup(source, field.path);
  if (!found.present) {
    if (field.required) throw fieldError(site, field, wrongKind(EXPECTED_KIND[field.type], NOTHING_FOUND), true);
    return null;
  }
  if (field.type === 'phone') return phoneOf(found.value);
  if (found.value === null) {
    if (field.nullable) return null;
    throw fieldError(site, field, wrongKind(EXPECTED_KIND[field.type], 'null'));
  }
  const result = cachedSchema(field).safeParse(found.value);
  if (result.success) return result.data;
  throw fieldError(site, field, problemOf(field, result.error.issues[0], found.value));
}

/**
 * Reads every declared field of `fields` from `source` (one list item, or the body of a single
 * object). Throws a CademiV3ShapeError at the first field that is missing (when required), null (when
 * not nullable) or of the wrong type; fields not declared are never read.
 */
export function readFields<Fs extends Readonly<Record<string, FieldContract>>>(source: unknown, fields: Fs, site: FieldSite): FieldValues<Fs> {
  const values: Record<string, unknown> = {};
  for (const [role, field] of Object.entries(fields)) values[role] = readField(source, field, site);
  return values as FieldValues<Fs>;
}
