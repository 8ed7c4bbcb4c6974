// Cell semantics of the fake Sheets: time-zone serial dates, number formats, and how typed input is parsed.

/** What a cell stores: '' is empty. Dates are numbers (serials) with a date number format. */
export type Scalar = string | number | boolean;

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569; // 1970-01-01 as a Sheets serial (epoch 1899-12-30)
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const offsetCache = new Map<string, number>();

/** Offset of `tz` from UTC at `instant`, in ms (Sao Paulo: -3 h). Memoized per zone and quarter hour. */
export function tzOffsetMs(instant: number, tz: string): number {
  const key = `${tz}|${Math.floor(instant / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 100_000) offsetCache.clear();
  const offset = computeOffset(instant, tz);
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(instant: number, tz: string): number {
  let formatter = offsetFormatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(tz, formatter);
  }
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Wall-clock ms (a UTC-encoded local time) → the instant it denotes in `tz`. */
export function wallToInstant(wallMs: number, tz: string): number {
  let instant = wallMs - tzOffsetMs(wallMs, tz);
  instant = wallMs - tzOffsetMs(instant, tz);
  return instant;
}

/** An instant → the Sheets serial of its wall-clock time in `tz`. */
export function instantToSerial(instant: number, tz: string): number {
  return (instant + tzOffsetMs(instant, tz)) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** A Sheets serial read in `tz` → the instant (rounded to the ms). */
export function serialToInstant(serial: number, tz: string): number {
  return wallToInstant(Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS), tz);
}

/** True when a number format shows dates or times (quoted literals and escapes ignored). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dy]/i.test(bare) || /h/i.test(bare) || /(^|[^0#])s{1,2}([^0#]|$)/i.test(bare) || /am\/pm/i.test(bare);
}

/** The format Sheets reports for a cell left on "automatic". */
export const AUTOMATIC_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

/** Result of typing a string into a cell. */
export interface ParsedInput {
  value: Scalar;
  formula?: string;
  /** A number format Sheets applies when the cell is on automatic (dates, percents, currency). */
  format?: string;
}

/** Spreadsheet locale conventions that matter for parsing. */
interface LocaleRules {
  number: RegExp;
  decimal: string;
  group: string;
  dmy: boolean;
  trueWords: string[];
  falseWords: string[];
}

const LOCALES: Record<string, LocaleRules> = {
  pt_BR: {
    number: /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/,
    decimal: ',',
    group: '.',
    dmy: true,
    trueWords: ['VERDADEIRO', 'TRUE'],
    falseWords: ['FALSO', 'FALSE'],
  },
  en_US: {
    number: /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/,
    decimal: '.',
    group: ',',
    dmy: false,
    trueWords: ['TRUE'],
    falseWords: ['FALSE'],
  },
};

function rulesFor(locale: string): LocaleRules {
  return LOCALES[locale] ?? LOCALES.en_US;
}

function parseLocaleNumber(text: string, rules: LocaleRules): number | null {
  if (!rules.number.test(text)) return null;
  return Number(text.split(rules.group).join('').replace(rules.decimal, '.'));
}

function parseDateInput(text: string, rules: LocaleRules, tz: string): ParsedInput | null {
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0,
    hasTime = false;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [h, mi, s, hasTime] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), true];
  } else if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    [d, mo] = rules.dmy ? [a, b] : [b, a];
    y = Number(slash[3]);
    if (slash[4] !== undefined) [h, mi, s, hasTime] = [Number(slash[4]), Number(slash[5]), Number(slash[6] ?? 0), true];
  } else return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const dateFormat = iso ? 'yyyy-mm-dd' : rules.dmy ? 'dd/mm/yyyy' : 'm/d/yyyy';
  return { value: instantToSerial(wallToInstant(wall, tz), tz), format: hasTime ? `${dateFormat} hh:mm:ss` : dateFormat };
}

/**
 * What Sheets stores when `raw` is written with setValues into a cell whose format is `cellFormat`:
 * `'x` is the text x; under '@' everything is text; `=…` is a formula; numbers, percents, currency,
 * booleans and dates in the spreadsheet's locale become typed values.
 */
export function parseInput(raw: string, cellFormat: string, locale: string, tz: string): ParsedInput {
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (cellFormat === TEXT_FORMAT) return { value: raw };
  if (raw.startsWith('=') && raw.length > 1) return { value: '', formula: raw };
  const text = raw.trim();
  if (text === '') return { value: raw };
  const rules = rulesFor(locale);
  const upper = text.toUpperCase();
  if (rules.trueWords.includes(upper)) return { value: true };
  if (rules.falseWords.includes(upper)) return { value: false };
  const plain = parseLocaleNumber(text, rules);
  if (plain !== null) return { value: plain };
  if (text.endsWith('%')) {
    const n = parseLocaleNumber(text.slice(0, -1).trim(), rules);
    if (n !== null) return { value: n / 100, format: '0.00%' };
  }
  const currency = /^(-?)\s*(R\$|\$)\s*(.+)$/.exec(text);
  if (currency) {
    const n = parseLocaleNumber(currency[3], rules);
    if (n !== null) return { value: currency[1] ? -n : n, format: `"${currency[2]}"#,##0.00` };
  }
  return parseDateInput(text, rules, tz) ?? { value: raw };
}

/** Column letters for a 1-based column (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based column of letters (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An A1 reference, open ends left undefined (e.g. 'A:C' has no rows). */
export interface A1Ref {
  sheetName?: string;
  row?: number;
  column?: number;
  lastRow?: number;
  lastColumn?: number;
}

/** Parses 'A1', 'A1:C3', 'A:C', '2:5', 'A2:C', "'My sheet'!B2:D"; null when malformed. */
export function parseA1(a1: string): A1Ref | null {
  let sheetName: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  const [, c1, r1, c2, r2] = m;
  const second = m[3] !== undefined || m[4] !== undefined;
  const out: A1Ref = { sheetName };
  if (c1) out.column = columnNumber(c1);
  if (r1) out.row = Number(r1);
  out.lastColumn = second ? (c2 ? columnNumber(c2) : undefined) : out.column;
  out.lastRow = second ? (r2 ? Number(r2) : undefined) : out.row;
  if (second && !c2 && !r2) return null;
  if (!c1 && out.lastColumn === undefined && !r1) return null;
  return out;
}
