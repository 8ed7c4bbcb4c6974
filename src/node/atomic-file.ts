// Saving a file so it stays the same file: a temp file beside the real target, created with the
// final mode (never briefly readable by others), flushed, then renamed over it. A symlink stays a
// link whose target gets the new content; a private (0600) workbook stays private; a hard-linked one
// is written in place, so every name keeps seeing the same file.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hardLinkedSaveFailed, workbookReadOnly } from '../core/messages/files';
import { UsageError } from './cli-io';
import { modeOf, newFileMode, realPathOf } from './file-identity';
import { assertWriteAllowed, holdsWorkbookLock, isReadOnly } from './workbook-lock';

export interface AtomicWriteOptions {
  /**
   * A file whose readers this one must not exceed (the preview and the archive hold the workbook's
   * student data): the mode is the file's own (or a new file's) with only the bits `limitTo` also has.
   */
  readonly limitTo?: string;
}

/** `.escola.xlsx.<12 hex>.tmp`: the temp names this module makes for `escola.xlsx`. */
function tempPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`);
}

/**
 * Writes `data` to `path` atomically; the existing file keeps its mode and, where the process may
 * set them, its owner and group. A read-only file is refused (a rename would replace it regardless).
 */
export function writeFileAtomically(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): void {
  // A command whose workbook lock was lost saves nothing (another process may own the file now).
  assertWriteAllowed();
  const target = realPathOf(path);
  if (isReadOnly(target)) throw new UsageError(workbookReadOnly(path));
  const existing = modeOf(target) === null ? null : statSync(target);
  const limit = options.limitTo === undefined ? null : modeOf(realPathOf(options.limitTo));
  let mode = existing ? existing.mode & 0o7777 : newFileMode();
  if (limit !== null) mode &= limit;
  const folder = dirname(target);
  // Under the workbook's lock no other command writes these names: a temp file left here is a killed save's.
  if (holdsWorkbookLock()) sweepTemps(folder, basename(target));
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // `wx`: a fresh file, never one (or a link) already at that name; no permission bit beyond the final mode.
    const fd = openSync(temp, 'wx', mode & 0o666);
    created = true;
    try {
      if (existing) keepOwner(fd, existing.uid, existing.gid);
      // After chown (which may clear set-id bits) and exactly, whatever the umask did to openSync's mode.
      fchmodSync(fd, mode);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again just before the rename: the write itself may have taken a while.
    assertWriteAllowed();
    if (existing?.isFile() && existing.nlink > 1) {
      created = false; // from here on the temp is the only complete copy: kept if the copy fails
      overwriteInPlace(temp, target, path);
      return;
    }
    renameSync(temp, target);
    created = false;
    syncFolder(folder);
  } catch (error) {
    if (created) removeQuietly(temp);
    throw error;
  }
}

/**
 * A file with other hard links: a rename would give this name a new file and leave the others with
 * the old week, so the complete, flushed temp is copied into the file itself (same inode, every name
 * sees it). Not atomic: if the copy fails, the file may be cut short, so the temp is kept and named.
 */
function overwriteInPlace(temp: string, target: string, path: string): void {
  try {
    copyFileSync(temp, target);
    const fd = openSync(target, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new Error(hardLinkedSaveFailed(path, temp));
  }
  removeQuietly(temp);
}

/** The new file gets the old one's owner and group: root may set both, anyone may keep a group they belong to. */
function keepOwner(fd: number, uid: number, gid: number): void {
  const made = fstatSync(fd);
  if (made.uid === uid && made.gid === gid) return;
  const root = process.getuid?.() === 0;
  try {
    fchownSync(fd, root ? uid : made.uid, gid);
  } catch {
    // Not a member of that group: the file keeps this user's group, and its mode.
  }
}

function sweepTemps(folder: string, name: string): void {
  const pattern = tempPattern(name);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of names) if (pattern.test(entry)) removeQuietly(join(folder, entry));
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Flushes the rename itself (best effort: some systems cannot open a folder for fsync). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here; the file's own data is already flushed.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
