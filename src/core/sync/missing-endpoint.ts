// Telling Cademi's own 404 (a tag, product or student it does not know) from an address that is not
// an API endpoint at all (a base URL missing `/api/v1`, a proxy's maintenance page). Only the first
// carries Cademi's error envelope; the second must stop the run, naming the URL, never read as
// "this tag does not exist" (which would drop the cohort, or the whole week, as if it were empty).

import type { HttpResponse } from '../http';
import { UNREADABLE_ADDRESS } from '../messages/sync';

/** True for a 404 answer that is not Cademi's `{"success":false,"code":404,…}` envelope. */
export function isForeignNotFound(response: HttpResponse): boolean {
  if (response.status !== 404) return false;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return true;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return true;
  const envelope = body as { success?: unknown; code?: unknown };
  return !(envelope.success === false && Number(envelope.code) === 404);
}

/**
 * The URL as a message may show it: scheme, host and path only (no user info, query or fragment, so
 * no cursor or credential). A regex, since `URL` does not exist in Apps Script.
 */
export function shownUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#]*@)?([^/?#\s]*)([^?#\s]*)/i.exec(url);
  return match ? `${match[1]}${match[2]}${match[3]}` : UNREADABLE_ADDRESS;
}
