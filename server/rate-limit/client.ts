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

/**
 * The network an address belongs to, as limits count it: an IPv4 address on its own, an IPv6
 * address by its /64 — one home or phone is given a whole /64, so counting each of its
 * 2^64 addresses apart would let one person be thirty (or a billion) people.
 */
export function networkOf(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = bare.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return bare.toLowerCase();
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** A rate-limit key for this client's network under a purpose, e.g. "invite-code:ip:…". */
export function clientKey(c: Context<AppEnv>, purpose: string): string {
  const mac = createHmac('sha256', c.var.deps.config.sessionSecret).update(networkOf(clientAddress(c))).digest('base64url').slice(0, 22);
  return `${purpose}:ip:${mac}`;
}
