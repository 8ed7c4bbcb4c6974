// Reads Cademi responses: status and envelope checks, then zod validation into the typed model.
// Schemas are lenient where the docs are unsure (extra fields, numeric-string ids, null dates) and
// strict where a silent mistake would lose data (a renamed list field fails instead of reading as empty).

import { z } from 'zod';
import { errorText } from '../errors';
import { type HttpResponse, isTransportFailure } from '../http';
import { BODY_NOT_JSON, bodyNotObject, NOTHING_FOUND, UNKNOWN_ENDPOINT, unexpectedValue, wrongKind } from '../messages/cademi';
import { type CademiDateReading, parseCademiDate, parsePercent, readCademiDate } from './dates';
import {
  CademiAuthError,
  CademiBusinessRuleError,
  type CademiError,
  type CademiErrorDetails,
  CademiHttpError,
  CademiNotFoundError,
  CademiRateLimitError,
  CademiRedirectError,
  CademiServerError,
  CademiShapeError,
  CademiTransportError,
  requestIdOf,
} from './errors';
import { ENDPOINTS, originOf } from './requests';
import type { CademiAccess, CademiProduct, CademiProgress, CademiStudent, CademiTag, Page, StudentDateField } from './types';

/** Wait used when a 429 has no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 1000;

function headerOf(response: HttpResponse, name: string): string | undefined {
  // Hosts promise lower-case names; tolerate others anyway.
  for (const key of Object.keys(response.headers)) {
    if (key.toLowerCase() === name) return response.headers[key];
  }
  return undefined;
}

/** Milliseconds to wait from a Retry-After value (delta seconds or HTTP-date); default 1000. */
export function retryAfterMs(value: string | undefined, nowMs: number = Date.now()): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - nowMs);
}

/** Headers servers use for a request id; the first one present and token-like is kept. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'];

function requestIdFrom(response: HttpResponse): { requestId?: string } {
  for (const name of REQUEST_ID_HEADERS) {
    const id = requestIdOf(headerOf(response, name));
    if (id !== undefined) return { requestId: id };
  }
  return {};
}

/**
 * Where a redirect points, as an origin only: its path and query may carry anything, and a
 * `user:password@` part is dropped with them. Null for a relative, odd or overlong Location.
 */
function redirectOrigin(response: HttpResponse): string | null {
  // Only scheme://authority is looked at: what follows may hold anything, spaces included.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec((headerOf(response, 'location') ?? '').trim());
  const origin = authority ? originOf(authority[0]) : null;
  return origin !== null && origin.length <= 120 && /^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin) ? origin : null;
}

function errorForStatus(status: number, details: CademiErrorDetails, response: HttpResponse, nowMs: number): CademiError {
  if (status >= 300 && status <= 399) return new CademiRedirectError(details, redirectOrigin(response));
  if (status === 401 || status === 403 || status === 405) return new CademiAuthError(details);
  if (status === 404) return new CademiNotFoundError(details);
  if (status === 409) return new CademiBusinessRuleError(details);
  if (status === 429) return new CademiRateLimitError(details, retryAfterMs(headerOf(response, 'retry-after'), nowMs));
  if (status >= 500 && status <= 599) return new CademiServerError(details);
  return new CademiHttpError(details);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Cademi's envelope `code` (a number), never its `msg`: that text can echo the request, token included. */
function envelopeCodeOf(body: unknown): number | undefined {
  return isRecord(body) && typeof body.code === 'number' && Number.isInteger(body.code) ? body.code : undefined;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function kindOf(value: unknown): string {
  if (value === undefined) return NOTHING_FOUND;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Throws the typed error a response stands for, or returns its parsed JSON body (an object).
 * Order: transport failure, HTTP status, JSON parse, then `success:false` (classified by the
 * envelope's `code` when it is an error code, since a 200 can carry `{"success":false,"code":405}`).
 */
export function checkResponse(response: HttpResponse, endpoint: string = UNKNOWN_ENDPOINT, nowMs: number = Date.now()): Record<string, unknown> {
  if (isTransportFailure(response)) {
    throw new CademiTransportError({ endpoint, status: 0 }, String(response.transportError ?? ''));
  }
  const parsed = tryJson(response.body);
  const id = requestIdFrom(response);
  if (response.status < 200 || response.status > 299) {
    const envelopeCode = parsed.ok ? envelopeCodeOf(parsed.value) : undefined;
    throw errorForStatus(response.status, { endpoint, status: response.status, envelopeCode, ...id }, response, nowMs);
  }
  if (!parsed.ok) {
    // A truncated or garbled body is a transport accident more often than an API change: retried.
    throw new CademiShapeError({ endpoint, status: response.status, ...id }, '', BODY_NOT_JSON, true);
  }
  const body = parsed.value;
  if (!isRecord(body)) {
    throw new CademiShapeError({ endpoint, status: response.status, ...id }, '', bodyNotObject(kindOf(body)));
  }
  if (body.success === false) {
    const code = typeof body.code === 'number' ? body.code : Number.NaN;
    const envelopeCode = envelopeCodeOf(body);
    if (code >= 400 && code <= 599) {
      throw errorForStatus(code, { endpoint, status: code, envelopeCode, ...id }, response, nowMs);
    }
    throw new CademiHttpError({ endpoint, status: response.status, ...id }, Number.isNaN(code) ? undefined : code);
  }
  return body;
}

// ---- field schemas ----

function digitsToNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}

/** Non-negative integer; a digits-only string ("1051") is accepted as the number. */
const wholeNumber = z.preprocess(digitsToNumber, z.number().int().nonnegative());

/** Optional integer (ordem, duracao); '' and null mean unknown. */
const optionalInteger = z.preprocess((value) => (value === '' ? null : digitsToNumber(value)), z.number().int().nullish()).transform((value) => value ?? null);

/** A documented text field; null becomes ''. Missing still fails: that would be a renamed field. */
const text = z
  .string()
  .nullable()
  .transform((value) => value ?? '');

/** A Cademi timestamp (either documented format) → epoch ms; null/missing/'' → null. */
const cademiDate = z
  .string()
  .nullish()
  .transform((value, ctx): number | null => {
    try {
      return parseCademiDate(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: errorText(error) });
      return z.NEVER;
    }
  });

/** A student's timestamp: as `cademiDate`, and whether it was an impossible one (the run warns about it). */
const studentDate = z
  .string()
  .nullish()
  .transform((value, ctx): CademiDateReading => {
    try {
      return readCademiDate(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: errorText(error) });
      return z.NEVER;
    }
  });

/** Progress `total`: "41.7%", "41,7%" or a number → 0..100. */
const percent = z.union([z.string(), z.number()]).transform((value, ctx): number => {
  try {
    return parsePercent(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: errorText(error) });
    return z.NEVER;
  }
});

/** A boolean that may also arrive as 0/1 or "0"/"1" (PHP back ends do this). */
const flag = z.preprocess((value) => {
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return value;
}, z.boolean());

/** `next_page_url`: absent paginator = one page; '' means no next page. */
const paginator = z
  .object({ next_page_url: z.string().nullable() })
  .nullish()
  .transform((value) => (value?.next_page_url ? value.next_page_url : null));

/** Longer than this, a `celular` is no phone number: dropped rather than shown to a tutor. */
const MAX_PHONE_LENGTH = 40;

/**
 * `celular` (may be null, per the docs): a string, or a number from a back end that stores digits;
 * anything else, blank or absurdly long reads as null. Never fails the student: a phone is a courtesy.
 */
const phone = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    const raw = typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : typeof value === 'string' ? value.trim() : '';
    return raw === '' || raw.length > MAX_PHONE_LENGTH ? null : raw;
  });

// ---- object schemas (login_auto, doc, gratis are never read, so never kept) ----

const student = z
  .object({
    id: wholeNumber,
    nome: text,
    email: text,
    celular: phone,
    criado_em: studentDate,
    ultimo_acesso_em: studentDate,
  })
  .transform((raw): CademiStudent => {
    const impossible: StudentDateField[] = [];
    if (raw.criado_em.impossible) impossible.push('criado_em');
    if (raw.ultimo_acesso_em.impossible) impossible.push('ultimo_acesso_em');
    return {
      id: raw.id,
      name: raw.nome,
      email: raw.email,
      phone: raw.celular,
      createdAt: raw.criado_em.at,
      lastAccessAt: raw.ultimo_acesso_em.at,
      ...(impossible.length > 0 ? { impossibleDates: impossible } : {}),
    };
  });

const product = z
  .object({ id: wholeNumber, ordem: optionalInteger.optional(), nome: text })
  .transform((raw): CademiProduct => ({ id: raw.id, order: raw.ordem ?? null, name: raw.nome }));

const tag = z.object({ id: wholeNumber, nome: text }).transform((raw): CademiTag => ({ id: raw.id, name: raw.nome }));

const lessonVisit = z.object({ acesso_em: cademiDate });

const progress = z
  .object({
    total: percent,
    assistidas: wholeNumber,
    completas: wholeNumber,
    aulas: z.array(lessonVisit).nullish(),
  })
  .transform((raw): CademiProgress => {
    let lastActivityAt: number | null = null;
    for (const visit of raw.aulas ?? []) {
      if (visit.acesso_em !== null && (lastActivityAt === null || visit.acesso_em > lastActivityAt)) {
        lastActivityAt = visit.acesso_em;
      }
    }
    return {
      percent: raw.total,
      lessonsOpened: raw.assistidas,
      lessonsCompleted: raw.completas,
      lastActivityAt,
    };
  });

const access = z
  .object({
    produto: product,
    duracao: optionalInteger.optional(),
    duracao_tipo: z.string().nullish(),
    comecou_em: cademiDate,
    encerra_em: cademiDate,
    encerrado: flag,
  })
  .transform(
    (raw): CademiAccess => ({
      product: raw.produto,
      duration: raw.duracao ?? null,
      durationType: raw.duracao_tipo ?? null,
      startedAt: raw.comecou_em,
      endsAt: raw.encerra_em,
      ended: raw.encerrado,
    }),
  );

// ---- validation → CademiShapeError ----

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Validates `body.data` against `dataSchema`; the first issue becomes a CademiShapeError. */
function parseData<S extends z.ZodType>(body: Record<string, unknown>, dataSchema: S, endpoint: string, status: number): z.output<S> {
  const result = dataSchema.safeParse(body.data);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (!issue) throw new Error(`parseData: ${endpoint} failed validation without an issue`);
  const path = ['data', ...issue.path];
  // Name the kind of value found, never the value itself (it might be a login_auto URL).
  const problem =
    issue.code === 'invalid_type'
      ? wrongKind(String(issue.expected), kindOf(valueAt(body, path)))
      : issue.code === 'custom'
        ? issue.message
        : unexpectedValue(issue.code);
  throw new CademiShapeError({ endpoint, status }, pathText(path), problem);
}

// ---- parsers, one per endpoint ----

const tagStudentsData = z.object({ usuario: z.array(student), paginator });

/** `GET /usuario/lista_por_tag/{tag_id}` → one page of students. The caller accumulates pages. */
export function parseTagStudentsPage(response: HttpResponse, endpoint: string = ENDPOINTS.tagStudents): Page<CademiStudent> {
  const data = parseData(checkResponse(response, endpoint), tagStudentsData, endpoint, response.status);
  return { items: data.usuario, nextPageUrl: data.paginator };
}

/** `GET /usuario/progresso_por_produto/{id}/{produto_id}` → progress; lastActivityAt = max(aulas[].acesso_em). */
export function parseProgress(response: HttpResponse, endpoint: string = ENDPOINTS.progress): CademiProgress {
  return parseData(checkResponse(response, endpoint), z.object({ progresso: progress }), endpoint, response.status).progresso;
}

/** `GET /tag` → every tag. */
export function parseTags(response: HttpResponse, endpoint: string = ENDPOINTS.tags): CademiTag[] {
  return parseData(checkResponse(response, endpoint), z.object({ itens: z.array(tag) }), endpoint, response.status).itens;
}

/** `GET /produto` → one page of products. The caller accumulates pages. */
export function parseProductsPage(response: HttpResponse, endpoint: string = ENDPOINTS.products): Page<CademiProduct> {
  const data = parseData(checkResponse(response, endpoint), z.object({ produto: z.array(product), paginator }), endpoint, response.status);
  return { items: data.produto, nextPageUrl: data.paginator };
}

/** `GET /produto/{produto_id}` → the product (its `vitrine` is ignored). */
export function parseProduct(response: HttpResponse, endpoint: string = ENDPOINTS.product): CademiProduct {
  return parseData(checkResponse(response, endpoint), z.object({ produto: product }), endpoint, response.status).produto;
}

/** `GET /usuario/{id|email|cpf}` → the student. */
export function parseStudent(response: HttpResponse, endpoint: string = ENDPOINTS.student): CademiStudent {
  return parseData(checkResponse(response, endpoint), z.object({ usuario: student }), endpoint, response.status).usuario;
}

/** `GET /usuario/acesso/{id}` → the student and their product accesses. */
export function parseAccess(response: HttpResponse, endpoint: string = ENDPOINTS.access): { student: CademiStudent; accesses: CademiAccess[] } {
  const data = parseData(checkResponse(response, endpoint), z.object({ usuario: student, acesso: z.array(access) }), endpoint, response.status);
  return { student: data.usuario, accesses: data.acesso };
}
