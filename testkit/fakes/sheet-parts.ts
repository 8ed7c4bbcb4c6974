// Small sheet-attached objects: protections, filters, and a recording builder for rules kept as data.

import type { FakeRange } from './range';
import { instrument, type Runtime } from './runtime';
import type { FakeSheet } from './sheet';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
const PROTECTION_API = [
  'setWarningOnly',
  'isWarningOnly',
  'setDescription',
  'getDescription',
  'remove',
  'getProtectionType',
  'canEdit',
  'getRange',
  'getEditors',
  'removeEditors',
  'addEditor',
  'addEditors',
  'setDomainEdit',
  'canDomainEdit',
] as const satisfies readonly (keyof GProtection)[];

/** A sheet or range protection, stored on its sheet. */
export class FakeProtection implements Pick<GProtection, (typeof PROTECTION_API)[number]> {
  readonly rt: Runtime;
  description = '';
  warningOnly = false;
  removed = false;
  editors: string[] = [];
  domainEdit = true;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'SHEET' | 'RANGE',
    readonly range: FakeRange | null,
  ) {
    this.rt = sheet.rt;
  }
  gas(): GProtection {
    return this as unknown as GProtection;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.warningOnly = warningOnly;
    return this.gas();
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDescription(description: string): GProtection {
    this.description = description;
    return this.gas();
  }
  getDescription(): string {
    return this.description;
  }
  remove(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  canEdit(): boolean {
    return true;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return (this.range ?? this.sheet.fullRange()).gas();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editors.map((email) => ({ getEmail: () => email }) as GoogleAppsScript.Base.User);
  }
  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): GProtection {
    const emails = (emailAddresses as unknown[]).map((e) => (typeof e === 'string' ? e : (e as GoogleAppsScript.Base.User).getEmail()));
    this.editors = this.editors.filter((e) => !emails.includes(e));
    return this.gas();
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GProtection {
    this.editors.push(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    return this.gas();
  }
  addEditors(emailAddresses: string[]): GProtection {
    this.editors.push(...emailAddresses);
    return this.gas();
  }
  setDomainEdit(editable: boolean): GProtection {
    this.domainEdit = editable;
    return this.gas();
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
}
instrument(FakeProtection, 'Protection', PROTECTION_API);

type GFilter = GoogleAppsScript.Spreadsheet.Filter;
const FILTER_API = [
  'getRange',
  'remove',
  'sort',
  'setColumnFilterCriteria',
  'getColumnFilterCriteria',
  'removeColumnFilterCriteria',
] as const satisfies readonly (keyof GFilter)[];

/** A sheet's basic filter; criteria are kept as data, `sort` really sorts the rows below the header. */
export class FakeFilter implements Pick<GFilter, (typeof FILTER_API)[number]> {
  readonly rt: Runtime;
  readonly criteria = new Map<number, GoogleAppsScript.Spreadsheet.FilterCriteria>();
  sorts: Array<{ column: number; ascending: boolean }> = [];

  constructor(
    readonly sheet: FakeSheet,
    readonly range: FakeRange,
  ) {
    this.rt = sheet.rt;
  }
  gas(): GFilter {
    return this as unknown as GFilter;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.range.gas();
  }
  remove(): void {
    if (this.sheet.filter === this) this.sheet.filter = null;
  }
  sort(columnPosition: number, ascending: boolean): GFilter {
    this.sorts.push({ column: columnPosition, ascending });
    this.sheet.sortRows(this.range.row + 1, this.range.column, this.range.numRows - 1, this.range.numColumns, columnPosition, ascending);
    return this.gas();
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null): GFilter {
    if (filterCriteria) this.criteria.set(columnPosition, filterCriteria);
    else this.criteria.delete(columnPosition);
    return this.gas();
  }
  getColumnFilterCriteria(columnPosition: number): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    return this.criteria.get(columnPosition) ?? null;
  }
  removeColumnFilterCriteria(columnPosition: number): GFilter {
    this.criteria.delete(columnPosition);
    return this.gas();
  }
}
instrument(FakeFilter, 'Filter', FILTER_API);

/** What a recording builder's `build()` returns: the calls made on the builder, as data. */
export interface RecordedSpec {
  kind: string;
  calls: Array<{ method: string; args: unknown[] }>;
  ranges: unknown[];
  /** Last argument passed to `method`, if it was called. */
  get(method: string): unknown[] | undefined;
  getRanges(): unknown[];
  copy(): unknown;
}

/**
 * A builder that accepts any chain of calls (`whenNumberLessThan(5).setBackground('#f00')…`) and
 * whose `build()` returns a `RecordedSpec`. Used for conditional format rules, data validations,
 * filter criteria and text styles, which tests only need to inspect, not evaluate.
 */
export function recordingBuilder(kind: string, calls: RecordedSpec['calls'] = []): any {
  const state = { calls: [...calls] };
  const proxy: any = new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'build') {
          return () => {
            const frozen = [...state.calls];
            const rangesCall = [...frozen].reverse().find((c) => c.method === 'setRanges');
            const spec: RecordedSpec = {
              kind,
              calls: frozen,
              ranges: (rangesCall?.args[0] as unknown[]) ?? [],
              get: (m) => [...frozen].reverse().find((c) => c.method === m)?.args,
              getRanges: () => spec.ranges,
              copy: () => recordingBuilder(kind, frozen),
            };
            return spec;
          };
        }
        return (...args: unknown[]) => {
          state.calls.push({ method: prop, args });
          return proxy;
        };
      },
    },
  );
  return proxy;
}
