// Personal invitation codes: short enough to type from a paper slip, long enough that nobody
// can guess one. Only the SHA-256 of a code is stored (invitations.code_hash); the code itself
// is shown once to the member of staff who issues it.
import { randomBytes } from 'node:crypto';
import { randomToken, sha256Hex } from '../security/tokens.ts';

/** No 0/O, 1/I/L: letters and digits people mix up when copying by hand. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 13 characters from 31 symbols ≈ 64.4 bits of randomness. */
export const CODE_LENGTH = 13;

/** A fresh invitation code, e.g. "K7QM4XRT2HNPA". Uniform over the alphabet (rejection sampling). */
export function generateInvitationCode(): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === CODE_LENGTH) break;
    }
  }
  return out;
}

/**
 * The code as typed or scanned, made canonical: case, spaces and dashes do not matter.
 * Returns undefined when it cannot be a code, so no database look-up is spent on it.
 */
export function normaliseCode(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** SHA-256 (hex) of a canonical code: what invitations.code_hash holds. */
export function hashCode(code: string): string {
  return sha256Hex(normaliseCode(code) ?? code);
}

/** A random respondent token for the draft cookie (256 bits), and its hash for drafts.token_hash. */
export const generateRespondentToken = (): string => randomToken();

export const hashToken = sha256Hex;
