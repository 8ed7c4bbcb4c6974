// The HTTP transport contract: Node's fetch transport and Apps Script's UrlFetchApp transport hand the
// job the same answers for the same requests, with the Cademi simulator behind both. Statuses come
// back as answers (never thrown), header names lower-cased, bodies exact, redirects not followed,
// failures before any status as a kind only, and a batch's answers in the order of its requests.

import type { HttpRequest, HttpResponse, TransportFailureKind } from '../../src/core/http';
import { DEFAULT_TOKEN } from '../../src/simulator/handler';

/** Answers the contract's own routes (under /api/v1/contrato/) before the simulator does. */
export type ContractFault = (request: HttpRequest) => HttpResponse | undefined;

/** One transport with the simulator (answering through `fault` first) behind it. */
export interface TransportHarness {
  /** The API base URL, e.g. http://127.0.0.1:41234/api/v1 */
  readonly base: string;
  /** The transport's batch, as the job's driver calls it. */
  send(requests: readonly HttpRequest[]): Promise<HttpResponse[]>;
  /** URLs whose requests fail before any status, and the kind each must be reported as. */
  readonly failing: readonly { readonly url: string; readonly kind: TransportFailureKind }[];
  close(): Promise<void>;
}

export interface TransportCapabilities {
  /**
   * 'request': a request that fails fails alone (fetch, one promise each); 'batch': the platform
   * throws for the whole batch (UrlFetchApp.fetchAll), so every answer of that batch is the failure.
   */
  readonly failureScope: 'request' | 'batch';
}

const get = (url: string, headers: Record<string, string> = {}): HttpRequest => ({ method: 'GET', url, headers });
const authorized = { Authorization: `Bearer ${DEFAULT_TOKEN}` };
const TEXT = 'Olá, coordenação — ✓ “aspas” 😀\nlinha 2';
const LARGE = JSON.stringify({ data: Array.from({ length: 6000 }, (_, i) => ({ id: i, nome: `Aluna ${i} Ç` })) });

/** The contract's routes: what the transports must carry back exactly. */
export function contractFault(received: HttpRequest[]): ContractFault {
  return (request): HttpResponse | undefined => {
    const url = new URL(request.url);
    const route = /\/api\/v1\/contrato\/(.+)$/.exec(url.pathname)?.[1];
    if (route === undefined) return undefined;
    received.push(request);
    const status = /^status\/(\d{3})$/.exec(route);
    if (status) {
      const code = Number(status[1]);
      const headers: Record<string, string> = { 'X-Contrato': 'sim', 'Content-Type': 'text/plain; charset=utf-8' };
      if (code === 429) headers['Retry-After'] = '7';
      return {
        status: code,
        headers,
        body: code === 204 ? '' : `status ${code}`,
      };
    }
    if (route === 'redirect') return { status: 302, headers: { Location: `${url.origin}/api/v1/contrato/destino`, 'Content-Type': 'text/plain' }, body: '' };
    if (route === 'texto') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: TEXT };
    if (route === 'vazio') return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '' };
    if (route === 'grande') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: LARGE };
    if (route === 'eco') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ n: url.searchParams.get('n') }) };
    return { status: 404, headers: {}, body: 'rota do contrato desconhecida' };
  };
}

/** A header the server received, whatever case the transport sent its name in. */
function receivedHeader(request: HttpRequest | undefined, name: string): string | undefined {
  return Object.entries(request?.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** `open(fault)` starts the simulator with `fault` answering first and the transport in front of it. */
export function describeTransportContract(name: string, open: (fault: ContractFault) => Promise<TransportHarness>, capabilities: TransportCapabilities): void {
  describe(`Transport contract: ${name}`, () => {
    let received: HttpRequest[];
    let harness: TransportHarness;
    beforeEach(async () => {
      received = [];
      harness = await open(contractFault(received));
    });
    afterEach(() => harness.close());
    const at = (path: string) => `${harness.base}/contrato/${path}`;

    it('hands back every status as an answer, never as an error', async () => {
      const codes = [200, 204, 400, 401, 403, 404, 405, 409, 429, 500, 502, 503];
      const answers = await harness.send(codes.map((code) => get(at(`status/${code}`))));
      expect(answers.map((answer) => answer.status)).toEqual(codes);
      expect(answers.map((answer) => answer.body)).toEqual(codes.map((code) => (code === 204 ? '' : `status ${code}`)));
      expect(answers.some((answer) => 'transportError' in answer)).toBe(false);
    });

    it("gives the server's headers with their names in lower case", async () => {
      const [answer] = await harness.send([get(at('status/429'))]);
      expect(answer.headers).toMatchObject({ 'x-contrato': 'sim', 'retry-after': '7', 'content-type': 'text/plain; charset=utf-8' });
      expect(Object.keys(answer.headers).filter((key) => key !== key.toLowerCase())).toEqual([]);
    });

    it('sends the request headers as given, the token included', async () => {
      await harness.send([get(at('eco'), { ...authorized, 'X-Request-Id': 'contrato-1' })]);
      expect(receivedHeader(received[0], 'authorization')).toBe(`Bearer ${DEFAULT_TOKEN}`);
      expect(receivedHeader(received[0], 'x-request-id')).toBe('contrato-1');
      // The simulator itself refuses a request without the token and answers one with it.
      const [refused, answered] = await harness.send([get(`${harness.base}/tag`), get(`${harness.base}/tag`, authorized)]);
      expect([refused.status, answered.status]).toEqual([403, 200]);
      expect(JSON.parse(answered.body)).toMatchObject({ success: true });
    });

    it('reads bodies exactly: UTF-8 text, an empty body, a large one', async () => {
      const [text, empty, large] = await harness.send([get(at('texto')), get(at('vazio')), get(at('grande'))]);
      expect(text.body).toBe(TEXT);
      expect(empty).toMatchObject({ status: 200, body: '' });
      expect(large.body).toBe(LARGE);
    });

    it('does not follow a redirect: the 302 comes back with its Location, and the target is never asked', async () => {
      const [answer] = await harness.send([get(at('redirect'), authorized)]);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe(`${new URL(harness.base).origin}/api/v1/contrato/destino`);
      expect(received.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/contrato/redirect']);
    });

    it("answers a batch in its requests' order, whatever order the answers arrive in", async () => {
      const paths = ['grande', 'eco?n=1', 'status/404', 'eco?n=2', 'texto', 'status/503', 'eco?n=3', 'vazio'];
      const answers = await harness.send(paths.map((path) => get(at(path))));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 200, 200, 503, 200, 200]);
      expect([answers[0].body, answers[4].body, answers[7].body]).toEqual([LARGE, TEXT, '']);
      expect([1, 3, 6].map((index) => JSON.parse(answers[index].body).n)).toEqual(['1', '2', '3']);
    });

    it('reports a failure before any status as its kind only: no header, no body, nothing of the URL or the token', async () => {
      expect(harness.failing.length).toBeGreaterThan(0);
      for (const { url, kind } of harness.failing) {
        const [answer] = await harness.send([get(url, authorized)]);
        expect(answer).toEqual({ status: 0, headers: {}, body: '', transportError: kind });
        expect(JSON.stringify(answer)).not.toContain(DEFAULT_TOKEN);
        expect(JSON.stringify(answer)).not.toContain(new URL(url).host);
      }
    });

    it(`a failed request in a batch fails ${capabilities.failureScope === 'request' ? 'alone' : 'the whole batch (declared: the platform throws for it)'}`, async () => {
      const { url, kind } = harness.failing[0];
      const answers = await harness.send([get(at('status/200')), get(url), get(at('status/201'))]);
      const failure = { status: 0, headers: {}, body: '', transportError: kind };
      if (capabilities.failureScope === 'request') {
        expect(answers.map((answer) => answer.status)).toEqual([200, 0, 201]);
        expect(answers[1]).toEqual(failure);
      } else expect(answers).toEqual([failure, failure, failure]);
    });
  });
}
