// The Node host's archive of old `Histórico` weeks: an .xlsx beside the main file
// (`escola.xlsx` → `escola-arquivo.xlsx`), one sheet per archived range, saved atomically.
//
// The core's ArchiveSink is synchronous, exceljs is not: `append` only collects the rows, and
// `save()` writes them. The host must `await archive.save()` BEFORE `await workbook.save(main)`:
// then a crash leaves the archived rows in the archive and still in the main file (harmless
// duplicates, skipped when the rollover is redone), never in neither.

import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ArchiveSink } from '../core/history/archive-sink';
import { rowsMissingFromArchive } from '../core/history/archive-sink';
import { HISTORY_FORMATS } from '../core/history/schema';
import type { Cell } from '../core/workbook/workbook';
import { XlsxWorkbook } from './xlsx-workbook';

/** Excel's limit on a sheet name (exceljs silently truncates longer ones). */
const XLSX_SHEET_NAME_MAX = 31;

/** `dados/escola.xlsx` → `dados/escola-arquivo.xlsx`. */
export function archivePathFor(mainPath: string): string {
  const extension = extname(mainPath) || '.xlsx';
  return join(dirname(mainPath), `${basename(mainPath, extname(mainPath))}-arquivo${extension}`);
}

/** The archive name as an .xlsx sheet name: `Histórico 2026-01-05 a 2026-06-29` → `2026-01-05 a 2026-06-29`. */
export function archiveSheetName(name: string): string {
  if (name.length <= XLSX_SHEET_NAME_MAX) return name;
  return name.replace(/^Histórico\s+/, '').slice(0, XLSX_SHEET_NAME_MAX);
}

export interface ArchiveWorkbookOptions {
  /** Number formats of the archived columns (default: `Histórico`'s). */
  readonly columnFormats?: readonly (string | undefined)[];
}

export class ArchiveWorkbook implements ArchiveSink {
  private readonly pending: { sheet: string; rows: Cell[][] }[] = [];
  private readonly columnFormats: readonly (string | undefined)[];

  private readonly mainPath: string | undefined;

  constructor(
    readonly path: string,
    options: ArchiveWorkbookOptions & { readonly mainPath?: string } = {},
  ) {
    this.columnFormats = options.columnFormats ?? HISTORY_FORMATS;
    this.mainPath = options.mainPath;
  }

  /** The archive beside the main workbook file (and never more readable than it: it holds the same students). */
  static beside(mainPath: string, options: ArchiveWorkbookOptions = {}): ArchiveWorkbook {
    return new ArchiveWorkbook(archivePathFor(mainPath), { ...options, mainPath });
  }

  /** Collects the rows in memory (nothing touches the disk until `save`). */
  append(name: string, rows: Cell[][]): string {
    const sheet = archiveSheetName(name);
    this.pending.push({ sheet, rows: rows.map((row) => [...row]) });
    return `${basename(this.path)} › ${sheet}`;
  }

  /** True when rows were appended and not yet saved. */
  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Writes the collected rows into the archive file (created if missing; a sheet per archive name,
   * created if missing, appended if it exists, without rows it already holds), atomically: a temp
   * file renamed over the old one. Does nothing when nothing was appended.
   */
  async save(): Promise<void> {
    if (this.pending.length === 0) return;
    const book = existsSync(this.path) ? await XlsxWorkbook.load(this.path) : XlsxWorkbook.empty();
    for (const { sheet, rows } of this.pending) {
      const existing = book.readSheet(sheet);
      if (existing === null || existing.length === 0) {
        book.writeSheet(sheet, { rows, columnFormats: this.columnFormats, frozenRows: 1 });
        continue;
      }
      const missing = rowsMissingFromArchive(existing, rows);
      if (missing.length > 0) book.replaceRowsFrom(sheet, existing.length, missing, this.columnFormats);
    }
    // Written through a link like the main file; the main file's mode caps the archive's (if it exists yet).
    await book.save(this.path, this.mainPath !== undefined && existsSync(this.mainPath) ? { limitTo: this.mainPath } : {});
    this.pending.length = 0;
  }
}
