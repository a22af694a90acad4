// Keyset pagination: the cursor is the (submitted_at, id) of the last row sent, opaque to the
// client (base64url JSON), so a page never skips or repeats a row while new responses arrive.
import { z } from 'zod';
import { ApiError, errorText } from '../http/errors.ts';

export type SortOrder = 'newest' | 'oldest';

export interface Cursor {
  at: Date;
  id: string;
  sort: SortOrder;
}

const Encoded = z.strictObject({ at: z.iso.datetime(), id: z.uuid(), sort: z.enum(['newest', 'oldest']) });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ at: c.at.toISOString(), id: c.id, sort: c.sort })).toString('base64url');
}

function invalidCursor(message: string): ApiError {
  return new ApiError(400, 'invalid_input', errorText('invalidInput'), [{ path: 'cursor', message }]);
}

/** Reads a cursor this API gave out; refuses one that was altered or made for another sort order. */
export function decodeCursor(raw: string, sort: SortOrder): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not a cursor this API gave out');
  }
  const parsed = Encoded.safeParse(value);
  if (!parsed.success) throw invalidCursor('not a cursor this API gave out');
  if (parsed.data.sort !== sort) throw invalidCursor(`this cursor is for sort=${parsed.data.sort}`);
  return { at: new Date(parsed.data.at), id: parsed.data.id, sort };
}
