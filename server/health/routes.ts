import { Hono } from 'hono';
import { isReady } from '../../db/index.ts';
import type { AppEnv } from '../deps.ts';

/** For load balancers: /healthz says the process is alive, /readyz that it can serve. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const { db, expectedMigrations } = c.var.deps;
    const ready = await isReady(db, expectedMigrations);
    c.header('Cache-Control', 'no-store');
    return ready ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503);
  });
