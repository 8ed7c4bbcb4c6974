// `cademi-monitor init <arquivo.xlsx>`: a workbook with the config sheets, ready to fill.

import { existsSync } from 'node:fs';
import { ensureConfigSheets } from '../../core/config/templates';
import { configSheetsCreated, configSheetsExisted } from '../../core/messages/cli';
import { type CliIo, EXIT } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { XlsxWorkbook } from '../xlsx-workbook';
import { defineCommand } from './command';
import { notices } from './lock-notices';
import { loadExistingWorkbook } from './workbook-file';

export const initCommand = defineCommand('init', {
  options: {},
  positionals: ['<arquivo.xlsx>'],
  // An existing workbook is read and saved again: it must not change under another command.
  run: ({ positionals: [file = ''] }, io) => withWorkbookLock(file, () => initWorkbook(file, io), notices(io)),
});

async function initWorkbook(file: string, io: CliIo): Promise<number> {
  const workbook = existsSync(file) ? await loadExistingWorkbook(file) : XlsxWorkbook.empty();
  const created = ensureConfigSheets(workbook);
  await workbook.save(file);
  io.stdout.write(`${created.length > 0 ? configSheetsCreated(file, created) : configSheetsExisted(file)}\n`);
  return EXIT.ok;
}
