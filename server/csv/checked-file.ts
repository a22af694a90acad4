// A checked file's trip from the check page back to the server for saving: the file travels
// inside the check page's form (gzip, base64) with its SHA-256, so the server keeps nothing
// between the two steps, and a file changed on the way is refused. Used by every two-step import.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The hidden fields the check page's form carries. */
export function packChecked(bytes: Uint8Array): { fileHash: string; payload: string } {
  return { fileHash: sha256(bytes), payload: gzipSync(bytes).toString('base64') };
}

/** The run form's fields, for a file of at most `maxBytes`. */
export const checkedFileFields = (maxBytes: number) => ({
  fileHash: z.string().regex(/^[0-9a-f]{64}$/),
  payload: z
    .string()
    .min(1)
    .max(maxBytes * 2)
    .regex(/^[A-Za-z0-9+/=]+$/),
});

/** The file back, or undefined when it was changed (or is not what the check page sent). */
export function unpackChecked(form: { fileHash: string; payload: string }, maxBytes: number): Uint8Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(gunzipSync(Buffer.from(form.payload, 'base64'), { maxOutputLength: maxBytes }));
  } catch {
    return undefined;
  }
  return sha256(bytes) === form.fileHash ? bytes : undefined;
}
