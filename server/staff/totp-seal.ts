// Two-step (TOTP) secrets are stored sealed: AES-256-GCM with a key derived (HKDF) from the
// configured SESSION_SECRET, bound to the staff user's id. A stolen database dump or backup
// without the configuration therefore holds no usable two-step secret, and a sealed secret
// copied onto another account does not open. Secrets stored in clear by older versions are still
// read, and sealed the next time their owner signs in with a code.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { isTotpSecret } from './totp.ts';

const VERSION = 'v1.';

const keyFrom = (configSecret: string) => Buffer.from(hkdfSync('sha256', configSecret, 'heard', 'totp-secrets', 32));

export function sealTotpSecret(configSecret: string, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(configSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The secret, or undefined when it cannot be opened (another key, another user, tampered). */
export function openTotpSecret(configSecret: string, userId: string, stored: string): string | undefined {
  if (!stored.startsWith(VERSION)) return isTotpSecret(stored) ? stored : undefined;
  try {
    const raw = Buffer.from(stored.slice(VERSION.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(configSecret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const secret = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return isTotpSecret(secret) ? secret : undefined;
  } catch {
    return undefined;
  }
}

export const isSealed = (stored: string) => stored.startsWith(VERSION);
