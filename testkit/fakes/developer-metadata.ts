// Developer metadata on a sheet: key/value strings, ids unique in the spreadsheet, visibility, a finder, the size limit.

import { enumOf, instrument, type Runtime } from './runtime';
import type { FakeSheet } from './sheet';

type GMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

/**
 * "The total size of all metadata associated with a single object, such as a sheet, can't exceed
 * 30,000 characters" — keys and values counted together, per sheet and per spreadsheet
 * (https://developers.google.com/sheets/api/guides/metadata).
 */
export const MAX_METADATA_CHARS = 30_000;

export type VisibilityName = 'DOCUMENT' | 'PROJECT';
/** An enum value that is not a string, so `addDeveloperMetadata(key, visibility)` and `(key, value)` stay apart as in Apps Script. */
export interface FakeVisibility {
  readonly name: VisibilityName;
  toString(): string;
}
const visibility = (name: VisibilityName): FakeVisibility => Object.freeze({ name, toString: () => name, toJSON: () => name });

/**
 * `SpreadsheetApp.DeveloperMetadataVisibility`: DOCUMENT "is accessible from any developer project with
 * access to the document"; PROJECT "is only visible to and accessible by the developer project that
 * created the metadata" (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility).
 */
export const DEVELOPER_METADATA_VISIBILITY = Object.freeze({ DOCUMENT: visibility('DOCUMENT'), PROJECT: visibility('PROJECT') });
/** `SpreadsheetApp.DeveloperMetadataLocationType` (the fake stores sheet-level metadata only). */
export const DEVELOPER_METADATA_LOCATION_TYPE = enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');

function isVisibility(value: unknown): value is FakeVisibility {
  return value === DEVELOPER_METADATA_VISIBILITY.DOCUMENT || value === DEVELOPER_METADATA_VISIBILITY.PROJECT;
}

/** The arguments of `addDeveloperMetadata(key)`, `(key, visibility)`, `(key, value)` and `(key, value, visibility)`. */
export function metadataArguments(
  rt: Runtime,
  key: unknown,
  second?: unknown,
  third?: unknown,
): { key: string; value: string | null; visibility: FakeVisibility } {
  if (typeof key !== 'string' || key === '') throw rt.exception('Developer metadata must always have a key specified.');
  if (isVisibility(second)) return { key, value: null, visibility: second };
  if (second !== undefined && typeof second !== 'string')
    throw rt.exception(`The parameters (String,${typeof second}) don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata.`);
  if (third !== undefined && !isVisibility(third))
    throw rt.exception("The parameters (String,String,String) don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata.");
  // Apps Script's overloads without a visibility create document-visible metadata.
  return { key, value: second ?? null, visibility: third ?? DEVELOPER_METADATA_VISIBILITY.DOCUMENT };
}

const METADATA_API = [
  'getId',
  'getKey',
  'getValue',
  'getVisibility',
  'getLocation',
  'setKey',
  'setValue',
  'setVisibility',
  'remove',
  'moveToSheet',
] as const satisfies readonly (keyof GMetadata)[];

/** One entry, stored on its sheet. `project` is the script project that created it (for PROJECT visibility). */
export class FakeDeveloperMetadata implements Pick<GMetadata, (typeof METADATA_API)[number]> {
  readonly rt: Runtime;
  removed = false;

  constructor(
    public sheet: FakeSheet,
    readonly id: number,
    public key: string,
    public value: string | null,
    public visibility: FakeVisibility,
    readonly project: string,
  ) {
    this.rt = sheet.rt;
  }
  gas(): GMetadata {
    return this as unknown as GMetadata;
  }
  fakeScope(): string {
    return this.sheet.name;
  }
  /** Characters this entry counts against its sheet's limit. */
  size(): number {
    return this.key.length + (this.value ?? '').length;
  }

  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getVisibility(): GVisibility {
    return this.visibility as unknown as GVisibility;
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    const sheet = this.sheet;
    return {
      getLocationType: () => DEVELOPER_METADATA_LOCATION_TYPE.SHEET as unknown as GLocationType,
      getSheet: () => sheet.gas(),
      getRow: () => null,
      getColumn: () => null,
      getSpreadsheet: () => null,
    };
  }
  setKey(key: string): GMetadata {
    if (typeof key !== 'string' || key === '') throw this.rt.exception('Developer metadata must always have a key specified.');
    this.sheet.checkMetadataSize(key.length - this.key.length);
    this.key = key;
    return this.gas();
  }
  setValue(value: string): GMetadata {
    const text = String(value);
    this.sheet.checkMetadataSize(text.length - (this.value ?? '').length);
    this.value = text;
    return this.gas();
  }
  setVisibility(visibility: GVisibility): GMetadata {
    if (!isVisibility(visibility)) throw this.rt.exception('Invalid argument: visibility');
    this.visibility = visibility;
    return this.gas();
  }
  remove(): void {
    this.removed = true;
    this.sheet.metadata = this.sheet.metadata.filter((item) => item !== this);
  }
  moveToSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GMetadata {
    const target = sheet as unknown as FakeSheet;
    if (target === this.sheet) return this.gas();
    target.checkMetadataSize(this.size());
    this.sheet.metadata = this.sheet.metadata.filter((item) => item !== this);
    target.metadata.push(this);
    this.sheet = target;
    return this.gas();
  }
}
instrument(FakeDeveloperMetadata, 'DeveloperMetadata', METADATA_API);

const FINDER_API = [
  'find',
  'withId',
  'withKey',
  'withValue',
  'withVisibility',
  'withLocationType',
  'onIntersectingLocations',
] as const satisfies readonly (keyof GFinder)[];

/** Where a finder looks: one sheet, or the whole spreadsheet (every sheet's metadata). */
export interface MetadataScope {
  visibleMetadata(): FakeDeveloperMetadata[];
  fakeScope(): string;
}

/**
 * `sheet.createDeveloperMetadataFinder()` and `spreadsheet.createDeveloperMetadataFinder()` (the latter
 * "considers all metadata associated with the spreadsheet, sheets, rows, and columns",
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#createDeveloperMetadataFinder()):
 * filters narrow, `find()` returns what matches all of them, in creation order.
 */
export class FakeDeveloperMetadataFinder implements Pick<GFinder, (typeof FINDER_API)[number]> {
  private readonly filters: Array<(item: FakeDeveloperMetadata) => boolean> = [];

  constructor(
    readonly rt: Runtime,
    private readonly scope: MetadataScope,
  ) {}
  gas(): GFinder {
    return this as unknown as GFinder;
  }
  fakeScope(): string {
    return this.scope.fakeScope();
  }
  private where(filter: (item: FakeDeveloperMetadata) => boolean): GFinder {
    this.filters.push(filter);
    return this.gas();
  }

  find(): GMetadata[] {
    return this.scope
      .visibleMetadata()
      .sort((a, b) => a.id - b.id)
      .filter((item) => this.filters.every((filter) => filter(item)))
      .map((item) => item.gas());
  }
  withId(id: number): GFinder {
    return this.where((item) => item.id === id);
  }
  withKey(key: string): GFinder {
    return this.where((item) => item.key === key);
  }
  withValue(value: string): GFinder {
    return this.where((item) => item.value === value);
  }
  withVisibility(visibility: GVisibility): GFinder {
    return this.where((item) => item.visibility === (visibility as unknown));
  }
  withLocationType(locationType: GLocationType): GFinder {
    return this.where(() => String(locationType) === DEVELOPER_METADATA_LOCATION_TYPE.SHEET);
  }
  /** Sheet-level metadata always intersects its sheet. */
  onIntersectingLocations(): GFinder {
    return this.gas();
  }
}
instrument(FakeDeveloperMetadataFinder, 'DeveloperMetadataFinder', FINDER_API);
