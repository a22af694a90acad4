// The size limit on request bodies, checked without opening the body as a stream.
// Hono's bodyLimit reads `c.req.raw.body` first, and on @hono/node-server that builds a whole
// web Request around the socket for every request, GETs included: about a tenth of the CPU of a
// respondent's page or answer. A body whose length is declared is judged by that length (Node's
// parser never reads past it); only a chunked body is counted as it streams, by Hono's own.
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

interface Limit {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}

/** Refuses bodies over `maxSize` bytes (GET and HEAD carry none). */
export function limitBody<E extends Env>({ maxSize, onError }: Limit): MiddlewareHandler<E> {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? onError(c) : next();
    }
    return streamed(c, next);
  };
}

/**
 * Runs `middleware` on every path but these: an exact path, or `/prefix/*` for the prefix and
 * everything under it. (Hono's `except` composes a new chain on every request.)
 */
export function exceptPaths<E extends Env>(paths: string[], middleware: MiddlewareHandler<E>): MiddlewareHandler<E> {
  const exact = new Set(paths.filter((p) => !p.endsWith('/*')));
  const prefixes = paths.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -2));
  const skipped = (path: string) => exact.has(path) || prefixes.some((p) => path === p || path.startsWith(`${p}/`));
  return (c, next) => (skipped(c.req.path) ? next() : middleware(c, next));
}
