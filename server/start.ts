import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { expectedMigrationCount, migrate, openDatabase, type OpenDatabase } from '../db/index.ts';
import { lockDataDir } from '../db/lock.ts';
import { seedDemoIfEmpty, type SeedResult } from '../db/seed/index.ts';
import { createApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AppDeps } from './deps.ts';
import { appJobs } from './jobs/index.ts';
import { startJobs } from './jobs/runner.ts';
import type { Logger } from './log.ts';
import { linkPath } from './staff/one-time-links.ts';
import { setupLinkAtStart } from './staff/setup.ts';

export interface RunningHeard {
  url: string;
  database: OpenDatabase;
  seed: SeedResult;
  /**
   * On an empty database: the one-time set-up link, for the caller to print on the console
   * (never the log). Each start replaces the previous one.
   */
  setup?: { url: string; expiresAt: Date };
  stop(): Promise<void>;
}

/** Opens (and locks) the database, migrates, seeds the demo, serves, and starts the jobs. */
export async function startHeard(config: Config, log: Logger, clock: Clock = systemClock): Promise<RunningHeard> {
  const releaseLock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: OpenDatabase;
  try {
    database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  } catch (e) {
    releaseLock();
    throw e;
  }
  try {
    await migrate(database);
    const seed = config.demoSeed ? await seedDemoIfEmpty(database.db, clock) : { seeded: false };
    const setupLink = await setupLinkAtStart(database.db, clock);
    const deps: AppDeps = { db: database.db, config, clock, log, expectedMigrations: expectedMigrationCount() };
    const app = createApp(deps);
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const jobs = config.runJobs ? startJobs(appJobs(deps), log) : { stop: async () => {} };
    const url = config.port === port && config.publicUrl ? config.publicUrl : `http://localhost:${port}`;

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Stop accepting; requests in flight finish; idle keep-alive sockets are closed so
        // close() can complete.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const idle = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 100);
        await closed;
        clearInterval(idle);
        await jobs.stop();
        await database.close();
        releaseLock();
      })());
    const setup = setupLink && { url: `${url}${linkPath('setup', setupLink.token)}`, expiresAt: setupLink.expiresAt };
    return { url, database, seed, setup, stop };
  } catch (e) {
    await database.close().catch(() => {});
    releaseLock();
    throw e;
  }
}
