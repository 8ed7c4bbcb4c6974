// A developer's stack trace from the built CLI points at TypeScript: esbuild writes dist/cli.js.map and
// bin/cademi-monitor.js turns Node's source maps on before loading dist/cli.js. The Apps Script
// bundle carries no map (clasp would push it).

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCode } from '../../testkit/bundle';
import { ROOT, useBuiltCli, useTempDir } from './support/cli-harness';

useBuiltCli();

describe('source maps', () => {
  const dir = useTempDir('cademi-source-maps-');

  it('an unexpected error under CADEMI_DEBUG=1 names the src/node/cli.ts line it passed through', () => {
    // A preload makes stdout refuse the help text: an error the CLI does not expect, inside dist/cli.js's help path.
    const preload = join(dir(), 'refuse-stdout.js');
    writeFileSync(preload, "process.stdout.write = () => { throw new Error('stdout refused'); };\n");
    const run = spawnSync(process.execPath, ['--require', preload, join(ROOT, 'bin/cademi-monitor.js'), 'help'], {
      cwd: dir(),
      env: { PATH: process.env.PATH ?? '', CADEMI_DEBUG: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('stdout refused');
    const frame = /(\/[^\s()]*\/src\/node\/cli\.ts):(\d+):\d+/.exec(run.stderr);
    expect(frame?.[1]).toBe(join(ROOT, 'src/node/cli.ts'));
    const source = readFileSync(join(ROOT, 'src/node/cli.ts'), 'utf8').split('\n');
    expect(source[Number(frame![2]) - 1]).toMatch(/io\.stdout\.write\(.*CLI_HELP/);
    expect(run.stderr).not.toMatch(/dist\/cli\.js:\d+/);
  });

  it('the Apps Script bundle has no source map for clasp to push', () => {
    expect(bundleCode()).not.toContain('sourceMappingURL');
    expect(readdirSync(join(ROOT, 'build')).filter((name) => name.endsWith('.map'))).toEqual([]);
  });
});
