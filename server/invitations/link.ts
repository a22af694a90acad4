// The personal link and its QR code, drawn on the server as SVG by the QR capability (no
// script, prints sharply) and decoded in tests with an independent decoder.
import { qrFor } from '../qr/qr.ts';

export { invitationUrl } from '../qr/links.ts';

export const qrSvg = (url: string, sizePx = 240): Promise<string> => qrFor(url, 'svg', sizePx);
