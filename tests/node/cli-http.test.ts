// The real HTTP path: `sync` against the simulator served on 127.0.0.1, with real pacing.

import { join } from 'node:path';
import { startSimulatorServer } from '../../src/simulator/server';
import { cli, initWorkbook, readHistory, SIMULATOR_TOKEN, useTempDir } from './support/cli-harness';

describe('sync over HTTP', () => {
  const dir = useTempDir('cademi-http-');

  it('collects a small school from the simulator server, paced so its strict limiter never refuses', async () => {
    const server = await startSimulatorServer({ port: 0, studentCount: 12, latencyMs: 20 });
    try {
      const file = await initWorkbook(join(dir(), 'escola.xlsx'), ['--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13']);
      const run = await cli(['sync', file], { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: SIMULATOR_TOKEN });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`API Cademi v1: ${server.url}`);
      expect(server.simulator.stats.requests).toBeGreaterThan(3);
      expect(server.simulator.stats.responses429).toBe(0);
      expect((await readHistory(file)).length).toBeGreaterThan(1);
    } finally {
      await server.close();
    }
  });
});
