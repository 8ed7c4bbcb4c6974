// The layers are TypeScript projects (tsconfig.json → one tsconfig per layer): this holds each
// project's ambient types and references to what the architecture allows, and walks the imports of
// src/**/*.ts to refuse any cycle, between files, between the core's folders, or between layers.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');

// ---- the project graph ---------------------------------------------------------------------------

interface Project {
  readonly types: readonly string[];
  /** Lib file names as TypeScript resolves them (lib.es2021.d.ts, lib.dom.d.ts, …). */
  readonly libs: readonly string[];
  /** Referenced projects, as folders relative to the root. */
  readonly references: readonly string[];
}

function readProject(folder: string): Project {
  const file = join(ROOT, folder, 'tsconfig.json');
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new Error(`${folder}/tsconfig.json: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(file), undefined, file);
  return {
    types: [...(parsed.options.types ?? ['(all of node_modules/@types)'])].sort(),
    libs: [...(parsed.options.lib ?? ['(the default for the target)'])].sort(),
    references: (parsed.projectReferences ?? []).map((reference) => relative(ROOT, reference.path).split(sep).join('/')).sort(),
  };
}

const ES = ['lib.es2021.d.ts'];
const DOM = ['lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.es2021.d.ts'];

/** What each project compiles with and may import: the compiler refuses an import of a project not referenced (TS6307). */
const LAYERS: Readonly<Record<string, Project>> = {
  'src/core': { types: [], libs: ES, references: [] },
  'src/gas': { types: ['google-apps-script'], libs: ES, references: ['src/core'] },
  'src/simulator': { types: ['node'], libs: ES, references: ['src/core'] },
  'src/node': { types: ['node'], libs: ES, references: ['src/core', 'src/simulator'] },
  'src/deploy': { types: ['node'], libs: ES, references: ['src/core', 'src/gas'] },
  'src/ui': { types: [], libs: DOM, references: ['src/core'] },
};

/** On top: they may reference any layer below, never one another the wrong way (bench never tests). */
const ON_TOP: Readonly<Record<string, { readonly types: readonly string[]; readonly libs: readonly string[]; readonly mayReference: readonly string[] }>> = {
  testkit: { types: ['google-apps-script', 'node'], libs: ES, mayReference: Object.keys(LAYERS) },
  tests: { types: ['google-apps-script', 'jest', 'node'], libs: ES, mayReference: [...Object.keys(LAYERS), 'testkit'] },
  'tests/ui': { types: ['jest', 'node'], libs: DOM, mayReference: [...Object.keys(LAYERS), 'testkit', 'tests'] },
  'tests/render': { types: ['jest', 'node'], libs: ES, mayReference: [...Object.keys(LAYERS), 'testkit', 'tests', 'tests/ui'] },
  bench: { types: ['google-apps-script', 'node'], libs: ES, mayReference: [...Object.keys(LAYERS), 'testkit'] },
};

describe('the project graph', () => {
  it('lists every layer in the solution tsconfig.json, which itself compiles no file', () => {
    const solution = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
    expect(solution.files).toEqual([]);
    const listed = (solution.references as { path: string }[]).map((reference) => reference.path).sort();
    expect(listed).toEqual([...Object.keys(LAYERS), ...Object.keys(ON_TOP)].sort());
  });

  it('makes every folder of src a layer', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => `src/${entry.name}`).sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('finds no tsconfig.json outside the graph', () => {
    const found: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory() && !entry.name.startsWith('.') && !['node_modules', 'build', 'dist', 'out', 'coverage'].includes(entry.name)) walk(path);
        else if (entry.name === 'tsconfig.json' && folder !== '') found.push(folder);
      }
    };
    walk('');
    expect(found.sort()).toEqual([...Object.keys(LAYERS), ...Object.keys(ON_TOP)].sort());
  });

  it('compiles the core with no ambient types and ES2021 only: no Node, no DOM, no Apps Script', () => {
    const core = readProject('src/core');
    expect(core.types).toEqual([]);
    expect(core.libs).toEqual(['lib.es2021.d.ts']);
  });

  it.each(Object.entries(LAYERS))('gives %s its own platform types and the references the architecture allows', (folder, expected) => {
    expect(readProject(folder)).toEqual(expected);
  });

  it.each(Object.entries(ON_TOP))('puts %s on top of the layers', (folder, expected) => {
    const project = readProject(folder);
    expect({ types: project.types, libs: project.libs }).toEqual({ types: expected.types, libs: expected.libs });
    expect(project.references.filter((reference) => !expected.mayReference.includes(reference))).toEqual([]);
  });

  it('takes the DOM from src/ui/tsconfig.json, not from per-file reference lines', () => {
    const withReferences = sourceFiles().filter((file) => /^\/\/\/\s*<reference\s+(lib|types)=/m.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(withReferences).toEqual([]);
  });

  it('type-checks the layers with tsc -b (npm run typecheck)', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.typecheck).toMatch(/^tsc -b\b/);
  });
});

// ---- the import graph of src ---------------------------------------------------------------------

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  walk('src');
  return out.sort();
}

/** Every module a file names: imports and re-exports (type-only ones too), import(), require() and import('…') types. */
function moduleNames(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      names.push(node.moduleSpecifier.text);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      names.push(node.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) names.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      names.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The file a relative module name means (as moduleResolution "node" finds it), or null for a package. */
function resolveRelative(from: string, name: string): string | null {
  if (!name.startsWith('.')) return null;
  const base = resolve(ROOT, dirname(from), name);
  for (const candidate of [`${base}.ts`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.d.ts')]) {
    if (existsSync(candidate)) return relative(ROOT, candidate).split(sep).join('/');
  }
  throw new Error(`${from}: cannot resolve "${name}"`);
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** file → the files of src it imports. */
function importGraph(): Graph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const targets = moduleNames(file, readFileSync(join(ROOT, file), 'utf8'))
      .map((name) => resolveRelative(file, name))
      .filter((target): target is string => target?.startsWith('src/') === true);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The graph between groups of files (group(file)); edges inside a group are dropped. */
function grouped(graph: Graph, group: (file: string) => string): Graph {
  const out = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = group(file);
    if (!out.has(from)) out.set(from, new Set());
    for (const target of targets) if (group(target) !== from) out.get(from)!.add(group(target));
  }
  return new Map([...out].map(([node, targets]) => [node, [...targets]]));
}

/** A folder of the core (src/core/config) or one of its top-level files (src/core/http.ts); elsewhere, the layer (src/node). */
function area(file: string): string {
  const parts = file.split('/');
  if (parts[1] !== 'core') return parts.slice(0, 2).join('/');
  return parts.length === 3 ? file : parts.slice(0, 3).join('/');
}

const layer = (file: string): string => file.split('/').slice(0, 2).join('/');

/** Each cycle as its members in order, first member repeated at the end (Tarjan's strongly connected components, then one walk round each). */
function findCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return components.map((component) => cycleThrough(graph, new Set(component)));
}

/** One concrete cycle inside a strongly connected component, for a readable failure. */
function cycleThrough(graph: Graph, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const shown = (cycles: string[][]): string[] => cycles.map((cycle) => cycle.join(' → '));

describe('the import graph of src', () => {
  const graph = importGraph();

  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
    // A type-only import counts: the port names the chart specs it carries.
    expect(graph.get('src/core/workbook/workbook.ts')).toContain('src/core/workbook/sheet-specs.ts');
  });

  it('has no cycle between files', () => {
    expect(shown(findCycles(graph))).toEqual([]);
  });

  it("has no cycle between the core's folders (a shared piece lives in the folder below both)", () => {
    const areas = grouped(graph, area);
    expect(areas.has('src/core/workbook')).toBe(true);
    expect(shown(findCycles(areas))).toEqual([]);
  });

  it('has no cycle between layers, and imports only from the projects each layer references', () => {
    const layers = grouped(graph, layer);
    expect(shown(findCycles(layers))).toEqual([]);
    const unreferenced = [...layers].flatMap(([from, targets]) =>
      targets.filter((target) => !LAYERS[from]?.references.includes(target)).map((target) => `${from} → ${target}`),
    );
    expect(unreferenced).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const cyclic: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(shown(findCycles(cyclic)).sort()).toEqual(['a → b → c → a', 'e → e']);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
