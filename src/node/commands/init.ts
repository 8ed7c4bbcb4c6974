// `cademi-monitor init <arquivo.xlsx>`: a workbook with the config sheets, ready to fill.

import { existsSync } from 'node:fs';
import { ensureConfigSheets } from '../../core/config/templates';
import { XlsxWorkbook } from '../xlsx-workbook';
import { EXIT, type CliIo } from '../cli-io';

export async function initCommand(file: string, io: CliIo): Promise<number> {
  const workbook = existsSync(file) ? await XlsxWorkbook.load(file) : XlsxWorkbook.empty();
  const created = ensureConfigSheets(workbook);
  await workbook.save(file);
  io.stdout.write(
    created.length > 0
      ? `${file}: abas criadas: ${created.join(', ')}. Próximo passo: cademi-monitor cohort add ${file} --name … --tag … --start … --products …\n`
      : `${file}: as abas de configuração já existiam; nada mudou.\n`,
  );
  return EXIT.ok;
}
