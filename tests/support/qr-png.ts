// Reads a QR code from PNG bytes with decoders that are not the one that drew it: pngjs for the
// pixels, jsqr for the code.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function decodeQrPng(bytes: Buffer): { text: string | undefined; width: number; height: number } {
  const png = PNG.sync.read(bytes);
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return { text: found?.data, width: png.width, height: png.height };
}
