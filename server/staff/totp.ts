// Two-step verification with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s).
// A code is accepted one step either side of now (clock drift) and only once: the step it
// matched is stored and a code for that step or an earlier one is refused.
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Heard';
const PERIOD = 30;

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits), in base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export const isTotpSecret = (s: string) => /^[A-Z2-7]{32}$/.test(s);

/** The otpauth:// address the QR code holds. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}

/** The QR code as an SVG data: URL (allowed by our CSP as an image). */
export async function totpQrDataUrl(secretBase32: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(secretBase32, email), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The code an app would show at `at` (tests, and nothing else). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code matches at `at`, or null. Spaces and dashes people type are ignored.
 * `after` is the last step already used: that step and earlier ones are refused.
 */
export function matchTotp(secretBase32: string, code: string, at: Date, after: number | null = null): number | null {
  const token = code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: at.getTime() }) + delta;
  return after !== null && step <= after ? null : step;
}
