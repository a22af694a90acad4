import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The per-response nonce that lets a page's own inline stylesheet through the CSP. */
    secureHeadersNonce?: string;
  }
}

/**
 * A fresh, unguessable nonce for each response, cut from a pool of random bytes refilled 256
 * nonces at a time, as Node's own randomUUID does (a call to the random source for every page
 * was about 2% of a respondent page's CPU).
 */
const NONCE_BYTES = 16;
const POOL_BYTES = NONCE_BYTES * 256;
let pool = Buffer.alloc(0);
let taken = POOL_BYTES;
export function freshNonce(): string {
  if (taken >= pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  const nonce = pool.toString('base64', taken, taken + NONCE_BYTES);
  taken += NONCE_BYTES;
  return nonce;
}

/**
 * Headers by what a response is, so no byte is spent where a header does nothing (a respondent
 * on slow 3G pays for every one):
 *   • every response: nosniff, no referrer, same-origin resources, and HSTS behind https;
 *   • HTML: a strict policy — scripts only from our own origin (no inline script anywhere),
 *     inline styles only with the per-response nonce, no framing, no third-party requests —
 *     plus the framing, opener and permissions headers that only a document uses;
 *   • any other body (JSON, SVG, CSV, scripts): a policy that forbids everything, so a file
 *     opened on its own (an SVG, say) can run nothing and be framed by nobody.
 * Redirects and empty replies carry only the first group. Obsolete headers are not sent:
 * X-XSS-Protection (removed from browsers; `0` was only ever a way to switch it off),
 * X-Download-Options, X-Permitted-Cross-Domain-Policies, X-DNS-Prefetch-Control, and
 * Origin-Agent-Cluster (now the browsers' default). X-Frame-Options stays on HTML for
 * browsers too old to read `frame-ancestors`.
 * Pages read the nonce with `c.get('secureHeadersNonce')`.
 */
export function securityHeaders(secure: boolean): MiddlewareHandler<AppEnv> {
  const everywhere: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ...(secure ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [string, string][]) : []),
  ];
  const htmlPolicy = (nonce: string) =>
    `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; manifest-src 'self'`;
  const htmlOnly: [string, string][] = [
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ];
  const NOTHING = "default-src 'none'; frame-ancestors 'none'";
  return async (c, next) => {
    const nonce = freshNonce();
    c.set('secureHeadersNonce', nonce);
    await next();
    const headers = c.res.headers;
    for (const [k, v] of everywhere) headers.set(k, v);
    headers.delete('X-Powered-By');
    const type = headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      headers.set('Content-Security-Policy', htmlPolicy(nonce));
      for (const [k, v] of htmlOnly) headers.set(k, v);
    } else if (type && c.res.status !== 204 && c.res.status !== 304) {
      headers.set('Content-Security-Policy', NOTHING);
    }
  };
}
