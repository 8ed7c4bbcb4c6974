// The workbook's sheet names and identities, read once and kept current through the changes made
// here: finding the owned sheets costs a couple of reads per run, not a few per sheet.

import type { Workbook } from '../workbook/workbook';

export class SheetDirectory {
  private nameList: string[] | null = null;
  private identities: Map<string, string[]>;

  constructor(readonly workbook: Workbook) {
    this.identities = workbook.sheetIdentities();
  }

  /** Read when first needed: a workbook whose owned sheets are all where they belong never lists its tabs. */
  private get sheetNames(): string[] {
    this.nameList ??= this.workbook.sheetNames();
    return this.nameList;
  }

  private set sheetNames(names: string[]) {
    this.nameList = names;
  }

  names(): readonly string[] {
    return this.sheetNames;
  }

  has(name: string): boolean {
    return this.sheetNames.includes(name);
  }

  /** The sheet whose name equals `name` ignoring case (Sheets and Excel refuse two such names), other than `except`. */
  holderOf(name: string, except?: string): string | undefined {
    return this.sheetNames.find((candidate) => candidate !== except && candidate.toLowerCase() === name.toLowerCase());
  }

  carriers(key: string): readonly string[] {
    return this.identities.get(key) ?? [];
  }

  keyOf(name: string): string | undefined {
    for (const [key, sheets] of this.identities) if (sheets.includes(name)) return key;
    return undefined;
  }

  /** A sheet the job just created (writeSheet): listed from now on. */
  created(name: string): void {
    if (this.nameList !== null && !this.nameList.includes(name)) this.nameList.push(name);
  }

  keys(): string[] {
    return [...this.identities.keys()];
  }

  setIdentity(name: string, key: string): void {
    this.workbook.setSheetIdentity(name, key);
    for (const [other, sheets] of this.identities)
      this.identities.set(
        other,
        sheets.filter((sheet) => sheet !== name),
      );
    this.identities.set(key, [name]);
  }

  rename(from: string, to: string): void {
    const names = this.sheetNames;
    this.workbook.renameSheet(from, to);
    this.sheetNames = names.map((name) => (name === from ? to : name));
    for (const [key, sheets] of this.identities)
      this.identities.set(
        key,
        sheets.map((sheet) => (sheet === from ? to : sheet)),
      );
  }

  delete(name: string): void {
    const names = this.sheetNames;
    this.workbook.deleteSheet(name);
    this.sheetNames = names.filter((other) => other !== name);
    for (const [key, sheets] of this.identities)
      this.identities.set(
        key,
        sheets.filter((sheet) => sheet !== name),
      );
  }
}
