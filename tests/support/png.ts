// Test support: a small PNG reader (8-bit grey, RGB or RGBA, not interlaced: what resvg, Chromium and
// pdftoppm write), so tests can look at the pixels of the images the project draws.

import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type (PNG spec 11.2.2): 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  readonly rgba: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).equals(SIGNATURE);
}

/** Width and height from the IHDR chunk (the first one, right after the signature). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  if (!isPng(buffer) || buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** The Paeth predictor (PNG spec 9.4), without Math calls: it runs once per byte. */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = estimate > left ? estimate - left : left - estimate;
  const toUp = estimate > up ? estimate - up : up - estimate;
  const toUpLeft = estimate > upLeft ? estimate - upLeft : upLeft - estimate;
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** Undoes the per-line filters (PNG spec 9.2) into a fresh buffer, `channels` bytes a pixel; one loop per filter type. */
function unfilter(raw: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const from = y * (stride + 1) + 1;
    const line = y * stride;
    const up = line - stride;
    if (filter === 0 || (filter === 2 && y === 0)) {
      pixels.set(raw.subarray(from, from + stride), line);
    } else if (filter === 1) {
      for (let x = 0; x < stride; x++) pixels[line + x] = ((raw[from + x] as number) + (x >= channels ? (pixels[line + x - channels] as number) : 0)) & 0xff;
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++) pixels[line + x] = ((raw[from + x] as number) + (pixels[up + x] as number)) & 0xff;
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++) {
        const left = x >= channels ? (pixels[line + x - channels] as number) : 0;
        const above = y > 0 ? (pixels[up + x] as number) : 0;
        pixels[line + x] = ((raw[from + x] as number) + ((left + above) >> 1)) & 0xff;
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const left = x >= channels ? (pixels[line + x - channels] as number) : 0;
        const above = y > 0 ? (pixels[up + x] as number) : 0;
        const upLeft = x >= channels && y > 0 ? (pixels[up + x - channels] as number) : 0;
        pixels[line + x] = ((raw[from + x] as number) + paeth(left, above, upLeft)) & 0xff;
      }
    } else {
      throw new Error(`PNG line ${y}: unknown filter ${filter}`);
    }
  }
  return pixels;
}

export function decodePng(bytes: Uint8Array): PngImage {
  const buffer = Buffer.from(bytes);
  const { width, height } = pngSize(buffer);
  const [bitDepth, colorType, interlace] = [buffer[24], buffer[25], buffer[28]];
  const channels = CHANNELS[colorType ?? -1];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buffer.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  // Copied into a plain Uint8Array of this realm: jest runs tests in a vm, where indexing Node's own
  // Buffer in a hot loop is many times slower.
  const pixels = unfilter(new Uint8Array(inflateSync(Buffer.concat(idat))), width, height, channels);
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let index = 0, from = 0; index < rgba.length; index += 4, from += channels) {
    const grey = channels <= 2;
    rgba[index] = pixels[from] as number;
    rgba[index + 1] = pixels[grey ? from : from + 1] as number;
    rgba[index + 2] = pixels[grey ? from : from + 2] as number;
    rgba[index + 3] = channels === 2 ? (pixels[from + 1] as number) : 255;
  }
  return { width, height, rgba };
}

/** How many pixels have exactly this opaque colour ('#rrggbb'). */
export function countColor(image: PngImage, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const { rgba } = image;
  let count = 0;
  for (let at = 0; at < rgba.length; at += 4) {
    if (rgba[at] === r && rgba[at + 1] === g && rgba[at + 2] === b && rgba[at + 3] === 255) count++;
  }
  return count;
}

/** Pixels darker than `threshold` (0–255 luma) inside a box, e.g. where text is drawn on a light background. */
export function darkPixels(
  image: PngImage,
  box: { x: number; y: number; width: number; height: number } = { x: 0, y: 0, width: image.width, height: image.height },
  threshold = 128,
): number {
  const { rgba, width } = image;
  const [bottom, right, limit] = [Math.min(image.height, box.y + box.height), Math.min(width, box.x + box.width), threshold * 1000];
  let count = 0;
  for (let y = box.y; y < bottom; y++) {
    for (let at = (y * width + box.x) * 4, end = (y * width + right) * 4; at < end; at += 4) {
      if (299 * (rgba[at] as number) + 587 * (rgba[at + 1] as number) + 114 * (rgba[at + 2] as number) < limit) count++;
    }
  }
  return count;
}

/** How many distinct colours the image has (a blank or one-colour image has 1). */
export function distinctColors(image: PngImage): number {
  const { rgba } = image;
  const seen = new Set<number>();
  for (let at = 0; at < rgba.length; at += 4) seen.add(((rgba[at] as number) << 16) | ((rgba[at + 1] as number) << 8) | (rgba[at + 2] as number));
  return seen.size;
}

/** Pixels of a strong colour (not white, grey or black): chart marks and coloured fills, never plain text. */
export function colouredPixels(image: PngImage, minimumChroma = 80): number {
  const { rgba } = image;
  let count = 0;
  for (let at = 0; at < rgba.length; at += 4) {
    const r = rgba[at] as number;
    const g = rgba[at + 1] as number;
    const b = rgba[at + 2] as number;
    // max − min is the largest pairwise difference; compared directly, since Math calls in a per-pixel
    // loop cost seconds a picture in jest's vm.
    const rg = r - g;
    const gb = g - b;
    const rb = r - b;
    if (rg >= minimumChroma || -rg >= minimumChroma || gb >= minimumChroma || -gb >= minimumChroma || rb >= minimumChroma || -rb >= minimumChroma) count++;
  }
  return count;
}
