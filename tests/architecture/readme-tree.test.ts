// The README's architecture tree names every folder of src and of src/core, and only folders that
// exist: it drifted once (identity/ and messages/ were missing), so it is checked here.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function architectureTree(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Architecture'));
  const block = /```\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('README: no tree under "## Architecture"');
  return block[1].split('\n');
}

const folders = (path: string) =>
  readdirSync(join(ROOT, path), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('the README architecture tree', () => {
  const lines = architectureTree();
  const topLevel = lines.map((line) => /^(\S+)\/\s/.exec(line)?.[1]).filter((name): name is string => name !== undefined);
  const coreStart = lines.findIndex((line) => line.startsWith('src/core/'));
  const coreLines = lines.slice(
    coreStart + 1,
    lines.findIndex((line, index) => index > coreStart && /^\S/.test(line)),
  );
  const core = coreLines.map((line) => /^ {2}(\w[\w-]*)\/\s/.exec(line)?.[1]).filter((name): name is string => name !== undefined);

  it('lists every folder of src, and of src/core, once', () => {
    expect(
      topLevel
        .filter((name) => name.startsWith('src/'))
        .map((name) => name.slice(4))
        .sort(),
    ).toEqual(folders('src'));
    expect([...core].sort()).toEqual(folders('src/core'));
  });

  it('names only folders that exist', () => {
    for (const name of topLevel) expect(existsSync(join(ROOT, name))).toBe(true);
    expect(topLevel).toEqual(expect.arrayContaining(['tests', 'testkit', 'bench']));
  });
});
