// The built Apps Script bundle (build/Code.js), for tests and the benchmark to load over the fakes.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root: the nearest folder up from this file with a package.json (testkit/ in tests, dist/ in the bench bundle). */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The Apps Script bundle as CI builds it (built here when a test runs on its own). */
export function bundleCode(): string {
  const root = projectRoot();
  const path = join(root, 'build/Code.js');
  if (!existsSync(path)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
  return readFileSync(path, 'utf8');
}
