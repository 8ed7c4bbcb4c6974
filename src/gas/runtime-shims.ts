// Web globals that bundled libraries name but Apps Script lacks
// (https://developers.google.com/apps-script/guides/v8-runtime). esbuild `inject`s this module into
// build/Code.js, so every free `File`, `atob` and `btoa` in the bundle binds to these instead of
// throwing a ReferenceError. zod, for one, checks `input instanceof File` while it reports a size
// error: without this, any too-long or too-short value failed with "File is not defined".

/** No value in Apps Script is a web `File`, so `x instanceof File` is simply false. */
export class File {
  private constructor() {}
}

/** Base64 to a binary string (one char per byte), through Utilities. */
export function atob(encoded: string): string {
  const bytes = Utilities.base64Decode(String(encoded).replace(/\s+/g, ''));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte & 0xff);
  return binary;
}

/** A binary string (chars ≤ U+00FF) to base64, through Utilities. */
export function btoa(binary: string): string {
  const text = String(binary);
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new RangeError('btoa: o texto tem caracteres fora do intervalo Latin-1');
    bytes.push(code > 0x7f ? code - 0x100 : code);
  }
  return Utilities.base64Encode(bytes);
}
