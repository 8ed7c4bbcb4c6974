// Splits request URLs without the URL global (absent from Apps Script), and encodes page cursors.

/** The parts of an absolute request URL the simulator routes on. */
export interface RequestUrl {
  /** Scheme, host and port, e.g. `http://127.0.0.1:4010`. */
  readonly origin: string;
  /** Decoded path segments after the origin, e.g. ['api', 'v1', 'usuario', '1001']. */
  readonly segments: string[];
  /** Decoded query parameters (the last value wins). */
  readonly query: Record<string, string>;
}

const ABSOLUTE_URL = /^(https?:\/\/[^/?#]+)([^?#]*)(?:\?([^#]*))?/i;

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Parses an absolute http(s) URL, or returns null when it is not one (or badly encoded). */
export function parseRequestUrl(url: string): RequestUrl | null {
  const match = ABSOLUTE_URL.exec(url);
  if (!match) return null;
  // The origin and path groups always take part in a match (the path may be empty); the query is optional.
  const [, origin = '', path = '', search = ''] = match;
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    const segment = decode(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === null || value === null) return null;
    query[name] = value;
  }
  return { origin, segments, query };
}

/**
 * Every decoded query pair of a URL in order, repeated names included (`tag_id[]=a&tag_id[]=b`, which
 * `parseRequestUrl`'s last-value-wins `query` cannot hold); null when a pair is badly encoded.
 */
export function queryPairs(url: string): Array<readonly [string, string]> | null {
  const search = ABSOLUTE_URL.exec(url)?.[3] ?? '';
  const pairs: Array<readonly [string, string]> = [];
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === null || value === null) return null;
    pairs.push([name, value]);
  }
  return pairs;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (no padding) of an ASCII string: opaque cursors like Cademi's `eyJ…`, safe in a query. */
export function encodeCursor(payload: object): string {
  const text = JSON.stringify(payload);
  let output = '';
  for (let i = 0; i < text.length; i += 3) {
    const chunk = (text.charCodeAt(i) << 16) | ((text.charCodeAt(i + 1) || 0) << 8) | (text.charCodeAt(i + 2) || 0);
    const chars = Math.min(4, Math.ceil(((text.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) output += BASE64URL[(chunk >> (18 - 6 * j)) & 63];
  }
  return output;
}

/** Reverses `encodeCursor`; null for anything that is not a cursor this simulator wrote. */
export function decodeCursor(cursor: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const char of cursor) {
    buffer = (buffer << 6) | BASE64URL.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      text += String.fromCharCode((buffer >> bits) & 255);
    }
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
