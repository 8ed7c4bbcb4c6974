// The hosts the bundle may fetch, and Apps Script's rule for matching a URL against the manifest's
// `urlFetchWhitelist` (https://developers.google.com/apps-script/manifest/allowlist-url). The build
// writes the manifest's list from FETCH_TARGETS (plus a school's own hosts); the code checks a URL
// against the same list before fetching, so a refusal reads as a pt-BR message, not a platform error.

import { V3_CONTRACT } from '../core/cademi-v3/contract';
import { CADEMI_FETCH_REASON, CADEMI_V3_FETCH_REASON, INVALID_URL_SHOWN, PREFIX_PROBLEM, SLACK_FETCH_REASON } from '../core/messages/alerts';

/** A host the product fetches, with why (shown by `npm run deploy:check` and the README). */
export interface FetchTarget {
  readonly prefix: string;
  readonly reason: string;
}

const CADEMI_PREFIX = 'https://*.cademi.com.br/';
/**
 * The v3 default host (`https://api.cademi.com.br/`), where an empty `URL da API` sends a v3 key. The
 * wildcard above already admits it (a `*.` prefix matches every subdomain:
 * https://developers.google.com/apps-script/manifest/allowlist-url); it is listed on its own so the
 * manifest and `deploy:check` name the host v3 needs, and it stays even if the wildcard is narrowed.
 */
export const CADEMI_V3_PREFIX = V3_CONTRACT.defaultBaseUrl.replace(/^(https:\/\/[^/]+).*$/i, '$1/');
export const SLACK_WEBHOOK_PREFIX = 'https://hooks.slack.com/';

export const FETCH_TARGETS: readonly FetchTarget[] = [
  { prefix: CADEMI_PREFIX, reason: CADEMI_FETCH_REASON },
  { prefix: CADEMI_V3_PREFIX, reason: CADEMI_V3_FETCH_REASON },
  { prefix: SLACK_WEBHOOK_PREFIX, reason: SLACK_FETCH_REASON },
];

declare const __URL_FETCH_ALLOWLIST__: readonly string[] | undefined;

/** The manifest's allowlist as built (FETCH_TARGETS plus the school's extra prefixes from deploy.config.json). */
export function builtAllowlist(): readonly string[] {
  return typeof __URL_FETCH_ALLOWLIST__ !== 'undefined' ? __URL_FETCH_ALLOWLIST__ : FETCH_TARGETS.map((target) => target.prefix);
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i;

/** A URL split as the allowlist rule reads it: scheme, host (with any port), and the rest (path, query). */
interface UrlParts {
  readonly scheme: string;
  readonly host: string;
  readonly rest: string;
}

function urlParts(text: string): UrlParts | null {
  const match = URL_PARTS.exec(text);
  if (!match) return null;
  // Every group of URL_PARTS always takes part in a match: the defaults never apply.
  const [, scheme = '', host = '', rest = ''] = match;
  return { scheme, host, rest };
}

/** Why a prefix is not one the manifest accepts, or null when it is valid. */
export function invalidPrefixReason(prefix: string): string | null {
  const parts = urlParts(prefix);
  if (!parts) return PREFIX_PROBLEM.notUrl;
  if (parts.scheme.toLowerCase() !== 'https') return PREFIX_PROBLEM.notHttps;
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(parts.host)) return PREFIX_PROBLEM.noDomain;
  if (!parts.rest.startsWith('/')) return PREFIX_PROBLEM.noPath;
  return null;
}

/**
 * Whether `url` matches one allowlist prefix: https only; a `*.` host matches any subdomain (not the
 * bare domain); hosts compare without case, paths with case; a path prefix matches itself and its
 * children (`/foo` matches `/foo`, `/foo/bar`, `/foo?x`, not `/foobar`).
 */
export function matchesPrefix(url: string, prefix: string): boolean {
  const target = urlParts(url);
  const allowed = urlParts(prefix);
  if (!target || !allowed || target.scheme.toLowerCase() !== 'https' || allowed.scheme.toLowerCase() !== 'https') return false;
  const host = target.host.toLowerCase();
  const allowedHost = allowed.host.toLowerCase();
  const hostMatches = allowedHost.startsWith('*.') ? host.endsWith(allowedHost.slice(1)) && host.length > allowedHost.length - 1 : host === allowedHost;
  if (!hostMatches) return false;
  const path = target.rest === '' ? '/' : target.rest;
  const allowedPath = allowed.rest;
  if (!path.startsWith(allowedPath)) return false;
  // Here `path` is longer than `allowedPath`, so the character after the prefix exists.
  return allowedPath.endsWith('/') || path.length === allowedPath.length || '/?#'.includes(path.charAt(allowedPath.length));
}

export function isUrlAllowed(url: string, allowlist: readonly string[] = builtAllowlist()): boolean {
  return allowlist.some((prefix) => matchesPrefix(url, prefix));
}

/** `https://host/…` → `https://host` (for messages: never the path or query, which may carry secrets). */
export function originOf(url: string): string {
  const parts = urlParts(url);
  return parts ? `${parts.scheme.toLowerCase()}://${parts.host.toLowerCase()}` : INVALID_URL_SHOWN;
}
