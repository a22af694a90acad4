// PostgreSQL cannot hold NUL (U+0000) in text, so a NUL in a staff form, an API body, a query
// string or an address would reach the database as an error: a 500 for what is simply bad input.
// Staff and API requests carrying one are refused with a 400 before any route reads them.
// (The respondent pages clean NUL out of children's answers instead, so nothing they wrote is
// lost: see server/respond/.) File uploads (multipart) are left to the importer, which reads
// the file's bytes itself.
import { errorText } from './errors.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError } from './errors.ts';

const refused = () => new ApiError(400, 'invalid_input', errorText('nul'));

/** A NUL as it travels: percent-encoded in a URL or form, raw, or escaped in JSON. */
const NUL_IN_URL = /%00/i;
const NUL_IN_FORM = /%00|\u0000/i;
const NUL_IN_JSON = /\\u0000|\u0000/i;

/** Refuses requests under these path prefixes that carry a NUL. */
export function refuseNul(prefixes: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (!prefixes.some((p) => path.startsWith(p))) return next();
    const url = new URL(c.req.url);
    if (NUL_IN_URL.test(url.pathname) || NUL_IN_URL.test(url.search)) throw refused();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      // Read once; Hono keeps the text, so the route still parses the form or JSON as usual.
      if (type.startsWith('application/x-www-form-urlencoded') && NUL_IN_FORM.test(await c.req.text())) throw refused();
      if (type.startsWith('application/json') && NUL_IN_JSON.test(await c.req.text())) throw refused();
    }
    return next();
  };
}
