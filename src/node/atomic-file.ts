// Saving a file so it stays the same file: a temp file beside the real target, created with the
// final mode (never briefly readable by others), flushed, then renamed over it. A symlink stays a
// link whose target gets the new content; a private (0600) workbook stays private.

import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { realPathOf } from './workbook-lock';

/** Mode for a new file with nothing to copy it from (the umask still applies). */
const NEW_FILE_MODE = 0o666;

/** The permission bits of `path`, or null when it does not exist. */
export function modeOf(path: string): number | null {
  return existsSync(path) ? statSync(realPathOf(path)).mode & 0o777 : null;
}

/**
 * Writes `data` to `path` atomically. An existing file keeps its mode; `mode` is for a new file, or
 * for every write with `force` (a preview is never more readable than the workbook it shows).
 */
export function writeFileAtomically(path: string, data: Uint8Array | string, mode?: number, force = false): void {
  const target = realPathOf(path);
  const finalMode = (force ? mode : undefined) ?? modeOf(target) ?? mode ?? null;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w', finalMode ?? NEW_FILE_MODE);
    try {
      // openSync's mode is filtered by the umask and ignored for an existing temp: set it exactly.
      if (finalMode !== null) fchmodSync(fd, finalMode);
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    if (finalMode !== null) chmodSync(target, finalMode);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}
