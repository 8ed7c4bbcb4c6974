// Compares the v3 contract table (contractEntries) with an OpenAPI 3.x document, such as the live
// `/openapi.json`: for every declared path, parameter and response field, does the document agree?
// Pure: the document arrives parsed (unknown) and is only read. Local `$ref`s, allOf/anyOf/oneOf,
// 3.0's `nullable` and 3.1's type arrays with "null" are understood; anything malformed gives a
// result, never a throw. A name the document uses is reported only when it is a plain identifier.

import { type ContractEntry, contractEntries, V3_CONTRACT, type V3Contract } from './contract';

/** What an entry's comparison found. */
export type EntryVerdict = 'ok' | 'missing' | 'different';

/** The JSON types a schema may declare. */
export type JsonTypeName = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** Why an entry is not `ok`. */
export type OpenApiProblem =
  /** The path is not in `paths` (nor under the base path). */
  | { readonly kind: 'path-missing' }
  /** The path is there, without a GET. */
  | { readonly kind: 'method-missing' }
  | { readonly kind: 'param-missing' }
  /** Declared under another name (`tag_id` for `tag_id[]`, `{id}` for `{user_id}`); null when that name is not shown (not a plain identifier). */
  | { readonly kind: 'param-renamed'; readonly documentName: string | null }
  /** Declared with that name, elsewhere (`in: header` for a query parameter). */
  | { readonly kind: 'param-location'; readonly documentIn: string }
  /** The GET declares no 2xx JSON schema, so no field can be found in it. */
  | { readonly kind: 'no-response-schema' }
  /** Absent from the 2xx schema; `similar`: a sibling whose name looks like a rename (`progress_percent` for `percent`). */
  | { readonly kind: 'field-missing'; readonly similar: string | null }
  /** Declared with another JSON type (`documentTypes`, as the document lists them). */
  | { readonly kind: 'field-type'; readonly documentTypes: readonly JsonTypeName[] }
  /** Required by the contract (the parser refuses an answer without it), optional in the document. */
  | { readonly kind: 'field-optional' }
  /** The document allows null where the contract does not. */
  | { readonly kind: 'field-nullable' };

export interface EntryCheck {
  readonly entry: ContractEntry;
  readonly verdict: EntryVerdict;
  /** null when `ok`. */
  readonly problem: OpenApiProblem | null;
}

/** The comparison's result: per entry in table order, or why the document could not be read at all. */
export type OpenApiCheck =
  | { readonly readable: false; readonly reason: 'not-object' | 'no-paths' }
  | {
      readonly readable: true;
      /** `openapi` (or `swagger`) of the document, when it is a plain version number. */
      readonly openapiVersion: string | null;
      /** `info.version`: the contract release, when it is a plain version number. */
      readonly contractVersion: string | null;
      readonly entries: readonly EntryCheck[];
    };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A name safe to print: the document is untrusted, so only what looks like an identifier. */
const PLAIN_NAME = /^[A-Za-z0-9_.[\]{}-]{1,64}$/;

function shownName(name: string): string | null {
  return PLAIN_NAME.test(name) ? name : null;
}

function versionText(value: unknown): string | null {
  return typeof value === 'string' && /^\d{1,3}(\.\d{1,4}){0,2}$/.test(value) ? value : null;
}

/** Deep enough for any real document; a `$ref` chain longer than this is a loop. */
const MAX_DEPTH = 32;

/** Follows local `$ref`s (`#/components/...`, JSON Pointer escapes); null for a remote, broken or looping one. */
function resolve(document: Json, node: unknown, depth = 0): unknown {
  if (!isRecord(node) || typeof node.$ref !== 'string') return node;
  if (depth >= MAX_DEPTH || !node.$ref.startsWith('#/')) return null;
  let current: unknown = document;
  for (const raw of node.$ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(current) && !Array.isArray(current)) return null;
    current = (current as Json)[key];
  }
  return resolve(document, current, depth + 1);
}

/** A schema reduced to what the comparison reads. `types` null: the schema does not say. */
interface Shape {
  readonly types: ReadonlySet<JsonTypeName> | null;
  readonly nullable: boolean;
  readonly properties: ReadonlyMap<string, unknown>;
  readonly required: ReadonlySet<string>;
  readonly items: unknown;
}

const JSON_TYPES: readonly JsonTypeName[] = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'];
const EMPTY_SHAPE: Shape = { types: null, nullable: false, properties: new Map(), required: new Set(), items: undefined };

function declaredTypes(schema: Json): { types: Set<JsonTypeName> | null; nullType: boolean } {
  const raw = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : null;
  if (raw === null) return { types: null, nullType: false };
  const named = raw.filter((type): type is JsonTypeName => JSON_TYPES.includes(type as JsonTypeName));
  const types = new Set(named.filter((type) => type !== 'null'));
  return { types: types.size === 0 ? null : types, nullType: named.includes('null') };
}

/** Only null allowed (`{type: 'null'}` or `{enum: [null]}`): the "or null" branch of a 3.1 anyOf. */
function isNullOnly(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  if (schema.type === 'null') return true;
  return Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((value) => value === null);
}

function union<T>(sets: readonly (ReadonlySet<T> | null)[]): Set<T> | null {
  if (sets.some((set) => set === null)) return null;
  return new Set(sets.flatMap((set) => [...(set ?? [])]));
}

/** The properties, required keys and items of several parts taken together. */
function merge(parts: readonly Shape[], requiredOf: (parts: readonly Shape[]) => Set<string>): Pick<Shape, 'properties' | 'required' | 'items'> {
  const properties = new Map<string, unknown>();
  for (const part of parts) for (const [name, schema] of part.properties) if (!properties.has(name)) properties.set(name, schema);
  return { properties, required: requiredOf(parts), items: parts.find((part) => part.items !== undefined)?.items };
}

/** Reads a schema (after `$ref`s) into a Shape; allOf parts are all true at once, anyOf/oneOf parts are alternatives. */
function shapeOf(document: Json, node: unknown, depth = 0): Shape {
  const schema = resolve(document, node);
  if (!isRecord(schema) || depth >= MAX_DEPTH) return EMPTY_SHAPE;
  const own = declaredTypes(schema);
  const properties = new Map<string, unknown>(isRecord(schema.properties) ? Object.entries(schema.properties) : []);
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
  let types: Set<JsonTypeName> | null = own.types;
  let nullable = own.nullType || schema.nullable === true;
  let items: unknown = schema.items;

  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((part) => shapeOf(document, part, depth + 1));
    const merged = merge(parts, (all) => new Set(all.flatMap((part) => [...part.required])));
    for (const [name, value] of merged.properties) if (!properties.has(name)) properties.set(name, value);
    for (const name of merged.required) required.add(name);
    items ??= merged.items;
    const typed = parts.find((part) => part.types !== null)?.types;
    types ??= typed ? new Set(typed) : null;
    // `allOf: [{$ref}]` with `nullable: true` beside it is 3.0's way to make a referenced schema nullable.
    nullable ||= parts.every((part) => part.nullable);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[key];
    if (!Array.isArray(alternatives) || alternatives.length === 0) continue;
    const resolved = alternatives.map((part) => resolve(document, part));
    if (resolved.some(isNullOnly)) nullable = true;
    const parts = resolved.filter((part) => !isNullOnly(part)).map((part) => shapeOf(document, part, depth + 1));
    if (parts.length === 0) continue;
    // A key any alternative lacks may be absent; one an alternative declares may be present.
    const merged = merge(parts, (all) => new Set([...(all[0]?.required ?? [])].filter((name) => all.every((part) => part.required.has(name)))));
    for (const [name, value] of merged.properties) if (!properties.has(name)) properties.set(name, value);
    for (const name of merged.required) required.add(name);
    items ??= merged.items;
    types ??= union(parts.map((part) => part.types));
    if (parts.some((part) => part.nullable)) nullable = true;
  }
  if (types === null && properties.size > 0) types = new Set(['object']);
  if (types === null && items !== undefined) types = new Set(['array']);
  return { types, nullable, properties, required, items };
}

// ---- paths and operations ----

/** A path's segments, with every `{name}` kept as it is (the caller compares names apart). */
function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

const isTemplate = (segment: string) => /^\{[^}]*\}$/.test(segment);

interface FoundPath {
  /** The document's own template (`/users/{id}/progress`). */
  readonly template: string;
  readonly item: Json;
}

/**
 * The document's path for a contract path: the same key, the key under the base path (a document
 * whose server is the host alone), or the same shape with other parameter names.
 */
function findPath(document: Json, paths: Json, path: string, basePath: string): FoundPath | null {
  const wanted = segmentsOf(path);
  const base = segmentsOf(basePath);
  const candidates: FoundPath[] = [];
  for (const [template, raw] of Object.entries(paths)) {
    const item = resolve(document, raw);
    if (!isRecord(item)) continue;
    let segments = segmentsOf(template);
    if (segments.length === wanted.length + base.length && base.every((segment, index) => segments[index] === segment)) segments = segments.slice(base.length);
    if (segments.length !== wanted.length) continue;
    const sameShape = segments.every((segment, index) => {
      const expected = wanted[index] ?? '';
      return isTemplate(expected) ? isTemplate(segment) : segment === expected;
    });
    if (!sameShape) continue;
    const exact = segments.every((segment, index) => segment === wanted[index]);
    if (exact) return { template, item };
    candidates.push({ template, item });
  }
  return candidates[0] ?? null;
}

interface DeclaredParam {
  readonly name: string;
  readonly in: string;
}

/** Parameters of the path item and of its operation (the operation's win on the same name and place). */
function paramsOf(document: Json, item: Json, operation: Json): DeclaredParam[] {
  const read = (list: unknown): DeclaredParam[] =>
    (Array.isArray(list) ? list : [])
      .map((param) => resolve(document, param))
      .filter(isRecord)
      .filter((param) => typeof param.name === 'string')
      .map((param) => ({ name: param.name as string, in: typeof param.in === 'string' ? param.in : '' }));
  const own = read(operation.parameters);
  const inherited = read(item.parameters).filter((param) => !own.some((mine) => mine.name === param.name && mine.in === param.in));
  return [...inherited, ...own];
}

/** The JSON schema of the GET's success answer: `200`, else `2XX`, else the lowest 2xx; null when none is declared. */
function successSchema(document: Json, operation: Json): unknown {
  const responses = isRecord(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses);
  const code = ['200', '2XX', '2xx'].find((candidate) => codes.includes(candidate)) ?? codes.filter((candidate) => /^2\d\d$/.test(candidate)).sort()[0];
  if (code === undefined) return null;
  const response = resolve(document, responses[code]);
  if (!isRecord(response)) return null;
  if (isRecord(response.content)) {
    const media = Object.keys(response.content);
    const json = media.find((type) => type.toLowerCase() === 'application/json') ?? media.find((type) => /json/i.test(type));
    const content = json === undefined ? undefined : resolve(document, response.content[json]);
    return isRecord(content) && content.schema !== undefined ? content.schema : null;
  }
  // Swagger 2.0 puts the schema on the response itself.
  return response.schema ?? null;
}

// ---- entries ----

/** `tag_id[]`, `tagId` and `tag-id` all read `tagid`: a rename that keeps the name recognisable. */
function looseName(name: string): string {
  return name
    .replace(/\[\]$/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

function checkParam(
  entry: Extract<ContractEntry, { kind: 'parameter' }>,
  declared: readonly DeclaredParam[],
  documentTemplate: string,
): Pick<EntryCheck, 'verdict' | 'problem'> {
  if (entry.in === 'path') {
    // A path parameter is named by its place in the template (what the server routes on), whatever the parameters list says.
    const position = segmentsOf(entry.path).indexOf(`{${entry.name}}`);
    const segment = segmentsOf(documentTemplate).slice(-segmentsOf(entry.path).length)[position];
    if (segment === `{${entry.name}}`) return { verdict: 'ok', problem: null };
    if (segment !== undefined && isTemplate(segment))
      return { verdict: 'different', problem: { kind: 'param-renamed', documentName: shownName(segment.slice(1, -1)) } };
  }
  const exact = declared.filter((param) => param.name === entry.name);
  if (exact.some((param) => param.in === entry.in)) return { verdict: 'ok', problem: null };
  const [elsewhere] = exact;
  if (elsewhere !== undefined) return { verdict: 'different', problem: { kind: 'param-location', documentIn: shownName(elsewhere.in) ?? '?' } };
  const similar = declared.find((param) => param.in === entry.in && looseName(param.name) === looseName(entry.name));
  if (similar !== undefined) return { verdict: 'different', problem: { kind: 'param-renamed', documentName: shownName(similar.name) } };
  return { verdict: 'missing', problem: { kind: 'param-missing' } };
}

/** The JSON types the client reads a field of this contract type from (an integer is a number). */
function acceptedTypes(jsonType: Extract<ContractEntry, { kind: 'field' }>['jsonType']): ReadonlySet<JsonTypeName> {
  return jsonType === 'number' ? new Set(['number', 'integer']) : new Set([jsonType]);
}

/** A sibling property whose name contains the wanted one or is contained in it, and no contract field claims. */
function similarName(wanted: string, siblings: Iterable<string>, claimed: ReadonlySet<string>): string | null {
  const loose = looseName(wanted);
  for (const name of siblings) {
    if (claimed.has(name) || name === wanted) continue;
    const other = looseName(name);
    if (other !== '' && loose !== '' && (other.includes(loose) || loose.includes(other))) return shownName(name);
  }
  return null;
}

/** The property names the contract reads under a field's parent (`items[]` → `percent`, `product_id`, …). */
function claimedSiblings(field: string, endpointFields: readonly string[]): Set<string> {
  const parent = field.includes('.') ? field.slice(0, field.lastIndexOf('.') + 1) : '';
  return new Set(
    endpointFields
      .filter((other) => other.startsWith(parent))
      .map((other) => other.slice(parent.length).split('.')[0] ?? '')
      .map((name) => name.replace(/\[\]$/, '')),
  );
}

function checkField(
  document: Json,
  entry: Extract<ContractEntry, { kind: 'field' }>,
  root: unknown,
  endpointFields: readonly string[],
): Pick<EntryCheck, 'verdict' | 'problem'> {
  let current: unknown = root;
  let requiredAlong = true;
  let nullableAtLeaf = false;
  const segments = entry.field.split('.');
  for (const [index, segment] of segments.entries()) {
    const isArray = segment.endsWith('[]');
    const name = isArray ? segment.slice(0, -2) : segment;
    const parent = shapeOf(document, current);
    if (!parent.properties.has(name)) {
      const claimed = claimedSiblings(entry.field, endpointFields);
      return { verdict: 'missing', problem: { kind: 'field-missing', similar: similarName(name, parent.properties.keys(), claimed) } };
    }
    requiredAlong &&= parent.required.has(name);
    current = parent.properties.get(name);
    const last = index === segments.length - 1;
    if (last) nullableAtLeaf = shapeOf(document, current).nullable;
    if (isArray && !last) {
      const array = shapeOf(document, current);
      if (array.items === undefined) return { verdict: 'missing', problem: { kind: 'field-missing', similar: null } };
      current = array.items;
    }
  }
  const leaf = shapeOf(document, current);
  const accepted = acceptedTypes(entry.jsonType);
  if (leaf.types !== null && [...leaf.types].some((type) => !accepted.has(type))) {
    return { verdict: 'different', problem: { kind: 'field-type', documentTypes: [...leaf.types] } };
  }
  if (entry.required && !requiredAlong) return { verdict: 'different', problem: { kind: 'field-optional' } };
  if (!entry.nullable && nullableAtLeaf) return { verdict: 'different', problem: { kind: 'field-nullable' } };
  return { verdict: 'ok', problem: null };
}

/**
 * Checks every entry of the contract against an OpenAPI document (parsed JSON, untrusted). Known and
 * assumed entries are checked alike; each result carries its entry, whose `knowledge` says which it is.
 */
export function checkOpenApi(document: unknown, contract: V3Contract = V3_CONTRACT): OpenApiCheck {
  if (!isRecord(document)) return { readable: false, reason: 'not-object' };
  const paths = resolve(document, document.paths);
  if (!isRecord(paths)) return { readable: false, reason: 'no-paths' };
  const entries = contractEntries(contract);
  const checks = entries.map((entry): EntryCheck => {
    const found = findPath(document, paths, entry.path, contract.basePath);
    if (found === null) return { entry, verdict: 'missing', problem: { kind: 'path-missing' } };
    const operation = resolve(document, found.item[entry.method.toLowerCase()]);
    if (!isRecord(operation)) return { entry, verdict: 'missing', problem: { kind: 'method-missing' } };
    if (entry.kind === 'path') return { entry, verdict: 'ok', problem: null };
    if (entry.kind === 'parameter') return { entry, ...checkParam(entry, paramsOf(document, found.item, operation), found.template) };
    const schema = successSchema(document, operation);
    if (schema === null) return { entry, verdict: 'missing', problem: { kind: 'no-response-schema' } };
    const siblings = entries
      .filter((other) => other.kind === 'field' && other.endpoint === entry.endpoint)
      .map((other) => (other.kind === 'field' ? other.field : ''));
    return { entry, ...checkField(document, entry, schema, siblings) };
  });
  const info = isRecord(document.info) ? document.info : {};
  return {
    readable: true,
    openapiVersion: versionText(document.openapi) ?? versionText(document.swagger),
    contractVersion: versionText(info.version),
    entries: checks,
  };
}
