// The one rule that makes text safe for a cell in both hosts. Text from the API (names, e-mails,
// product names) is data: it must never break the file (an .xlsx with a character XML 1.0 forbids
// cannot be opened again by any program), overflow a cell, or run as a formula.

/**
 * The lower of the two hosts' limits: Excel 32,767 characters per cell
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3),
 * Sheets 50,000 (https://support.google.com/docs/answer/37603).
 */
export const MAX_CELL_CHARS = 32_767;
/** Appended to text that was cut, so nobody mistakes it for the whole. */
export const CUT_MARKER = ' […]';

/**
 * Characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets): C0 controls except tab, LF and CR,
 * U+FFFE and U+FFFF, and surrogates that are not part of a pair.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text a spreadsheet would read as a formula (Sheets also treats a leading + or - that way). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** Text any cell can hold: forbidden characters replaced by U+FFFD, cut at MAX_CELL_CHARS. Never throws. */
export function safeCellText(text: string): string {
  let safe = text.replace(XML_FORBIDDEN, '\uFFFD');
  if (safe.length > MAX_CELL_CHARS) {
    let end = MAX_CELL_CHARS - CUT_MARKER.length;
    // Never cut a surrogate pair in half (that would make a lone surrogate again).
    if (/[\uD800-\uDBFF]/.test(safe.charAt(end - 1))) end--;
    safe = safe.slice(0, end) + CUT_MARKER;
  }
  return safe;
}

/** True when a host must store the text so it is shown, not evaluated (Sheets: a leading apostrophe). */
export function readsAsFormula(text: string): boolean {
  return FORMULA_LEAD.test(text);
}

/** A cell value made safe; non-text values pass through. */
export function safeCell<T>(value: T): T {
  return (typeof value === 'string' ? safeCellText(value) : value) as T;
}
