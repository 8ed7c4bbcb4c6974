// Fake PropertiesService: three separate string stores with Apps Script's 9 KB/value and 500 KB/store limits.
import { instrument, Runtime } from './runtime';

type GProps = GoogleAppsScript.Properties.Properties;
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

const API = [
  'getProperty',
  'setProperty',
  'deleteProperty',
  'getProperties',
  'setProperties',
  'deleteAllProperties',
  'getKeys',
] as const satisfies readonly (keyof GProps)[];

/** One property store. Inspection: `data` (the live map), `sizeBytes()`. */
export class FakeProperties implements Pick<GProps, (typeof API)[number]> {
  readonly data = new Map<string, string>();
  constructor(
    readonly rt: Runtime,
    readonly kind: 'script' | 'document' | 'user',
  ) {}
  gas(): GProps {
    return this as unknown as GProps;
  }
  fakeScope(): string {
    return this.kind;
  }
  /** Bytes used (keys + values, UTF-8). */
  sizeBytes(data: Map<string, string> = this.data): number {
    let n = 0;
    for (const [k, v] of data) n += bytes(k) + bytes(v);
    return n;
  }
  private commit(next: Map<string, string>): void {
    for (const v of next.values()) if (bytes(v) > MAX_VALUE_BYTES) throw this.rt.exception('Argument too large: value');
    if (this.sizeBytes(next) > MAX_STORE_BYTES)
      throw this.rt.exception('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): GProps {
    const next = new Map(this.data);
    next.set(String(key), String(value));
    this.commit(next);
    return this.gas();
  }
  deleteProperty(key: string): GProps {
    this.data.delete(key);
    return this.gas();
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.data);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProps {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit(next);
    return this.gas();
  }
  deleteAllProperties(): GProps {
    this.data.clear();
    return this.gas();
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
}
instrument(FakeProperties, 'Properties', API);

/** The `PropertiesService` global; `script`, `document`, `user` are the stores. */
export class FakePropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  readonly script: FakeProperties;
  readonly document: FakeProperties;
  readonly user: FakeProperties;
  constructor(readonly rt: Runtime = new Runtime()) {
    this.script = new FakeProperties(rt, 'script');
    this.document = new FakeProperties(rt, 'document');
    this.user = new FakeProperties(rt, 'user');
  }
  gas(): GoogleAppsScript.Properties.PropertiesService {
    return this;
  }
  getScriptProperties(): GProps {
    return this.script.gas();
  }
  getDocumentProperties(): GProps {
    return this.document.gas();
  }
  getUserProperties(): GProps {
    return this.user.gas();
  }
}
instrument(FakePropertiesService, 'PropertiesService', ['getScriptProperties', 'getDocumentProperties', 'getUserProperties']);

/** Creates the `PropertiesService` fake. */
export function createPropertiesService(runtime?: Runtime): FakePropertiesService {
  return new FakePropertiesService(runtime);
}
