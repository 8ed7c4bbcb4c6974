// Real HTTP for the Node host: the batch in parallel with global fetch, failures as status-0 answers.

import type { HttpRequest, HttpResponse, TransportFailure } from '../core/http';
import type { Transport } from './drive-job';

export class FetchTransport implements Transport {
  constructor(private readonly timeoutMs = 30_000) {}

  send(requests: readonly HttpRequest[]): Promise<HttpResponse[]> {
    return Promise.all(requests.map((request) => this.sendOne(request)));
  }

  private async sendOne(request: HttpRequest): Promise<HttpResponse> {
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    } catch (error) {
      const failure: TransportFailure = {
        status: 0,
        headers: {},
        body: '',
        // Only the error's class and code: its message may quote the URL, and a header the token.
        transportError: error instanceof Error ? [error.name, (error as { cause?: { code?: unknown } }).cause?.code].filter((part) => typeof part === 'string').join(' ') : 'unknown',
      };
      return failure;
    }
  }
}
