// Counts the SQL statements each kind of request sends: the app in this process, on its own
// postgres.js client whose debug hook sees every statement (prepared ones included).
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import type { Database } from '../../../db/index.ts';
import * as schema from '../../../db/schema.ts';
import { createApp } from '../../../server/app.ts';
import { systemClock } from '../../../server/clock.ts';
import { loadConfig } from '../../../server/config.ts';
import { silentLogger } from '../../../server/log.ts';

export async function countingApp(url: string, publicUrl: string) {
  let statements = 0;
  const client = postgres(url, { max: 4, onnotice: () => {}, debug: () => void statements++ });
  const db = drizzle(client, { schema }) as unknown as Database;
  const app = createApp({
    db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: publicUrl, RUN_JOBS: 'false' }, () => 'b'.repeat(64)),
    clock: systemClock,
    log: silentLogger,
  });
  return {
    /** The statements one request sent, and its response (read to the end). */
    async count(path: string, init?: RequestInit): Promise<{ statements: number; response: Response }> {
      const before = statements;
      const response = await app.request(path, init);
      await response.arrayBuffer();
      return { statements: statements - before, response };
    },
    close: () => client.end(),
  };
}
