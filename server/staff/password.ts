import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export const hashPassword = (password: string): Promise<string> => hash(password);

let verifications = 0;
/**
 * How many argon2 verifications this process has run. Every sign-in path must run exactly one,
 * so the time taken never tells whether an email address belongs to an account (or a locked one);
 * tests count them rather than time them.
 */
export const verificationsRun = (): number => verifications;

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
