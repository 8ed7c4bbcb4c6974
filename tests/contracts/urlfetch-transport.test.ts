// The transport contract over Apps Script's UrlFetchApp transport, through the fake UrlFetchApp with
// the simulator's handler behind it (on the fakes' virtual clock).

import { fetchAllRequests } from '../../src/gas/urlfetch-transport';
import { createSimulator } from '../../src/simulator/handler';
import { createAppsScriptEnv } from '../../testkit/fakes';
import { describeTransportContract } from './transport.contract';

/** Hosts under the manifest's allowlist (https://*.cademi.com.br/) where the platform fails the fetch. */
const UNRESOLVED = 'https://escola-inexistente.cademi.com.br/api/v1/tag';
const SLOW = 'https://escola-lenta.cademi.com.br/api/v1/tag';

describeTransportContract(
  'fetchAllRequests (UrlFetchApp)',
  async (fault) => {
    const env = createAppsScriptEnv({ handler: () => ({ status: 404, headers: {}, body: '' }), startTime: Date.UTC(2026, 8, 14, 9) });
    const simulator = createSimulator({ clock: { now: () => env.time.now() }, fault, ratePerSecond: 1000, perMinute: 100_000 });
    // The fake turns a handler's throw into Apps Script's "Address unavailable: <url> (…)" exception.
    env.urlFetch.handler = (request) => {
      if (request.url.startsWith(UNRESOLVED)) throw new Error('unknown host');
      if (request.url.startsWith(SLOW)) throw new Error('Timeout');
      return simulator.handle(request);
    };
    Object.assign(globalThis, { UrlFetchApp: env.urlFetch });
    return {
      base: 'https://escola.cademi.com.br/api/v1',
      send: async (requests) => fetchAllRequests(requests),
      failing: [
        { url: UNRESOLVED, kind: 'dns' },
        { url: SLOW, kind: 'timeout' },
      ],
      close: async () => {},
    };
  },
  { failureScope: 'batch' },
);
