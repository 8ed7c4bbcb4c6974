// The real HTTP path: `sync` against the simulator served on 127.0.0.1, with real pacing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { startSimulatorServer } from '../../src/simulator/server';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { SHEET } from '../../src/core/sheets';

describe('sync over HTTP', () => {
  it('collects a small school from the simulator server, paced so its strict limiter never refuses', async () => {
    const server = await startSimulatorServer({ port: 0, studentCount: 12, latencyMs: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'cademi-http-'));
    try {
      const file = join(dir, 'escola.xlsx');
      let stdout = '';
      let stderr = '';
      const io = (env: Record<string, string>): CliIo => ({
        stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: dir,
      });
      expect(await main(['init', file], io({}))).toBe(0);
      expect(await main(['cohort', 'add', file, '--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13'], io({}))).toBe(0);
      const code = await main(['sync', file], io({ CADEMI_BASE_URL: server.url, CADEMI_TOKEN: 'simulador-token' }));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(`API Cademi: ${server.url}`);
      expect(server.simulator.stats.requests).toBeGreaterThan(3);
      expect(server.simulator.stats.responses429).toBe(0);
      const history = (await XlsxWorkbook.load(file)).readSheet(SHEET.history)!;
      expect(history.length).toBeGreaterThan(1);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
