// The one parser for ids in addresses. A row id is a real UUID — 8-4-4-4-12 hexadecimal digits —
// never merely "36 characters of hex and dashes" (which lets "------------------------------------"
// through to PostgreSQL and a 500). Anything else in an id's place is simply not found: 404.
import { errorText } from './errors.ts';
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same rule in a route pattern (`/things/:id${ID_PATTERN}`): anything else is not routed (404). */
export const ID_PATTERN = '{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}';

/** The id in canonical (lower-case) form, or undefined when the text is not a UUID. */
export function parseId(raw: string | null | undefined): string | undefined {
  return typeof raw === 'string' && UUID.test(raw) ? raw.toLowerCase() : undefined;
}

export const isId = (raw: string | null | undefined): raw is string => parseId(raw) !== undefined;

/** The same rule for zod schemas (forms, query strings, JSON). */
export const Id = z.string().regex(UUID, 'not a valid id').transform((s) => s.toLowerCase());

/** A positive whole number in an address (a version, an outbox row), or undefined. */
export function parseCount(raw: string | null | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= max ? n : undefined;
}

const notFound = () => new ApiError(404, 'not_found', errorText('notFound.thing'));

/** The path parameter `name` as an id; a malformed one answers 404 before any query runs. */
export function idParam(c: Context, name = 'id'): string {
  const id = parseId(c.req.param(name));
  if (!id) throw notFound();
  return id;
}

/** The path parameter `name` as a positive whole number (at most a PostgreSQL integer by default). */
export function countParam(c: Context, name: string, max = 2_147_483_647): number {
  const n = parseCount(c.req.param(name), max);
  if (n === undefined) throw notFound();
  return n;
}
