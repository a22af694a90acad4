// QR codes for Heard's own links, drawn by the `qrcode` package. Pure: the same URL and size
// always give the same image, and nothing is read or written. Which URLs may be encoded is the
// caller's business (the public routes in routes.ts only ever encode our own open links).
import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

/** Image sizes in pixels (SVG: its width and height). Bounded: a PNG's cost grows with its area. */
export const QR_SIZE = { min: 64, max: 1024, default: 256 } as const;

// M recovers ~15% damage (a creased card); a four-module quiet zone is what the standard asks.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const;

export class QrSizeOutOfRange extends RangeError {}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < QR_SIZE.min || size > QR_SIZE.max) {
    throw new QrSizeOutOfRange(`QR size must be a whole number from ${QR_SIZE.min} to ${QR_SIZE.max} (got ${size})`);
  }
  return size;
}

/** A QR code of `url`: SVG markup, or PNG bytes, `size` pixels square. */
export function qrFor(url: string, format: 'svg', size?: number): Promise<string>;
export function qrFor(url: string, format: 'png', size?: number): Promise<Buffer>;
export function qrFor(url: string, format: QrFormat, size?: number): Promise<string | Buffer>;
export async function qrFor(url: string, format: QrFormat, size: number = QR_SIZE.default): Promise<string | Buffer> {
  const width = checkSize(size);
  if (format === 'png') return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width });
  return QRCode.toString(url, { ...OPTIONS, type: 'svg', width });
}

/**
 * The SVG at once, for a component that renders synchronously (a printed card, an invitation
 * slip). `qrcode` renders SVG synchronously when given a callback; this fails loudly if that
 * ever changes rather than print a card without its code.
 */
export function qrSvgNow(url: string): string {
  let svg: string | undefined;
  let failure: Error | null | undefined;
  QRCode.toString(url, { ...OPTIONS, type: 'svg' }, (err, out) => {
    failure = err;
    svg = out;
  });
  if (failure) throw failure;
  if (svg === undefined) throw new Error('qrcode did not render the SVG synchronously');
  // Sized by the page's CSS; the text beside it says what it is, so the drawing itself is hidden.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
