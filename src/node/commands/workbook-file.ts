// Opening the workbook a command works on, with a clear message when it is not there, and saving it
// with a warning when a chart could not be drawn.

import { existsSync } from 'node:fs';
import { warningLine } from '../../core/messages/cli';
import { chartsNotDrawn, workbookNoReadPermission, workbookNotFound, workbookUnreadable } from '../../core/messages/files';
import type { AtomicWriteOptions } from '../atomic-file';
import { type CliIo, UsageError } from '../cli-io';
import { XlsxWorkbook } from '../xlsx-workbook';

export async function loadExistingWorkbook(file: string): Promise<XlsxWorkbook> {
  if (!existsSync(file)) throw new UsageError(workbookNotFound(file));
  try {
    return await XlsxWorkbook.load(file);
  } catch (error) {
    // The reader's text is English and may quote the file's bytes: only the cause is told.
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(code === 'EACCES' || code === 'EPERM' ? workbookNoReadPermission(file) : workbookUnreadable(file));
  }
}

/**
 * Saves the workbook to `file`. A chart the save could not draw leaves the run successful (the data is
 * all there) but is never silent: a warning on stderr names the sheets missing their pictures.
 */
export async function saveWorkbook(workbook: XlsxWorkbook, file: string, io: Pick<CliIo, 'stderr'>, options: AtomicWriteOptions = {}): Promise<void> {
  await workbook.save(file, options);
  const failed = new Set(workbook.chartImageFailures.map((failure) => failure.sheet));
  // In tab order, as the person finds them.
  const sheets = workbook.sheetNames().filter((name) => failed.has(name));
  if (sheets.length > 0) io.stderr.write(`${warningLine(chartsNotDrawn(file, sheets))}\n`);
}
