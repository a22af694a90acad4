// Small pieces the staff routes share: the staff text, public-form origin checks, the limit on
// attempts from one address, and a status for pages the frame does not list.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { consumeRateLimit } from '../rate-limit/consume.ts';
import { clientKey } from '../rate-limit/client.ts';
import { ADDRESS_ATTEMPTS } from './lockout.ts';
import type { T } from './pages/form-parts.tsx';

export const staffText = pageTranslator('staff') as unknown as T;

/**
 * Forms used before anyone is signed in (sign-in, links, set-up) have no session to carry a
 * CSRF token, so they must come from our own origin: no signing someone in to another account.
 */
export const sameOriginForm: MiddlewareHandler<AppEnv> = csrf({
  origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL((c as Context<AppEnv>).var.deps.config.publicUrl).origin,
});

/** Counts a sign-in-like attempt from this address; false once the address is over its limit. */
export async function withinAddressLimit(c: Context<AppEnv>): Promise<boolean> {
  const { db, clock } = c.var.deps;
  const result = await consumeRateLimit(db, clientKey(c, 'staff-signin'), ADDRESS_ATTEMPTS.limit, ADDRESS_ATTEMPTS.windowMs, clock.now());
  return result.allowed;
}

/** A keyed hash of the client address for the audit trail (correlates attempts, reveals no address). */
export const clientTag = (c: Context<AppEnv>) => clientKey(c, 'audit').slice('audit:ip:'.length, 'audit:ip:'.length + 12);

/** The same page with another status (401, 410, 429 are not in the frame's list). */
export function withStatus(res: Response, status: number): Response {
  return new Response(res.body, { status, headers: res.headers });
}

export const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');
