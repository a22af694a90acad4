// The CLI opens the database exactly as the server does: PostgreSQL when DATABASE_URL is set,
// otherwise the embedded database in DATA_DIR, locked so that it is never opened twice (a
// running server holds the lock, and two processes in one data folder would corrupt it).
import { migrate, openDatabase, type OpenDatabase } from '../../db/index.ts';
import { lockDataDir } from '../../db/lock.ts';
import type { Config } from '../config.ts';

export interface CliDatabase {
  database: OpenDatabase;
  close(): Promise<void>;
}

export async function openCliDatabase(config: Config): Promise<CliDatabase> {
  const releaseLock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: OpenDatabase | undefined;
  try {
    database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, maxConnections: 2 })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    // A fresh install may be set up from the command line before the server first starts.
    await migrate(database);
  } catch (e) {
    await database?.close().catch(() => {});
    releaseLock();
    throw e;
  }
  const open = database;
  return {
    database: open,
    close: async () => {
      await open.close();
      releaseLock();
    },
  };
}
