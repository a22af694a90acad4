// The API's gate: `Authorization: Bearer heard_…` and nothing else. A staff session cookie is
// never accepted here (so a page on another site cannot make a signed-in browser call the API),
// which is also why bearer requests need no CSRF token.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { authenticateApiToken } from './tokens.ts';

class Unauthenticated extends ApiError {
  constructor(code: 'missing_token' | 'invalid_token', message: string) {
    super(401, code, message);
  }
}

export const requireApiToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store');
  const header = c.req.header('authorization');
  const match = header ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    c.header('WWW-Authenticate', 'Bearer realm="heard"');
    throw new Unauthenticated('missing_token', errorText('api.missingToken'));
  }
  const principal = await authenticateApiToken(c.var.deps.db, c.var.deps.clock, match[1]!);
  if (!principal) {
    c.header('WWW-Authenticate', 'Bearer realm="heard", error="invalid_token"');
    throw new Unauthenticated('invalid_token', errorText('api.invalidToken'));
  }
  c.set('staff', principal);
  await next();
};
