// The Node host's LockService: one command at a time writes a workbook. A lock directory beside the
// file's real path (proper-lockfile), refreshed while a long sync runs and taken over once stale, so
// a crashed or killed command never blocks the file for good.

import { AsyncLocalStorage } from 'node:async_hooks';
import fs, { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { folderMissing, folderNotWritable, staleLockTaken, workbookBusy, workbookLockLost, workbookReadOnly } from '../core/messages/files';
import { UsageError } from './cli-io';
import { realPathOf } from './file-identity';

/** A lock not refreshed for this long belongs to a dead process and is taken over. */
export const LOCK_STALE_MS = 20_000;
/** How often a holder refreshes its lock (well under the stale period, so a busy event loop keeps it). */
const LOCK_UPDATE_MS = 5_000;

/** Another command holds the workbook: exit 1, nothing was read or changed. */
export class WorkbookBusyError extends Error {
  constructor(file: string) {
    super(workbookBusy(file));
    this.name = 'WorkbookBusyError';
  }
}

/** The lock was lost mid-command (its directory removed or taken over): exit 1, nothing saved. */
export class WorkbookLockLostError extends Error {
  constructor(file: string) {
    super(workbookLockLost(file));
    this.name = 'WorkbookLockLostError';
  }
}

interface HeldLock {
  readonly file: string;
  readonly lockPath: string;
  /** The lock directory's identity when taken (see directoryIdentity): a takeover removes it and makes another. */
  readonly identity: string;
  /** Set when proper-lockfile finds the lock compromised (on its next refresh). */
  lost: boolean;
}

/**
 * The lock of the command running in this async context. Per context, not per process: two commands
 * in one process (tests call main() concurrently) each answer for their own lock only.
 */
const current = new AsyncLocalStorage<HeldLock>();

/**
 * Throws when the lock the running command holds is no longer its own: no file may be saved by it.
 * Besides the compromised flag (set only on the next refresh tick), the directory itself is checked,
 * so a process that stalled past the stale period and was taken over sees it before it renames.
 */
export function assertWriteAllowed(): void {
  const lock = current.getStore();
  if (!lock) return;
  if (!stillHeld(lock)) throw new WorkbookLockLostError(lock.file);
}

function stillHeld(lock: HeldLock): boolean {
  return !lock.lost && directoryIdentity(lock.lockPath) === lock.identity;
}

/** For forgetting a lock that is no longer ours: proper-lockfile's unlock, minus removing the directory (the new holder's). */
const keepDirectoryFs = { ...fs, rmdir: (_path: string, done: (error: null) => void) => done(null) };

/**
 * Inode and birth time (ns): a directory removed and made again at once often gets the same inode
 * back (ext4 does), never the same birth time. Where the file system keeps no birth time, the inode alone.
 */
function directoryIdentity(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.birthtimeNs}`;
  } catch {
    return null;
  }
}

/** True while the running command holds a workbook lock (its leftover temp files may then be swept). */
export function holdsWorkbookLock(): boolean {
  return current.getStore() !== undefined;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when nobody may write `real`: no write bit at all (checked on the mode, since root passes
 * access() on a 0444 file), or access() refuses (another owner, a read-only file system — root too).
 */
export function isReadOnly(real: string): boolean {
  return existsSync(real) && ((statSync(real).mode & 0o222) === 0 || !writable(real));
}

/**
 * Refuses, before any work (no API call is spent), a workbook that cannot be saved: read-only, or a
 * folder that cannot take the temp file. `companions` are files the command also rewrites (the
 * archive, the preview): a read-only one is refused too, before the run rather than after it.
 */
function refuseUnwritable(file: string, real = realPathOf(file), companions: readonly string[] = []): void {
  const folder = dirname(real);
  if (!existsSync(folder)) throw new UsageError(folderMissing(file, folder));
  if (isReadOnly(real)) throw new UsageError(workbookReadOnly(file));
  if (!writable(folder)) throw new UsageError(folderNotWritable(file, folder));
  for (const companion of companions) {
    const target = realPathOf(companion);
    if (isReadOnly(target)) throw new UsageError(workbookReadOnly(companion));
    if (!writable(dirname(target))) throw new UsageError(folderNotWritable(companion, dirname(target)));
  }
}

export interface WorkbookLockOptions {
  /** Where a notice goes (a dead command's lock taken over). */
  readonly notify?: (text: string) => void;
  /** Files the command writes besides the workbook, checked up front (see refuseUnwritable). */
  readonly companions?: readonly string[];
}

/**
 * Runs `work` holding the workbook's exclusive lock, from its first read to its last save; released
 * on every exit path (a throw, a rejection; on a signal or process.exit proper-lockfile's exit hook
 * removes it). A lock held by another live command fails at once with WorkbookBusyError: a sync takes
 * minutes, so waiting would only delay the same answer.
 */
export async function withWorkbookLock<T>(file: string, work: () => Promise<T>, options: WorkbookLockOptions = {}): Promise<T> {
  const real = realPathOf(file);
  refuseUnwritable(file, real, options.companions);
  const lockPath = `${real}.lock`;
  // A lock directory already there and not refreshed for the stale period: a dead command's, taken over below.
  const abandoned = existsSync(lockPath) && !(await lockfile.check(real, { realpath: false, lockfilePath: lockPath, stale: LOCK_STALE_MS }).catch(() => true));
  let state: HeldLock | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(real, {
      realpath: false,
      lockfilePath: lockPath,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: 0,
      // proper-lockfile's default throws from a timer (an unhandled crash); instead every later save refuses.
      onCompromised: () => {
        if (state) state.lost = true;
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new WorkbookBusyError(file);
    throw error;
  }
  try {
    state = { file, lockPath, identity: directoryIdentity(lockPath) ?? '', lost: false };
    if (abandoned) options.notify?.(`aviso: ${staleLockTaken(file, LOCK_STALE_MS / 1000)}\n`);
    const held = state;
    return await current.run(held, work);
  } finally {
    // A lost lock is no longer ours to remove: proper-lockfile forgets it (no refresh, no removal at exit), the directory stays.
    if (state && !stillHeld(state)) await lockfile.unlock(real, { realpath: false, lockfilePath: lockPath, fs: keepDirectoryFs }).catch(() => undefined);
    await release().catch(() => undefined);
  }
}
