// UrlFetchApp.fetchAll behind the slice driver: HTTP errors come back as responses, never as throws.

import { errorText } from '../core/errors';
import { classifyTransportFailure, type HttpRequest, type HttpResponse } from '../core/http';
import { alertMessages } from '../core/messages/alerts';
import { builtAllowlist, isUrlAllowed, originOf } from './url-allowlist';

/** UrlFetchApp's daily quota is spent: the run pauses until the quota renews (the next day). */
export class UrlFetchQuotaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlFetchQuotaError';
  }
}

const QUOTA_MESSAGE = /too many times|cota|quota/i;

/** A URL the manifest's allowlist refuses: Apps Script would throw for every retry, so the run stops at once. */
export class UrlNotAllowedError extends Error {
  constructor(url: string) {
    super(alertMessages.urlNotAllowed(originOf(url), builtAllowlist()));
    this.name = 'UrlNotAllowedError';
  }
}

/** One request through `fetchAllRequests` (the sidebar and the token dialog send one at a time). */
export function fetchOneRequest(request: HttpRequest): HttpResponse {
  const [response] = fetchAllRequests([request]);
  if (!response) throw new Error('UrlFetchApp.fetchAll returned no response for one request');
  return response;
}

export function fetchAllRequests(requests: readonly HttpRequest[]): HttpResponse[] {
  const refused = requests.find((request) => !isUrlAllowed(request.url));
  if (refused) throw new UrlNotAllowedError(refused.url);
  const params = requests.map((request) => ({
    url: request.url,
    method: 'get' as const,
    headers: { ...request.headers },
    muteHttpExceptions: true,
    // A redirect could carry the token to another host: never follow one.
    followRedirects: false,
  }));
  let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
  try {
    responses = UrlFetchApp.fetchAll(params);
  } catch (error) {
    // DNS failures, timeouts and quota errors fail the whole batch; the job retries it.
    // Its text may quote the URL or a header (the token): only a classification is kept.
    const message = errorText(error);
    if (QUOTA_MESSAGE.test(message)) throw new UrlFetchQuotaError(alertMessages.urlFetchQuotaSpent());
    const kind = classifyTransportFailure(message);
    return requests.map(() => ({ status: 0, headers: {}, body: '', transportError: kind }));
  }
  return responses.map((response) => {
    const headers: Record<string, string> = {};
    const all = response.getAllHeaders() as Record<string, unknown>;
    for (const name of Object.keys(all)) headers[name.toLowerCase()] = String(all[name]);
    return { status: response.getResponseCode(), headers, body: response.getContentText() };
  });
}
