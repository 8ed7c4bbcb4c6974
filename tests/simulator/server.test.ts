// The HTTP server: the simulator answers real requests on 127.0.0.1 and closes cleanly.

import { startSimulatorServer } from '../../src/simulator/server';

// biome-ignore lint/suspicious/noExplicitAny: the test reads into the server's JSON answers field by field
type CademiBody = { data: any };

describe('startSimulatorServer', () => {
  it('serves the API on 127.0.0.1 with absolute next_page_url, then closes', async () => {
    const server = await startSimulatorServer({ port: 0, studentCount: 480, ratePerSecond: 1000, perMinute: 100000 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      const headers = { Authorization: 'simulador-token', Accept: 'application/json' };
      const tags = await fetch(`${server.url}/tag`, { headers });
      expect(tags.status).toBe(200);
      expect(((await tags.json()) as CademiBody).data.itens.length).toBeGreaterThan(5);

      const page = (await (await fetch(`${server.url}/usuario/lista_por_tag/103`, { headers })).json()) as CademiBody;
      expect(page.data.usuario).toHaveLength(150);
      const next: string = page.data.paginator.next_page_url;
      expect(next.startsWith(`${server.url}/usuario/lista_por_tag/103?cursor=`)).toBe(true);
      const second = (await (await fetch(next, { headers })).json()) as CademiBody;
      expect(second.data.paginator.next_page_url).toBeNull();

      const unauthorised = await fetch(`${server.url}/tag`);
      expect(unauthorised.status).toBe(403);
      expect(server.simulator.stats.requests).toBe(4);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/tag`)).rejects.toThrow();
  });

  it('applies the configured latency and rate limit', async () => {
    const server = await startSimulatorServer({ latencyMs: 50 });
    try {
      const headers = { Authorization: 'simulador-token' };
      const started = Date.now();
      const answers = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/tag`, { headers })));
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      const statuses = answers.map((answer) => answer.status).sort();
      // Three requests within a second: the third is over the 2/s limit.
      expect(statuses).toEqual([200, 200, 429]);
      expect(answers.find((answer) => answer.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await server.close();
    }
  });
});
