// The Node host's LockService: one command at a time writes a workbook. A lock directory beside the
// file's real path (proper-lockfile), refreshed while a long sync runs and taken over once stale, so
// a crashed or killed command never blocks the file for good.

import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { UsageError } from './cli-io';

/** A lock not refreshed for this long belongs to a dead process and is taken over. */
const STALE_MS = 20_000;
/** How often a holder refreshes its lock (well under STALE_MS, so a busy event loop never loses it). */
const UPDATE_MS = 5_000;

/** Another command holds the workbook: exit 1, nothing was read or changed. */
export class WorkbookBusyError extends Error {
  constructor(file: string) {
    super(`a planilha ${file} está em uso por outro comando do cademi-monitor (uma coleta, por exemplo); nada foi alterado. Tente de novo quando ele terminar.`);
    this.name = 'WorkbookBusyError';
  }
}

/** The path the lock and the save act on: a symlink's target, so every name of one file shares one lock. */
export function realPathOf(file: string): string {
  return existsSync(file) ? realpathSync(file) : resolve(file);
}

/** A workbook nobody may write is refused before any API call (mode bits: root passes access() checks). */
function refuseReadOnly(file: string, real: string): void {
  if (!existsSync(real)) return;
  if ((statSync(real).mode & 0o222) === 0) {
    throw new UsageError(`${file} está como somente leitura; libere a gravação (ex.: chmod u+w "${file}") e rode de novo. Nada foi coletado.`);
  }
}

/** Runs `work` holding the workbook's lock; released on every exit path. */
export async function withWorkbookLock<T>(file: string, work: () => Promise<T>, warn: (text: string) => void): Promise<T> {
  const real = realPathOf(file);
  refuseReadOnly(file, real);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(real, {
      realpath: false,
      lockfilePath: `${real}.lock`,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      // Default: throw from a timer (a crash). Here: say so; the command's own save still runs.
      onCompromised: () => warn(`aviso: o bloqueio de ${file} foi perdido durante o comando; confira se outro comando gravou a planilha ao mesmo tempo.\n`),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new WorkbookBusyError(file);
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
