// The v3 half over real HTTP: `startSimulatorServer({ api: 'v3' })` (what `simulator --api v3` runs)
// points at /api/v3 and answers the real v3 client; `--api` accepts only v1 or v3.

import { V3_ENDPOINTS } from '../../src/core/cademi-v3/contract';
import { currentCredentialRequest, usersByTagRequest } from '../../src/core/cademi-v3/requests';
import { parseCurrentCredential, parseUsersPage } from '../../src/core/cademi-v3/responses';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { DEFAULT_V3_TOKEN, tagV3Id } from '../../src/simulator';
import { startSimulatorServer } from '../../src/simulator/server';
import { cli } from '../node/support/cli-harness';

async function fetched(request: HttpRequest): Promise<HttpResponse> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers });
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: await response.text() };
}

describe('the simulator server on API v3', () => {
  it('serves /api/v3 with v3 keys, cursors and the request id header; v1 stays at /api/v1', async () => {
    const server = await startSimulatorServer({ port: 0, api: 'v3', ratePerSecond: 1000, perMinute: 100_000 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const target = { baseUrl: server.url, token: DEFAULT_V3_TOKEN };
      expect(parseCurrentCredential(await fetched(currentCredentialRequest(target))).mode).toBe('test');
      const first = await fetched(usersByTagRequest(target, { tagIds: [tagV3Id(103)], limit: 100 }));
      expect(first.headers['x-request-id']).toMatch(/^req_sim/);
      const page = parseUsersPage(first);
      expect(page.items).toHaveLength(100);
      const second = parseUsersPage(await fetched(usersByTagRequest(target, { tagIds: [tagV3Id(103)], limit: 100 }, page.nextCursor)));
      expect(second.items[0]?.id).not.toBe(page.items[0]?.id);
      expect(V3_ENDPOINTS.usersByTag).toBe('GET /users');
      const v1 = await fetch(server.url.replace(/v3$/, 'v1/tag'), { headers: { Authorization: 'simulador-token' } });
      expect(v1.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('`simulator --api` other than v1 or v3 is a usage error naming the option', async () => {
    const run = await cli(['simulator', '--api', 'v2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^erro: .*--api deve ser v1 ou v3/);
  });
});
