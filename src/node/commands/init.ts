// `cademi-monitor init <arquivo.xlsx>`: a workbook with the config sheets, ready to fill.

import { existsSync } from 'node:fs';
import { ensureConfigSheets } from '../../core/config/templates';
import { configSheetsCreated, configSheetsExisted } from '../../core/messages/cli';
import { type CliIo, EXIT } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { XlsxWorkbook } from '../xlsx-workbook';
import { notices } from './lock-notices';
import { loadExistingWorkbook } from './workbook-file';

export async function initCommand(file: string, io: CliIo): Promise<number> {
  // An existing workbook is read and saved again: it must not change under another command.
  return withWorkbookLock(file, () => initWorkbook(file, io), notices(io));
}

async function initWorkbook(file: string, io: CliIo): Promise<number> {
  const workbook = existsSync(file) ? await loadExistingWorkbook(file) : XlsxWorkbook.empty();
  const created = ensureConfigSheets(workbook);
  await workbook.save(file);
  io.stdout.write(`${created.length > 0 ? configSheetsCreated(file, created) : configSheetsExisted(file)}\n`);
  return EXIT.ok;
}
