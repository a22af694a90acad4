import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';

/**
 * One log line per request. It logs the route's pattern (`/r/:code`), never the path itself,
 * so codes and tokens in URLs never reach the logs; no bodies, no query strings.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const { log } = c.var.deps;
  log.info('request', {
    requestId: c.var.requestId,
    method: c.req.method,
    route: c.req.routePath,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
};
