// Which file a path names: a symlink's final target (so a save writes through the link and every
// name of one file shares one lock), and that file's permission bits.

import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Links followed before giving up on a chain (the kernel's own limit is 40). */
const MAX_LINKS = 40;

/** The real path of `file`; for a link to a file not yet created, the path the link points at. */
export function realPathOf(file: string): string {
  if (existsSync(file)) return realpathSync(file);
  let path = resolve(file);
  for (let hop = 0; hop < MAX_LINKS; hop++) {
    let isLink = false;
    try {
      isLink = lstatSync(path).isSymbolicLink();
    } catch {
      break;
    }
    if (!isLink) break;
    path = resolve(dirname(path), readlinkSync(path));
  }
  // The folder may itself be reached through links.
  const folder = dirname(path);
  return existsSync(folder) ? resolve(realpathSync(folder), path.slice(folder.length + 1)) : path;
}

/** The permission bits of `path` (through links), or null when it does not exist. */
export function modeOf(path: string): number | null {
  return existsSync(path) ? statSync(path).mode & 0o7777 : null;
}

/** The mode a new file gets here: 0666 less the process's umask. */
export function newFileMode(): number {
  let mask = 0o022;
  try {
    mask = process.umask();
  } catch {
    // Worker threads cannot read the umask; the common default is used.
  }
  return 0o666 & ~mask;
}
