// A QR code drawn into the page itself (no extra request, prints sharply at any size), named
// for screen readers by what it opens.
import { qrSvgNow } from '../qr/qr.ts';

export function QrImage({ url, label, class: className = 'qr' }: { url: string; label: string; class?: string }) {
  return <div class={className} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: qrSvgNow(url) }} />;
}
