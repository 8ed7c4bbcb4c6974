// The message catalogue (src/core/messages/): every sentence a person reads (CLI, sheets, sidebar,
// alerts, e-mails), in Brazilian Portuguese, one module per area. Code never writes user-facing text
// inline: it calls a function there, so wording is reviewed in one place and no English reaches a
// coordinator. Messages never quote a response body, a header value or the token: they take ids,
// statuses, endpoints and cell names only.
//
// Every sentence a person reads comes from the pt-BR catalogue (src/core/messages/). This scans
// every string and template literal in src with the TypeScript parser: a Portuguese phrase written
// anywhere else fails, unless its file is a declared vocabulary table (tab names, column headers,
// setting keys, menu captions), where only short labels may live.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');

/** Files that hold sheet vocabulary: labels, not sentences (at most LABEL_WORDS words each). */
const VOCABULARY: Readonly<Record<string, string>> = {
  'src/core/sheets.ts': 'tab names and column headers',
  'src/core/config/settings-sheet.ts': 'the setting keys of Configuração',
  'src/core/report/overview.ts': 'Resumo column headers',
  'src/core/report/pivot.ts': 'pivot column headers',
  'src/core/report/charts.ts': 'axis titles (the same headers)',
  'src/core/report/contacts.ts': 'the Contatos tab name',
  'src/core/identity/sheet-names.ts': 'report tab names',
  'src/core/push/pushed-sheet.ts': '_Webhook column headers',
  'src/core/bigquery/history-table.ts': 'BigQuery column descriptions',
  'src/gas/menu.ts': 'menu captions',
  'src/gas/alerts.ts': 'the placeholder that replaces a Slack URL in a log line',
};

/** Where sentences are allowed outside the catalogue, and why. */
const EXEMPT: Readonly<Record<string, string>> = {
  'src/deploy/scopes.ts': "each OAuth scope's reason is part of the scope table the README and deploy:check print",
  'src/gas/runtime-shims.ts': "the btoa polyfill's own RangeError, as the platform function would throw it",
};
const LABEL_WORDS = 5;

const PORTUGUESE = /[áàâãéêíóôõúçÁÀÂÃÉÊÍÓÔÕÚÇ]|\b(não|de|da|do|das|dos|para|com|uma?|em|foi|está|aba|turma|aluno|semana|nada)\b/i;

interface Phrase {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function phrasesIn(file: string): Phrase[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2020, true);
  const found: Phrase[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ');
    const isModuleName =
      node.parent !== undefined && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent));
    if (text !== null && !isModuleName && text.trim().split(/\s+/).length >= 3 && PORTUGUESE.test(text)) {
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    if (ts.isTemplateExpression(node)) for (const span of node.templateSpans) visit(span.expression);
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const sourceFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && existsSync(join(ROOT, file)))
  // The catalogue itself; the simulator's fake school (names, its fake API's own answers) is data.
  .filter((file) => !file.startsWith('src/core/messages/') && !file.startsWith('src/simulator/'));

describe('the message catalogue', () => {
  it('finds the files it scans (a scan of nothing proves nothing)', () => {
    expect(sourceFiles.length).toBeGreaterThan(100);
    expect(phrasesIn('src/core/sheets.ts').length).toBeGreaterThan(0);
  });

  it('holds every pt-BR sentence in src: outside it, only short labels in the vocabulary tables', () => {
    const stray = sourceFiles
      .filter((file) => !(file in EXEMPT))
      .flatMap(phrasesIn)
      .filter((phrase) => !(phrase.file in VOCABULARY) || phrase.text.trim().split(/\s+/).length > LABEL_WORDS)
      .map((phrase) => `${phrase.file}:${phrase.line}: ${phrase.text}`);
    expect(stray).toEqual([]);
  });

  it('lists only files that exist and still need the exception', () => {
    for (const file of [...Object.keys(VOCABULARY), ...Object.keys(EXEMPT)]) expect(phrasesIn(file).length).toBeGreaterThan(0);
  });
});
