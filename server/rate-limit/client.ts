// Who is asking, for rate limits: the client address, never stored as it is. Keys hold an HMAC
// of the address with the session secret, so the rate_limits table cannot be read back into
// a list of addresses.
import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';

/** The client address: the proxy's X-Forwarded-For entry when TRUST_PROXY is on, else the socket. */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    // The last entry is the one our own proxy added; earlier ones are whatever the client sent.
    const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket (requests made in-process, as in tests).
    return 'unknown';
  }
}

/** A rate-limit key for this client under a purpose, e.g. "invite-code:ip:…". */
export function clientKey(c: Context<AppEnv>, purpose: string): string {
  const mac = createHmac('sha256', c.var.deps.config.sessionSecret).update(clientAddress(c)).digest('base64url').slice(0, 22);
  return `${purpose}:ip:${mac}`;
}
