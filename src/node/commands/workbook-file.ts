// Opening the workbook a command works on, with a clear message when it is not there.

import { existsSync } from 'node:fs';
import { workbookNoReadPermission, workbookNotFound, workbookUnreadable } from '../../core/messages/files';
import { UsageError } from '../cli-io';
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
