// How the preview shows a cell: number formats as a Brazilian reader sees them in Sheets, and the
// colours the sheet's conditional formats give it.

import { booleanText } from '../../core/messages/preview';
import type { ConditionalFormatSpec, GradientPoint } from '../../core/workbook/sheet-specs';
import type { Cell } from '../../core/workbook/workbook';

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** One section of a fixed number format: an optional literal sign, thousands grouping, decimals, percent. */
const FIXED_NUMBER_SECTION = /^([+-]?)(#,##)?0(?:\.(0+))?(%)?$/;
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A cell ready to print: its text and how to align it. */
export interface CellDisplay {
  readonly text: string;
  readonly align: 'left' | 'right' | 'center';
}

/** Colours a conditional format gives a cell (only what it sets). */
export interface CellColors {
  readonly background?: string;
  readonly color?: string;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `dd/mm/aaaa` (and ` hh:mm` when asked) of a spreadsheet serial number on the school's wall clock. */
function serialToDisplayDate(serial: number, withTime: boolean): string {
  const wall = new Date(SERIAL_EPOCH_UTC + Math.round(serial * 86_400) * 1000);
  const date = `${pad2(wall.getUTCDate())}/${pad2(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()}`;
  return withTime ? `${date} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}` : date;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A number with a fixed count of decimals, decimal comma, optional dot grouping ('-0,0' shown as '0,0'). */
function formatFixed(value: number, decimals: number, grouping: boolean): string {
  const fixed = value.toFixed(decimals);
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  const [integer = '', fraction] = fixed.replace('-', '').split('.');
  const body = (grouping ? groupThousands(integer) : integer) + (fraction ? `,${fraction}` : '');
  return negative ? `-${body}` : body;
}

/** A number under the general format: as typed, up to 10 decimals, decimal comma. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(10))).replace('.', ',');
}

function isDateFormat(format: string): boolean {
  return /y/i.test(format) && /d/i.test(format);
}

/**
 * A number under a fixed format of up to three sections (`positive;negative;zero`, as in Sheets and
 * Excel): the section for the value's sign, its literal sign (`+5,0`), grouping and decimals. A
 * negative value under a one-section format gets its minus sign; under a negative section, that
 * section's own. Null when the format is not one of these.
 */
function formatNumber(value: number, format: string): string | null {
  const sections = format.split(';');
  const [positive = '', negative, zero] = sections;
  const section = value < 0 ? (negative ?? positive) : value === 0 ? (zero ?? positive) : positive;
  const parts = FIXED_NUMBER_SECTION.exec(section);
  if (!parts || !sections.every((entry) => FIXED_NUMBER_SECTION.test(entry))) return null;
  const [, sign = '', grouping, decimals, percent] = parts;
  const shown = (percent ? value * 100 : value) * (value < 0 && negative !== undefined ? -1 : 1);
  const text = formatFixed(shown, decimals?.length ?? 0, grouping !== undefined);
  return `${/[1-9]/.test(text) || sign !== '-' ? sign : ''}${text}${percent ? '%' : ''}`;
}

/**
 * The text a cell shows under a column's number format: date serials under a date format
 * (`dd/mm/yyyy`, `… hh:mm`) → `dd/mm/aaaa` (`… hh:mm`), `#,##0.0` → one decimal with a comma and
 * dots between thousands, `0` → integer, `+#,##0.0;-#,##0.0;0.0` → signed (`+5,0`, `-12,0`), `@` →
 * the value as text. Text cells are shown as they are (formulas included: never evaluated).
 */
export function displayCell(value: Cell, format: string | undefined): CellDisplay {
  if (value === null || value === '') return { text: '', align: 'left' };
  if (typeof value === 'boolean') return { text: booleanText(value), align: 'center' };
  if (typeof value === 'string') return { text: value, align: 'left' };
  if (!Number.isFinite(value)) return { text: String(value), align: 'right' };
  if (format === '@') return { text: String(value), align: 'left' };
  if (format && isDateFormat(format)) return { text: serialToDisplayDate(value, /h/i.test(format)), align: 'right' };
  const fixed = format ? formatNumber(value, format) : null;
  return { text: fixed ?? formatGeneral(value), align: 'right' };
}

function parseHex(color: string): [number, number, number] {
  const digits = color.length === 4 ? [...color.slice(1)].map((digit) => digit + digit).join('') : color.slice(1);
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
}

function toHex(channels: readonly number[]): string {
  return `#${channels.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** A colour `fraction` (0…1) of the way from `from` to `to`, in RGB. */
function interpolateColor(from: string, to: string, fraction: number): string {
  const start = parseHex(from);
  const end = parseHex(to);
  const t = Math.min(1, Math.max(0, fraction));
  const mix = (a: number, b: number): number => a + (b - a) * t;
  return toHex([mix(start[0], end[0]), mix(start[1], end[1]), mix(start[2], end[2])]);
}

/** A colour scale's colour for `value`: clamped to the end points, linear between stops. */
export function gradientColor(value: number, min: GradientPoint, max: GradientPoint, mid?: GradientPoint): string {
  const segments: readonly (readonly [GradientPoint, GradientPoint])[] = mid
    ? [
        [min, mid],
        [mid, max],
      ]
    : [[min, max]];
  if (value <= min.value) return min.color;
  for (const [low, high] of segments) {
    if (value <= high.value) {
      const span = high.value - low.value;
      return interpolateColor(low.color, high.color, span === 0 ? 1 : (value - low.value) / span);
    }
  }
  return max.color;
}

function validColors(rule: ConditionalFormatSpec): boolean {
  if (rule.kind === 'text-equals') return HEX_COLOR.test(rule.fontColor) && (rule.background === null || HEX_COLOR.test(rule.background));
  return [rule.min, rule.mid, rule.max].every((point) => point === undefined || HEX_COLOR.test(point.color));
}

/**
 * The colours of a data cell (never the header) under the sheet's rules. As in Sheets, the first
 * rule over the column whose condition holds wins: a colour scale holds for any number, a
 * text rule for that exact text. Rules with colours that are not `#rgb`/`#rrggbb` are ignored.
 */
export function conditionalColors(rules: readonly ConditionalFormatSpec[], column: number, value: Cell): CellColors | null {
  for (const rule of rules) {
    if (!validColors(rule)) continue;
    if (rule.kind === 'gradient') {
      const [first, last] = rule.columnRange;
      if (column < first || column > last || typeof value !== 'number' || !Number.isFinite(value)) continue;
      return { background: gradientColor(value, rule.min, rule.max, rule.mid) };
    }
    if (rule.column !== column || value === null || String(value) !== rule.text) continue;
    return rule.background === null ? { color: rule.fontColor } : { background: rule.background, color: rule.fontColor };
  }
  return null;
}

/** A tab or series colour fit to put in a style attribute, or null. */
export function safeColor(color: string | undefined): string | null {
  return color !== undefined && HEX_COLOR.test(color) ? color : null;
}
