// Reading API input: JSON bodies and query strings, each checked by a zod schema. A schema
// error becomes `400 { error: { code: 'invalid_input', issues } }` through the app's error
// handler; a body that is not JSON, or a parameter given twice, is refused before that.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';

export async function jsonBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', errorText('api.jsonOnly'));
  }
  let raw: unknown;
  try {
    // JSON.parse keeps the last of duplicate keys and makes "__proto__" an ordinary own key;
    // the schema then copies only the fields it knows.
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', errorText('api.invalidJson'));
  }
  return schema.parse(raw);
}

/** The query string as single values; a parameter given more than once is refused. */
export function queryOf(c: Context<AppEnv>): Record<string, string> {
  const entries = Object.entries(c.req.queries());
  const repeated = entries.filter(([, values]) => values.length > 1).map(([key]) => ({ path: key, message: 'give this parameter once' }));
  if (repeated.length > 0) throw new ApiError(400, 'invalid_input', errorText('invalidInput'), repeated);
  // fromEntries defines own properties, so even "__proto__" stays an ordinary (refused) key.
  return Object.fromEntries(entries.map(([key, values]) => [key, values[0]!]));
}

/** For endpoints that take no query parameters: any given is refused, not ignored. */
export function noQuery(c: Context<AppEnv>): void {
  z.strictObject({}).parse(queryOf(c));
}
