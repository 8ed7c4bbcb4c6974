// A minimal Blob (text content, signed bytes like Apps Script).

/** Apps Script bytes are signed (-128..127). */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts Apps Script byte arrays (signed) or strings. */
export function toBuffer(data: string | number[] | Uint8Array, charset = 'utf-8'): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset.toLowerCase().replace('-', '') === 'utf8' ? 'utf8' : 'latin1');
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

/** Subset of Base.Blob: data as string/bytes, content type, name. */
export class FakeBlob
  implements
    Pick<GoogleAppsScript.Base.Blob, 'getDataAsString' | 'getBytes' | 'getContentType' | 'setContentType' | 'getName' | 'setName' | 'copyBlob' | 'isGoogleType'>
{
  constructor(
    private data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  gas(): GoogleAppsScript.Base.Blob {
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
  getDataAsString(charset?: string): string {
    return this.data.toString(charset && /latin|8859/i.test(charset) ? 'latin1' : 'utf8');
  }
  getBytes(): number[] {
    return toSignedBytes(this.data);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this.gas();
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this.gas();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return new FakeBlob(Buffer.from(this.data), this.contentType, this.name).gas();
  }
  isGoogleType(): boolean {
    return false;
  }
}
