// The Apps Script archive of old `Histórico` weeks: a separate spreadsheet ("<nome> — arquivo"),
// created on first use, its id kept in DocumentProperties; one sheet per archived range.
//
// Creating and opening another spreadsheet needs the OAuth scope
// https://www.googleapis.com/auth/spreadsheets (not `spreadsheets.currentonly`).

import { type ArchiveSink, type RolloverOutcome, rollOverHistory, rowsMissingFromArchive } from '../core/history/archive-sink';
import { SHEETS_CELL_LIMIT } from '../core/history/growth';
import type { RolloverOptions } from '../core/history/rollover';
import { HISTORY_FORMATS } from '../core/history/schema';
import { archiveDestination, archiveUnavailable } from '../core/messages/history';
import { SHEET } from '../core/sheets';
import type { Cell, Workbook } from '../core/workbook/workbook';
import { DOCUMENT_KEY } from './property-keys';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** DocumentProperties key of the archive spreadsheet's id. */
/** The archive spreadsheet could not be opened; its message is written for a person (the platform's is not kept). */
export class ArchiveUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveUnavailableError';
  }
}

export const ARCHIVE_ID_KEY = DOCUMENT_KEY.archiveSpreadsheetId;

export interface ArchiveSpreadsheetOptions {
  /** The school's (bound) spreadsheet: names the archive and gives its time zone. */
  readonly source: Spreadsheet;
  /** Default: the SpreadsheetApp global. */
  readonly spreadsheetApp?: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'create' | 'openById'>;
  /** Default: PropertiesService.getDocumentProperties(). */
  readonly properties?: GoogleAppsScript.Properties.Properties;
  /** Number formats of the archived columns (default: `Histórico`'s). */
  readonly columnFormats?: readonly (string | undefined)[];
}

/** Deletes the grid below and to the right of the data: Sheets counts every grid cell, empty or not. */
export function trimGridToData(sheet: Sheet): void {
  const keepRows = Math.max(sheet.getLastRow(), sheet.getFrozenRows() + 1);
  const maxRows = sheet.getMaxRows();
  if (maxRows > keepRows) sheet.deleteRows(keepRows + 1, maxRows - keepRows);
}

export class ArchiveSpreadsheet implements ArchiveSink {
  private readonly columnFormats: readonly (string | undefined)[];

  /** Costs no service call: the archive is only looked up when rows are appended. */
  constructor(private readonly options: ArchiveSpreadsheetOptions) {
    this.columnFormats = options.columnFormats ?? HISTORY_FORMATS;
  }

  /** Writes `rows` into the sheet `name` of the archive: one setValues, grid grown first, then trimmed. */
  append(name: string, rows: Cell[][]): string {
    const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
    const { spreadsheet, created } = this.open(rows.length * width);
    const archive = new SpreadsheetWorkbook(spreadsheet);
    const existing = archive.readSheet(name);
    if (existing === null || existing.length === 0) {
      archive.writeSheet(name, { rows, columnFormats: this.columnFormats, frozenRows: 1 });
    } else {
      const missing = rowsMissingFromArchive(existing, rows);
      if (missing.length > 0) archive.replaceRowsFrom(name, existing.length, missing, this.columnFormats);
    }
    const sheet = spreadsheet.getSheetByName(name)!;
    trimGridToData(sheet);
    const extraColumns = sheet.getMaxColumns() - Math.max(width, sheet.getLastColumn());
    if (extraColumns > 0) sheet.deleteColumns(sheet.getMaxColumns() - extraColumns + 1, extraColumns);
    // A new spreadsheet comes with an empty starter sheet (1000 × 26 cells): it only costs cells.
    if (created) for (const other of spreadsheet.getSheets()) if (other.getName() !== name && other.getLastRow() === 0) spreadsheet.deleteSheet(other);
    return archiveDestination(spreadsheet.getName(), spreadsheet.getUrl(), name);
  }

  /** The archive spreadsheet; a new one when there is none yet or the current one would pass the cell limit. */
  private open(cellsNeeded: number): { spreadsheet: Spreadsheet; created: boolean } {
    // Members are called on SpreadsheetApp itself, so the manifest check sees which ones need a scope.
    const app = this.options.spreadsheetApp ?? { openById: (id: string) => SpreadsheetApp.openById(id), create: (name: string) => SpreadsheetApp.create(name) };
    const properties = this.options.properties ?? PropertiesService.getDocumentProperties();
    const id = properties.getProperty(ARCHIVE_ID_KEY);
    let previousName: string | null = null;
    if (id) {
      let current: Spreadsheet;
      try {
        current = app.openById(id);
      } catch {
        throw new ArchiveUnavailableError(archiveUnavailable(id, ARCHIVE_ID_KEY));
      }
      const used = current.getSheets().reduce((cells, sheet) => cells + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
      if (used + cellsNeeded <= SHEETS_CELL_LIMIT * 0.9) return { spreadsheet: current, created: false };
      previousName = current.getName();
    }
    const spreadsheet = app.create(this.nextArchiveName(previousName));
    spreadsheet.setSpreadsheetTimeZone(this.options.source.getSpreadsheetTimeZone());
    properties.setProperty(ARCHIVE_ID_KEY, spreadsheet.getId());
    return { spreadsheet, created: true };
  }

  /** "<nome> — arquivo", then "<nome> — arquivo 2", "… 3" when one fills up. */
  private nextArchiveName(previousName: string | null): string {
    const base = `${this.options.source.getName()} — arquivo`;
    if (previousName === null) return base;
    const number = /— arquivo (\d+)$/.exec(previousName);
    return `${base} ${number ? Number(number[1]) + 1 : 2}`;
  }
}

/**
 * The Apps Script rollover: moves the oldest weeks to the archive spreadsheet when the spreadsheet
 * nears the cell limit, then deletes the grid rows `Histórico` no longer needs (clearing alone
 * would not lower the cell count Sheets enforces).
 */
export function rollOverSpreadsheetHistory(
  spreadsheet: Spreadsheet,
  workbook: Workbook,
  options: Omit<RolloverOptions, 'cellsUsed'> & { readonly sink?: ArchiveSink } = {},
): RolloverOutcome | null {
  const history = spreadsheet.getSheetByName(SHEET.history);
  if (!history) return null;
  const { sink = new ArchiveSpreadsheet({ source: spreadsheet }), ...rollover } = options;
  const outcome = rollOverHistory(workbook, sink, { cellsPerRow: history.getMaxColumns(), ...rollover });
  if (outcome) trimGridToData(spreadsheet.getSheetByName(SHEET.history)!);
  return outcome;
}
