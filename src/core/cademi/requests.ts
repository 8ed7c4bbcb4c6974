// Builds the HttpRequest values for each Cademi endpoint the monitor reads (no I/O here).

import type { HttpRequest } from '../http';
import { SEGMENT, cademiMessages as say, tokenMessages } from '../messages/cademi';
import { CademiUnsafeUrlError } from './errors';
import { tokenProblem } from './token';
import type { ApiTarget } from './types';

/** Endpoint labels used in error messages and logs (paths relative to the `/api/v1` base). */
export const ENDPOINTS = {
  tagStudents: 'GET /usuario/lista_por_tag/{tag_id}',
  progress: 'GET /usuario/progresso_por_produto/{usuario_email_id_doc}/{produto_id}',
  tags: 'GET /tag',
  products: 'GET /produto',
  product: 'GET /produto/{produto_id}',
  student: 'GET /usuario/{usuario_email_id_doc}',
  access: 'GET /usuario/acesso/{usuario_email_id_doc}',
} as const;

/** One of the ENDPOINTS labels. */
export type EndpointLabel = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/** The base URL without trailing slashes, so paths can be appended with one '/'. */
function baseOf(target: ApiTarget): string {
  return target.baseUrl.trim().replace(/\/+$/, '');
}

function headersOf(target: ApiTarget): Record<string, string> {
  // Backstop for every path (the sidebar's too): a token that is no header value never reaches
  // fetch/UrlFetchApp, whose error text could quote it. The hosts check it earlier, with their own hint.
  const problem = tokenProblem(target.token);
  if (problem !== null) throw new Error(tokenMessages.runRefused(problem));
  // The raw key, no "Bearer": that is what the docs specify.
  return { Authorization: target.token, Accept: 'application/json' };
}

/** Encodes one path segment; rejects values that would change which endpoint is called. */
function segment(value: number | string, what: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(say.badSegment(what));
    return String(value);
  }
  const trimmed = value.trim();
  // '' would call the parent endpoint; '.'/'..' would be resolved away by the HTTP client.
  if (trimmed === '' || trimmed === '.' || trimmed === '..') throw new Error(say.badSegment(what));
  return encodeURIComponent(trimmed);
}

function get(target: ApiTarget, path: string): HttpRequest {
  return { method: 'GET', url: `${baseOf(target)}${path}`, headers: headersOf(target) };
}

/** `GET /usuario/lista_por_tag/{tag_id}`: the first page of a cohort's students. */
export function tagStudentsRequest(target: ApiTarget, tagId: number | string): HttpRequest {
  return get(target, `/usuario/lista_por_tag/${segment(tagId, SEGMENT.tagId)}`);
}

/** `GET /usuario/progresso_por_produto/{id}/{produto_id}`: one student's progress in one product. */
export function progressRequest(target: ApiTarget, studentId: number | string, productId: number | string): HttpRequest {
  return get(target, `/usuario/progresso_por_produto/${segment(studentId, SEGMENT.studentId)}/${segment(productId, SEGMENT.productId)}`);
}

/** `GET /tag`: every tag of the school. */
export function tagsRequest(target: ApiTarget): HttpRequest {
  return get(target, '/tag');
}

/** `GET /produto`: the first page of the school's products. */
export function productsRequest(target: ApiTarget): HttpRequest {
  return get(target, '/produto');
}

/** `GET /produto/{produto_id}`: one product. */
export function productRequest(target: ApiTarget, productId: number | string): HttpRequest {
  return get(target, `/produto/${segment(productId, SEGMENT.productId)}`);
}

/** `GET /usuario/{id|email|cpf}`: one student. Prefer the numeric id (e-mail and CPF can be edited). */
export function studentRequest(target: ApiTarget, idOrEmail: number | string): HttpRequest {
  return get(target, `/usuario/${segment(idOrEmail, SEGMENT.studentIdOrEmail)}`);
}

/** `GET /usuario/acesso/{id}`: a student and their product accesses. */
export function accessRequest(target: ApiTarget, studentId: number | string): HttpRequest {
  return get(target, `/usuario/acesso/${segment(studentId, SEGMENT.studentId)}`);
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

// scheme://[userinfo@]host[:port] followed by a path, query, fragment or the end.
const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/?#]*)@)?(\[[^\]/?#]*\]|[^/?#:]*)(?::(\d*))?(?=[/?#]|$)/i;

/**
 * The normalised origin `scheme://host[:port]` of an absolute http(s) URL (lower-case, default port
 * dropped), or null when the URL is relative, not http(s), carries credentials, or contains
 * characters (backslash, whitespace, controls) that real HTTP clients interpret differently.
 * `URL` does not exist in Apps Script, hence the regex.
 */
export function originOf(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters in a URL is the point
  if (/[\\\s\u0000-\u001f\u007f]/.test(url)) return null;
  const match = ABSOLUTE_URL.exec(url);
  if (!match) return null;
  // Scheme and host always take part in a match; the defaults only satisfy the type.
  const [, schemeText = '', userInfo, hostText = '', portText] = match;
  const scheme = schemeText.toLowerCase();
  if (!(scheme in DEFAULT_PORTS) || userInfo !== undefined) return null;
  const host = hostText.toLowerCase();
  if (host === '') return null;
  const port = portText === undefined || portText === '' ? DEFAULT_PORTS[scheme] : String(Number(portText));
  return port === DEFAULT_PORTS[scheme] ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}

/** The displayable origin of a URL we refuse, without path or query (a cursor is nobody's business). */
function roughOrigin(url: string): string {
  const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\\\s]*)/i.exec(url)?.[1];
  return origin === undefined ? '' : origin.replace(/^([^:]+:\/\/)[^@]*@/, '$1…@');
}

/**
 * Requests a `next_page_url` verbatim with the same headers. Throws CademiUnsafeUrlError unless its
 * origin (scheme, host, port) is the base URL's, so the token only ever goes to the configured API.
 */
export function followPageRequest(target: ApiTarget, nextPageUrl: string, endpoint: string): HttpRequest {
  const expected = originOf(baseOf(target));
  const actual = originOf(nextPageUrl);
  if (expected === null) throw new Error(say.baseUrlNotAbsolute());
  if (actual !== expected) throw new CademiUnsafeUrlError(endpoint, actual ?? roughOrigin(nextPageUrl), expected);
  return { method: 'GET', url: nextPageUrl, headers: headersOf(target) };
}

// Path shapes (segments after the base) → label; the more specific shapes come first.
const PATH_LABELS: ReadonlyArray<readonly [RegExp, EndpointLabel]> = [
  [/^\/usuario\/lista_por_tag\/[^/]+$/, ENDPOINTS.tagStudents],
  [/^\/usuario\/progresso_por_produto\/[^/]+\/[^/]+$/, ENDPOINTS.progress],
  [/^\/usuario\/acesso\/[^/]+$/, ENDPOINTS.access],
  [/^\/usuario\/[^/]+$/, ENDPOINTS.student],
  [/^\/tag$/, ENDPOINTS.tags],
  [/^\/produto$/, ENDPOINTS.products],
  [/^\/produto\/[^/]+$/, ENDPOINTS.product],
];

/**
 * Maps a concrete request URL back to its ENDPOINTS label (for error messages). A URL outside the
 * base or of an unknown shape gives `GET <path>` without query, so a cursor never lands in a log.
 */
export function endpointOf(url: string, target: ApiTarget): string {
  return labelOfUrl(url, baseOf(target), PATH_LABELS);
}

/**
 * The label of the first path shape (the segments after `base`) that `url` matches, for either API
 * generation's table; `GET <path>` without the query otherwise.
 */
export function labelOfUrl(url: string, base: string, labels: ReadonlyArray<readonly [RegExp, string]>): string {
  const withoutQuery = url.replace(/[?#].*$/, '');
  const rest = withoutQuery.slice(base.length);
  const inBase = withoutQuery.toLowerCase().startsWith(base.toLowerCase()) && (rest === '' || rest[0] === '/');
  const path = (inBase ? rest : withoutQuery).replace(/\/+$/, '') || '/';
  if (inBase) {
    for (const [shape, label] of labels) if (shape.test(path)) return label;
  }
  return `GET ${path}`;
}
