import { expectedMigrationCount } from '../../db/index.ts';
import { createApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { AppDeps } from '../../server/deps.ts';
import { silentLogger } from '../../server/log.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://heard.test', RUN_JOBS: 'false', ...env }, () => 'x'.repeat(64));
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: TestDatabase;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

/** The real app on a real, isolated database, with a clock the test controls. */
export async function createTestApp(opts: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = manualClock(opts.now ?? '2026-05-12T10:00:00Z');
  const deps: AppDeps = {
    db: database.db,
    config: testConfig(opts.env),
    clock,
    log: silentLogger,
    expectedMigrations: expectedMigrationCount(),
  };
  return { app: createApp(deps), deps, database, clock, close: () => database.close() };
}
