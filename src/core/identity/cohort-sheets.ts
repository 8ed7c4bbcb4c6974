// Each cohort's own sheets (`Turma <nome>`, `Gráficos <nome>`) carry its ID as their identity, so a
// renamed cohort's sheets are renamed with it (charts and all) instead of being deleted and rebuilt.

import * as say from '../messages/identity';
import { OWNED_SHEETS } from '../sheets';
import type { SheetDirectory } from './sheet-directory';

/** A cohort ID as the job makes it: `t` and seven base-36 characters. */
export const COHORT_ID = /^t[0-9a-z]{7}$/;

/** 32-bit FNV-1a as 7 base-36 characters. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-7);
}

/** The key of a cohort's sheets: its ID, or (a cohort built in memory, without a `Turmas` row) a hash of its name. */
export function cohortKeyOf(cohort: { readonly id?: string; readonly name: string }): string {
  return cohort.id ?? `n${shortHash(cohort.name)}`;
}

export function cohortSheetKeys(cohortKey: string): { readonly pivot: string; readonly charts: string } {
  return { pivot: `turma_${cohortKey}_pivot`, charts: `turma_${cohortKey}_graficos` };
}

const COHORT_SHEET_KEY = /^turma_([0-9a-z]+)_(pivot|graficos)$/;

/** The cohort key of a cohort sheet's identity key, or null for other keys. */
export function cohortOfSheetKey(key: string): string | null {
  return COHORT_SHEET_KEY.exec(key)?.[1] ?? null;
}

export interface KeyedSheet {
  readonly key: string;
  /** The name it should have now (unique among the wanted ones). */
  readonly name: string;
}

export interface Placement {
  /** Key → the sheet to write: the wanted name, or where it stays when that name belongs to someone else. */
  readonly names: Map<string, string>;
  readonly renamed: { from: string; to: string }[];
  readonly notices: string[];
}

/**
 * Brings each wanted sheet to its name by identity. A sheet carrying the key is renamed (two steps
 * through temporary names, so two cohorts that swap names swap sheets); with none, an untagged sheet
 * of exactly the wanted name (the previous version's) is adopted. A name held by the sheet of a cohort
 * no longer configured (`isOrphanKey`) is freed by deleting that sheet (the reports would). A person's
 * sheet is never renamed or deleted: ours stays where it is, and a notice says so. Creates nothing.
 */
export function placeKeyedSheets(sheets: SheetDirectory, wanted: readonly KeyedSheet[], isOrphanKey: (key: string) => boolean): Placement {
  const fixedKeys = new Set<string>(OWNED_SHEETS.map((sheet) => sheet.key));
  const names = new Map<string, string>();
  const notices: string[] = [];
  const current = new Map<string, string>();
  for (const sheet of wanted) {
    const carriers = sheets.carriers(sheet.key);
    const at = carriers.includes(sheet.name) ? sheet.name : carriers[0];
    if (at !== undefined) {
      if (carriers.length > 1) sheets.setIdentity(at, sheet.key);
      current.set(sheet.key, at);
    } else if (sheets.has(sheet.name) && sheets.keyOf(sheet.name) === undefined) {
      sheets.setIdentity(sheet.name, sheet.key);
      current.set(sheet.key, sheet.name);
    }
  }
  const byKey = new Map(wanted.map((sheet) => [sheet.key, sheet]));
  const moving = new Set(wanted.filter((sheet) => current.has(sheet.key) && current.get(sheet.key) !== sheet.name).map((sheet) => sheet.key));
  const occupantOf = (key: string): { name: string; key: string | undefined } | null => {
    const name = sheets.holderOf(byKey.get(key)!.name, current.get(key));
    return name === undefined ? null : { name, key: sheets.keyOf(name) };
  };
  const removable = (occupant: { key: string | undefined }) =>
    occupant.key !== undefined && !fixedKeys.has(occupant.key) && !moving.has(occupant.key) && !byKey.has(occupant.key) && isOrphanKey(occupant.key);
  // A mover whose name another mover holds moves only if that one does: repeat until stable.
  const movable = new Set(
    [...moving].filter((key) => {
      const occupant = occupantOf(key);
      return occupant === null || removable(occupant) || (occupant.key !== undefined && moving.has(occupant.key));
    }),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of movable) {
      const occupant = occupantOf(key);
      if (occupant?.key !== undefined && moving.has(occupant.key) && !movable.has(occupant.key)) {
        movable.delete(key);
        changed = true;
      }
    }
  }
  for (const sheet of wanted) {
    const at = current.get(sheet.key);
    if (at === undefined) continue;
    if (!movable.has(sheet.key)) {
      names.set(sheet.key, at);
      if (moving.has(sheet.key)) notices.push(say.cohortSheetNameTaken(at, sheet.name));
      continue;
    }
    const occupant = occupantOf(sheet.key);
    if (occupant !== null && removable(occupant)) sheets.delete(occupant.name);
  }
  // Two steps: every mover to a free temporary name, then each to its own name.
  const renamed: { from: string; to: string }[] = [];
  const temporary = new Map<string, string>();
  let counter = 0;
  for (const key of movable) {
    const from = current.get(key)!;
    let temp = '';
    do temp = `~ renomeando ${++counter}`;
    while (sheets.holderOf(temp) !== undefined);
    sheets.rename(from, temp);
    temporary.set(key, temp);
    renamed.push({ from, to: byKey.get(key)!.name });
  }
  for (const key of movable) {
    sheets.rename(temporary.get(key)!, byKey.get(key)!.name);
    names.set(key, byKey.get(key)!.name);
  }
  return { names, renamed, notices };
}
