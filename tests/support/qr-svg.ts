// Reads a QR code drawn as SVG by the `qrcode` package, with an independent decoder (jsqr):
// the SVG's stroked path is rasterised module by module, then jsqr decodes the pixels.
import jsQR from 'jsqr';

const SCALE = 4;

export function decodeQrSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !path) return undefined;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path.matchAll(/([MmHhVv])(-?[\d.]+)(?:[ ,](-?[\d.]+))?/g)) {
    const n = Number(a);
    if (op === 'M') [x, y] = [n, Number(b)];
    else if (op === 'm') [x, y] = [x + n, y + Number(b)];
    else if (op === 'h') {
      // A horizontal stroke one module high, centred on y: the modules in row floor(y).
      for (let i = 0; i < n; i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += n;
    } else throw new Error(`unexpected path command ${op}`);
  }
  const px = size * SCALE;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const key of dark) {
    const [mx, my] = key.split(',').map(Number) as [number, number];
    for (let dy = 0; dy < SCALE; dy++)
      for (let dx = 0; dx < SCALE; dx++) {
        const o = ((my * SCALE + dy) * px + mx * SCALE + dx) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = 0;
      }
  }
  return jsQR(rgba, px, px)?.data;
}
