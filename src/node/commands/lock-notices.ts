// The lock options every workbook-writing command shares: its notices go to the command's stderr.

import type { CliIo } from '../cli-io';
import type { WorkbookLockOptions } from '../workbook-lock';

export function notices(io: CliIo, companions: readonly string[] = []): WorkbookLockOptions {
  return { notify: (text) => io.stderr.write(text), companions };
}
