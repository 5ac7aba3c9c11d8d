/**
 * Reads our own ESC/POS byte stream back: the QR store-data commands (GS ( k … 31 50 30) and the raster
 * images (GS v 0), turned back into pixels.
 */

/** The payload of every `1D 28 6B pL pH 31 50 30 <data>` (function 180, store QR data). */
export function qrStoreDataPayloads(bytes: Uint8Array): string[] {
  const payloads: string[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== 0x1d || bytes[i + 1] !== 0x28 || bytes[i + 2] !== 0x6b) continue;
    const length = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
    if (bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50 && bytes[i + 7] === 0x30) {
      payloads.push(Buffer.from(bytes.subarray(i + 8, i + 5 + length)).toString('latin1'));
    }
    i += 4 + length;
  }
  return payloads;
}

/** `1D 28 6B <pL pH> 31 <fn> <args>` parameters: model (41), size (43), error level (45). */
export function qrSettings(bytes: Uint8Array): { model?: number; size?: number; errorLevel?: number } {
  const settings: { model?: number; size?: number; errorLevel?: number } = {};
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== 0x1d || bytes[i + 1] !== 0x28 || bytes[i + 2] !== 0x6b || bytes[i + 5] !== 0x31) continue;
    const fn = bytes[i + 6];
    if (fn === 0x41) settings.model = bytes[i + 7];
    if (fn === 0x43) settings.size = bytes[i + 7];
    if (fn === 0x45) settings.errorLevel = bytes[i + 7];
  }
  return settings;
}

export interface RasterImage {
  width: number;
  height: number;
  /** One entry per dot, 1 = black. */
  dots: Uint8Array;
}

/** Every GS v 0 command, consecutive ones of the same width stacked into one image. */
export function rasterImages(bytes: Uint8Array): RasterImage[] {
  const images: RasterImage[] = [];
  let previousEnd = -1;
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== 0x1d || bytes[i + 1] !== 0x76 || bytes[i + 2] !== 0x30) continue;
    const widthBytes = (bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256;
    const rows = (bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256;
    const data = bytes.subarray(i + 8, i + 8 + widthBytes * rows);
    const width = widthBytes * 8;
    const dots = new Uint8Array(width * rows);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < width; x++) dots[y * width + x] = ((data[y * widthBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
    }
    const last = images.at(-1);
    if (last && previousEnd === i && last.width === width) {
      const joined = new Uint8Array(last.dots.length + dots.length);
      joined.set(last.dots);
      joined.set(dots, last.dots.length);
      images[images.length - 1] = { width, height: last.height + rows, dots: joined };
    } else {
      images.push({ width, height: rows, dots });
    }
    previousEnd = i + 8 + data.length;
    i = previousEnd - 1;
  }
  return images;
}

/** RGBA for jsQR, black dots on white. */
export function rasterToRgba(image: RasterImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  image.dots.forEach((dot, index) => {
    const value = dot ? 0 : 255;
    rgba.set([value, value, value, 255], index * 4);
  });
  return rgba;
}

/** Bytes of the commands our receipts use, by their first two bytes: ESC @, FS ., ESC M/E/t/a n, GS V m. */
const FIXED_LENGTH: Readonly<Record<string, number>> = { '1b40': 2, '1c2e': 2, '1b4d': 3, '1b45': 3, '1b74': 3, '1b61': 3, '1d56': 3 };

/**
 * The text the printer prints, commands taken out (GS ( k and GS v 0 with their data). Throws on a
 * command it does not know, so nothing unexpected hides in the stream.
 */
export function printedText(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    if (byte !== 0x1b && byte !== 0x1c && byte !== 0x1d) {
      text += String.fromCharCode(byte);
      i += 1;
      continue;
    }
    const key = Buffer.from(bytes.subarray(i, i + 2)).toString('hex');
    if (key === '1d28') {
      i += 5 + (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
    } else if (key === '1d76') {
      i += 8 + ((bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256) * ((bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256);
    } else if (FIXED_LENGTH[key]) {
      i += FIXED_LENGTH[key];
    } else {
      throw new Error(`unknown command ${key} at byte ${i}`);
    }
  }
  return text;
}
