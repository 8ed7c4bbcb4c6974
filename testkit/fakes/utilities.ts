// Fake Utilities: sleep on virtual time, deterministic UUIDs, Java-style formatDate, base64 and digests.
import { createHash, createHmac } from 'node:crypto';
import { FakeBlob, toBuffer, toSignedBytes } from './blob';
import { tzOffsetMs } from './cells';
import { enumOf, instrument, Runtime } from './runtime';

type GUtil = GoogleAppsScript.Utilities.Utilities;
type Bytes = number[];
export const MAX_SLEEP_MS = 300_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DIGESTS: Record<string, string> = { MD2: 'md5', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats like Java's SimpleDateFormat (what Apps Script uses): y, M (M/MM/MMM/MMMM), d, H, h, m, s,
 * S, E, a, u (1 = Monday), Z, X/XXX, and 'quoted literals' ('' is a quote).
 */
export function formatJavaDate(instant: number, timeZone: string, pattern: string): string {
  const offset = tzOffsetMs(instant, timeZone);
  const d = new Date(instant + offset);
  const field = (ch: string, n: number): string => {
    switch (ch) {
      case 'y':
        return n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
      case 'M':
        return n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : pad(d.getUTCMonth() + 1, n);
      case 'd':
        return pad(d.getUTCDate(), n);
      case 'H':
        return pad(d.getUTCHours(), n);
      case 'h':
        return pad(d.getUTCHours() % 12 || 12, n);
      case 'm':
        return pad(d.getUTCMinutes(), n);
      case 's':
        return pad(d.getUTCSeconds(), n);
      case 'S':
        return pad(d.getUTCMilliseconds(), n);
      case 'E':
        return n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()].slice(0, 3);
      case 'a':
        return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'u':
        return String(d.getUTCDay() || 7);
      case 'Z':
      case 'X': {
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset) / 60_000;
        if (ch === 'X' && offset === 0) return 'Z';
        return `${sign}${pad(Math.floor(abs / 60), 2)}${ch === 'X' && n >= 3 ? ':' : ''}${pad(abs % 60, 2)}`;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern[i + n] === ch) n++;
      out += field(ch, n);
      i += n;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const API = [
  'sleep',
  'getUuid',
  'formatDate',
  'base64Encode',
  'base64EncodeWebSafe',
  'base64Decode',
  'base64DecodeWebSafe',
  'computeDigest',
  'computeHmacSha256Signature',
  'newBlob',
] as const satisfies readonly (keyof GUtil)[];

/** The `Utilities` global. */
export class FakeUtilities implements Pick<GUtil, (typeof API)[number] | 'Charset' | 'DigestAlgorithm'> {
  readonly Charset = enumOf('US_ASCII', 'UTF_8') as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512') as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  private uuidState = 0x9e3779b9;
  /** Total virtual ms slept. */
  slept = 0;
  constructor(readonly rt: Runtime = new Runtime()) {}
  gas(): GUtil {
    return this as unknown as GUtil;
  }

  /** Advances virtual time by `milliseconds` (Apps Script caps one sleep at 300,000 ms). */
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS)
      throw this.rt.exception(`Invalid argument: milliseconds (${milliseconds}); Utilities.sleep allows 0 to ${MAX_SLEEP_MS}.`);
    this.slept += milliseconds;
    this.rt.time.advance(milliseconds);
  }
  /** Deterministic v4-shaped UUIDs (xorshift sequence). */
  getUuid(): string {
    let hex = '';
    while (hex.length < 32) {
      let x = this.uuidState;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.uuidState = x >>> 0;
      hex += this.uuidState.toString(16).padStart(8, '0');
    }
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== '[object Date]')
      throw this.rt.exception("The parameters don't match the method signature for Utilities.formatDate.");
    return formatJavaDate((date as unknown as Date).getTime(), timeZone, format);
  }
  base64Encode(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset === ('US_ASCII' as unknown) ? 'latin1' : 'utf-8').toString('base64');
  }
  base64EncodeWebSafe(data: string | Bytes, charset?: GoogleAppsScript.Utilities.Charset): string {
    return this.base64Encode(data, charset as GoogleAppsScript.Utilities.Charset)
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }
  base64Decode(encoded: string): Bytes {
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): Bytes {
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | Bytes): Bytes {
    return toSignedBytes(
      createHash(DIGESTS[String(algorithm)] ?? 'sha256')
        .update(toBuffer(value))
        .digest(),
    );
  }
  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes): Bytes {
    return toSignedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }
  newBlob(data: string | Bytes, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return new FakeBlob(toBuffer(data), contentType ?? null, name ?? null).gas();
  }
}
instrument(FakeUtilities, 'Utilities', API);

/** Creates the `Utilities` fake. */
export function createUtilities(runtime?: Runtime): FakeUtilities {
  return new FakeUtilities(runtime);
}
