// Opening the workbook a command works on, with a clear message when it is not there.

import { existsSync } from 'node:fs';
import { XlsxWorkbook } from '../xlsx-workbook';
import { UsageError } from '../cli-io';

export async function loadExistingWorkbook(file: string): Promise<XlsxWorkbook> {
  if (!existsSync(file)) throw new UsageError(`${file} não existe; crie-o com "cademi-monitor init ${file}"`);
  try {
    return await XlsxWorkbook.load(file);
  } catch (error) {
    throw new UsageError(`${file} não pôde ser lido como .xlsx (${error instanceof Error ? error.message : String(error)})`);
  }
}
