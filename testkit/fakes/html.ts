// Fake HtmlService: HtmlOutput as data, files from a map the test provides, and a small scriptlet evaluator.
import { FakeBlob } from './blob';
import { enumOf, instrument, Runtime } from './runtime';

type GOutput = GoogleAppsScript.HTML.HtmlOutput;
type GTemplate = GoogleAppsScript.HTML.HtmlTemplate;
export const SANDBOX_MODE = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFRAME_OPTIONS_MODE = enumOf('ALLOWALL', 'DEFAULT');

const OUTPUT_API = [
  'setTitle',
  'getTitle',
  'setWidth',
  'getWidth',
  'setHeight',
  'getHeight',
  'getContent',
  'setContent',
  'append',
  'appendUntrusted',
  'clear',
  'setSandboxMode',
  'setXFrameOptionsMode',
  'addMetaTag',
  'setFaviconUrl',
  'getFaviconUrl',
  'getBlob',
] as const satisfies readonly (keyof GOutput)[];

/** An HtmlOutput; `sandboxMode`, `xFrameOptionsMode`, `metaTags` are inspectable. */
export class FakeHtmlOutput implements Pick<GOutput, (typeof OUTPUT_API)[number]> {
  title = '';
  width = 300;
  height = 500;
  sandboxMode: string | null = null;
  xFrameOptionsMode: string | null = null;
  faviconUrl = '';
  readonly metaTags: Array<{ name: string; content: string }> = [];
  constructor(public content = '') {}
  gas(): GOutput {
    return this as unknown as GOutput;
  }
  setTitle(title: string): GOutput {
    this.title = title;
    return this.gas();
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): GOutput {
    this.width = width;
    return this.gas();
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): GOutput {
    this.height = height;
    return this.gas();
  }
  getHeight(): number {
    return this.height;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GOutput {
    this.content = content;
    return this.gas();
  }
  append(addedContent: string): GOutput {
    this.content += addedContent;
    return this.gas();
  }
  appendUntrusted(addedContent: string): GOutput {
    this.content += escapeHtml(addedContent);
    return this.gas();
  }
  clear(): GOutput {
    this.content = '';
    return this.gas();
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GOutput {
    this.sandboxMode = String(mode);
    return this.gas();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GOutput {
    this.xFrameOptionsMode = String(mode);
    return this.gas();
  }
  addMetaTag(name: string, content: string): GOutput {
    this.metaTags.push({ name, content });
    return this.gas();
  }
  setFaviconUrl(iconUrl: string): GOutput {
    this.faviconUrl = iconUrl;
    return this.gas();
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return new FakeBlob(Buffer.from(this.content, 'utf8'), 'text/html', this.title || null).gas();
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A template: `<?= expr ?>` (escaped), `<?!= expr ?>` (raw), `<? code ?>`; template fields and `globals` are in scope. */
class FakeHtmlTemplate implements Pick<GTemplate, 'evaluate' | 'getRawContent' | 'getCode'> {
  [field: string]: unknown;
  constructor(
    private readonly raw: string,
    private readonly globals: () => Record<string, unknown>,
  ) {}
  getRawContent(): string {
    return this.raw;
  }
  getCode(): string {
    let code = 'var __out = "";\n';
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let m = re.exec(this.raw); m; m = re.exec(this.raw)) {
      code += `__out += ${JSON.stringify(this.raw.slice(last, m.index))};\n`;
      if (m[1] === '=') code += `__out += __escape(String(${m[2].trim()}));\n`;
      else if (m[1] === '!=') code += `__out += String(${m[2].trim()});\n`;
      else code += `${m[2]}\n`;
      last = re.lastIndex;
    }
    return `${code}__out += ${JSON.stringify(this.raw.slice(last))};\nreturn __out;`;
  }
  evaluate(): GOutput {
    const scope: Record<string, unknown> = { ...this.globals() };
    for (const [k, v] of Object.entries(this)) if (k !== 'raw' && k !== 'globals') scope[k] = v;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function('__scope', '__escape', `with (__scope) {\n${this.getCode()}\n}`) as (s: unknown, e: typeof escapeHtml) => string;
    return new FakeHtmlOutput(run(scope, escapeHtml)).gas();
  }
}

/** The `HtmlService` global. `files` maps a file name (with or without .html) to its content. */
export class FakeHtmlService
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'SandboxMode' | 'XFrameOptionsMode'
    >
{
  readonly SandboxMode = SANDBOX_MODE as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFRAME_OPTIONS_MODE as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  /** What template scriptlets can call besides template fields (loadBundle sets the bundle's functions). */
  templateGlobals: Record<string, unknown> = {};
  constructor(
    readonly rt: Runtime = new Runtime(),
    readonly files: Record<string, string> = {},
  ) {}
  gas(): GoogleAppsScript.HTML.HtmlService {
    return this as unknown as GoogleAppsScript.HTML.HtmlService;
  }
  private file(filename: string): string {
    const content = this.files[filename] ?? this.files[`${filename}.html`] ?? this.files[filename.replace(/\.html$/, '')];
    if (content === undefined) throw this.rt.exception(`No HTML file named ${filename} was found.`);
    return content;
  }
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GOutput {
    return new FakeHtmlOutput(html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString()).gas();
  }
  createHtmlOutputFromFile(filename: string): GOutput {
    return new FakeHtmlOutput(this.file(filename)).gas();
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GTemplate {
    return new FakeHtmlTemplate(typeof html === 'string' ? html : html.getBlob().getDataAsString(), () => this.templateGlobals) as unknown as GTemplate;
  }
  createTemplateFromFile(filename: string): GTemplate {
    return new FakeHtmlTemplate(this.file(filename), () => this.templateGlobals) as unknown as GTemplate;
  }
}
instrument(FakeHtmlService, 'HtmlService', ['createHtmlOutput', 'createHtmlOutputFromFile', 'createTemplate', 'createTemplateFromFile']);

/** Creates the `HtmlService` fake over a map of project HTML files. */
export function createHtmlService(runtime?: Runtime, files?: Record<string, string>): FakeHtmlService {
  return new FakeHtmlService(runtime, files);
}
