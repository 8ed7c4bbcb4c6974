// What a built Apps Script bundle names from the outside world: its free identifiers, each with the
// service member it reads and whether a `typeof` check guards it. Parsed with acorn and resolved with
// eslint-scope, so strings, comments and shadowed locals never count.

import { parse } from 'acorn';
import { fullAncestor } from 'acorn-walk';
import { analyze } from 'eslint-scope';
import type * as ESTree from 'estree';

/** One use of a global the bundle does not declare. */
export interface FreeReference {
  readonly name: string;
  /** `SpreadsheetApp.openById` → `openById`; null when the global is used as a value (passed, returned, called). */
  readonly member: string | null;
  /** The operand of a `typeof` (the guard itself, which never throws). */
  readonly typeofOperand: boolean;
  /** Inside code that first asks `typeof name` (same function, or a condition that tests it). */
  readonly guarded: boolean;
  readonly line: number;
  readonly column: number;
}

type Node = ESTree.Node & { loc?: { start: { line: number; column: number } } | null };

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const CONDITION_TYPES = new Set(['IfStatement', 'ConditionalExpression']);

function typeofName(node: Node): string | null {
  return node.type === 'UnaryExpression' && node.operator === 'typeof' && node.argument.type === 'Identifier' ? node.argument.name : null;
}

/** The names `typeof` tests anywhere inside `root` (a condition or a function body). */
function typeofNamesIn(root: Node, cache: Map<Node, Set<string>>): Set<string> {
  const cached = cache.get(root);
  if (cached) return cached;
  const names = new Set<string>();
  fullAncestor(root as never, (node) => {
    const name = typeofName(node as Node);
    if (name !== null) names.add(name);
  });
  cache.set(root, names);
  return names;
}

function memberOf(identifier: Node, parent: Node | undefined): string | null {
  if (parent?.type !== 'MemberExpression' || parent.object !== identifier) return null;
  if (!parent.computed && parent.property.type === 'Identifier') return parent.property.name;
  if (parent.computed && parent.property.type === 'Literal' && typeof parent.property.value === 'string') return parent.property.value;
  return null;
}

/** Every free reference of `code` (a script, not a module), in source order. */
export function analyzeBundle(code: string): FreeReference[] {
  const program = parse(code, { ecmaVersion: 2022, sourceType: 'script', locations: true, ranges: true }) as unknown as ESTree.Program;
  const globalScope = analyze(program, { ecmaVersion: 2022, sourceType: 'script' }).globalScope;
  if (!globalScope) throw new Error('eslint-scope returned no global scope');
  const declared = new Set(globalScope.variables.map((variable) => variable.name));
  const free = new Set<Node>(
    globalScope.through.filter((reference) => !declared.has(reference.identifier.name)).map((reference) => reference.identifier as Node),
  );

  const ancestorsOf = new Map<Node, Node[]>();
  fullAncestor(program as never, (node, _state, ancestors) => {
    if (free.has(node as Node)) ancestorsOf.set(node as Node, (ancestors as Node[]).slice(0, -1));
  });

  const typeofCache = new Map<Node, Set<string>>();
  const references: FreeReference[] = [];
  for (const [identifier, ancestors] of ancestorsOf) {
    const name = (identifier as ESTree.Identifier).name;
    const parent = ancestors[ancestors.length - 1];
    const typeofOperand = parent !== undefined && typeofName(parent) === name;
    let guarded = typeofOperand;
    for (const ancestor of [...ancestors].reverse()) {
      if (guarded) break;
      if (CONDITION_TYPES.has(ancestor.type)) {
        const test = (ancestor as ESTree.IfStatement | ESTree.ConditionalExpression).test as Node;
        guarded = typeofNamesIn(test, typeofCache).has(name);
      } else if (ancestor.type === 'LogicalExpression' && ancestor.left !== identifier) {
        guarded = typeofNamesIn(ancestor.left as Node, typeofCache).has(name);
      } else if (FUNCTION_TYPES.has(ancestor.type)) {
        // An early exit (`if (typeof X === 'undefined') throw …`) guards the rest of the function.
        guarded = typeofNamesIn(ancestor, typeofCache).has(name);
        break;
      }
    }
    const start = identifier.loc?.start ?? { line: 0, column: 0 };
    references.push({ name, member: memberOf(identifier, parent), typeofOperand, guarded, line: start.line, column: start.column });
  }
  return references.sort((a, b) => a.line - b.line || a.column - b.column);
}
