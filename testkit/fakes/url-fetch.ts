// Fake UrlFetchApp: routes requests to a handler (e.g. the simulator), with quota, latency and Apps Script errors.
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { isUrlAllowed } from '../../src/gas/url-allowlist';
import { FakeBlob, toSignedBytes } from './blob';
import { instrument, Runtime } from './runtime';

type GFetch = GoogleAppsScript.URL_Fetch.UrlFetchApp;
type GResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;

/** What answers requests: the simulator's `handle`, or a test's function. */
export type FetchHandler = (request: HttpRequest) => HttpResponse;

/** Options of `createUrlFetchApp`. */
export interface UrlFetchOptions {
  runtime?: Runtime;
  handler: FetchHandler;
  /** Calls per virtual (UTC) day; default 20,000 (consumer account). */
  dailyQuota?: number;
  /** Virtual latency of one request in ms (a number or per request); default 250. fetchAll costs the max. */
  latencyMs?: number | ((request: HttpRequest, response: HttpResponse) => number);
}

/** One performed request, for assertions. */
export interface FetchRecord {
  url: string;
  headers: Record<string, string>;
  status: number;
  at: number;
  method?: 'POST';
  payload?: string;
}

class FakeHttpResponse implements Pick<GResponse, 'getResponseCode' | 'getContentText' | 'getAllHeaders' | 'getHeaders' | 'getBlob' | 'getContent'> {
  constructor(private readonly response: HttpResponse) {}
  getResponseCode(): number {
    return this.response.status;
  }
  getContentText(): string {
    return this.response.body;
  }
  getAllHeaders(): object {
    return { ...this.response.headers };
  }
  getHeaders(): object {
    return { ...this.response.headers };
  }
  getContent(): number[] {
    return toSignedBytes(Buffer.from(this.response.body, 'utf8'));
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = Object.entries(this.response.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return new FakeBlob(Buffer.from(this.response.body, 'utf8'), type).gas();
  }
}

/** The `UrlFetchApp` global. Inspection: `log`, `usedToday()`, `handler` (replaceable). */
export class FakeUrlFetchApp implements Pick<GFetch, 'fetch' | 'fetchAll' | 'getRequest'> {
  readonly rt: Runtime;
  handler: FetchHandler;
  /** Answers POSTs (webhooks); replaceable by a test. */
  postHandler: (request: { url: string; payload: string }) => HttpResponse = () => ({ status: 200, headers: {}, body: 'ok' });
  dailyQuota: number;
  /**
   * The manifest's `urlFetchWhitelist`; null allows every URL. Set, a URL outside it is refused before
   * any request, with Google's matching rules (https://developers.google.com/apps-script/manifest/allowlist-url).
   */
  allowlist: readonly string[] | null = null;
  /** Every request performed (after redirects), in order. */
  readonly log: FetchRecord[] = [];
  private readonly used = new Map<number, number>();
  private readonly latency: NonNullable<UrlFetchOptions['latencyMs']>;

  constructor(options: UrlFetchOptions) {
    this.rt = options.runtime ?? new Runtime();
    this.handler = options.handler;
    this.dailyQuota = options.dailyQuota ?? 20_000;
    this.latency = options.latencyMs ?? 250;
  }
  gas(): GFetch {
    return this as unknown as GFetch;
  }

  private day(): number {
    return Math.floor(this.rt.time.now() / 86_400_000);
  }
  /** Calls counted against today's quota. */
  usedToday(): number {
    return this.used.get(this.day()) ?? 0;
  }

  private normalize(request: Request | string): Request {
    const r = typeof request === 'string' ? { url: request } : request;
    if (typeof r.url !== 'string' || !/^https?:\/\/[^/]+/i.test(r.url)) throw this.rt.exception(`Invalid argument: ${String(r.url)}`);
    const method = (r.method ?? 'get').toLowerCase();
    if (method !== 'get' && method !== 'post') throw this.rt.exception(`FakeUrlFetch routes GET and POST only (got ${method.toUpperCase()} ${r.url})`);
    if (this.allowlist !== null && !isUrlAllowed(r.url, this.allowlist)) {
      throw this.rt.exception(`Script has attempted to access a URL that is not in the allowlist (urlFetchWhitelist) of the manifest: ${r.url}`);
    }
    return r;
  }

  /** Performs one request (following redirects unless told not to); returns the response and its latency. */
  private perform(request: Request): { response: HttpResponse; latency: number } {
    const day = this.day();
    const used = this.used.get(day) ?? 0;
    if (used >= this.dailyQuota) throw this.rt.exception('Service invoked too many times for one day: urlfetch.');
    this.used.set(day, used + 1);
    let url = request.url;
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    let latency = 0;
    if ((request.method ?? 'get').toLowerCase() === 'post') {
      // POSTs (webhooks) are recorded with their payload and answered by `postHandler` (200 by default).
      const response = this.postHandler({ url, payload: String(request.payload ?? '') });
      this.log.push({ url, headers, status: response.status, at: this.rt.time.now(), method: 'POST', payload: String(request.payload ?? '') });
      return { response, latency: typeof this.latency === 'number' ? this.latency : 250 };
    }
    for (let hop = 0; ; hop++) {
      const req: HttpRequest = { method: 'GET', url, headers };
      let response: HttpResponse;
      try {
        response = this.handler(req);
      } catch (e) {
        throw this.rt.exception(`Address unavailable: ${url} (${(e as Error).message})`);
      }
      latency += typeof this.latency === 'function' ? this.latency(req, response) : this.latency;
      this.log.push({ url, headers, status: response.status, at: this.rt.time.now() });
      if (response.status === 0)
        throw this.rt.exception(
          `Address unavailable: ${url}${'transportError' in response ? ` (${String((response as { transportError: unknown }).transportError)})` : ''}`,
        );
      const location = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (response.status >= 300 && response.status < 400 && location && request.followRedirects !== false && hop < 10) {
        url = new URL(location, url).toString();
        continue;
      }
      if (response.status >= 400 && !request.muteHttpExceptions) {
        this.rt.time.advance(latency);
        const host = new URL(url).origin;
        throw this.rt.exception(
          `Request failed for ${host} returned code ${response.status}. Truncated server response: ${response.body.slice(0, 100)}${response.body.length > 100 ? '...' : ''} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return { response, latency };
    }
  }

  /** fetch(url, params?): advances virtual time by the request's latency. */
  fetch(url: string, params?: Options): GResponse {
    const request = this.normalize({ ...(params ?? {}), url });
    const { response, latency } = this.perform(request);
    this.rt.time.advance(latency);
    return new FakeHttpResponse(response) as unknown as GResponse;
  }
  /** fetchAll(requests): all at the same virtual instant; time advances by the slowest. */
  fetchAll(requests: Array<Request | string>): GResponse[] {
    const normalized = requests.map((r) => this.normalize(r));
    let slowest = 0;
    const out: GResponse[] = [];
    for (const request of normalized) {
      const { response, latency } = this.perform(request);
      slowest = Math.max(slowest, latency);
      out.push(new FakeHttpResponse(response) as unknown as GResponse);
    }
    this.rt.time.advance(slowest);
    return out;
  }
  getRequest(url: string, params?: Options): Request {
    return { method: 'get', headers: {}, ...(params ?? {}), url } as Request;
  }
}
instrument(FakeUrlFetchApp, 'UrlFetchApp', ['fetch', 'fetchAll']);

/** Creates the `UrlFetchApp` fake over `options.handler`. */
export function createUrlFetchApp(options: UrlFetchOptions): FakeUrlFetchApp {
  return new FakeUrlFetchApp(options);
}
