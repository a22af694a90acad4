// Opens the database: PGlite in a data folder when there is no DATABASE_URL, otherwise
// PostgreSQL through postgres.js. Each driver is loaded with a dynamic import so PGlite is
// never loaded in production on PostgreSQL.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { rowsOf } from './rows.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: every query helper accepts either. */
export type Queryable = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob | File;
      /** A compiled engine and its file bundle, to start many databases without compiling each time (tests). */
      pgliteWasmModule?: WebAssembly.Module;
      fsBundle?: Blob;
    };

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      // A connection lost while PostgreSQL restarts is replaced on the next query.
      idle_timeout: 30,
    });
    const db = drizzle(client, { schema }) as unknown as Database;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { dataDir, loadDataDir, pgliteWasmModule, fsBundle } = target;
  const client = new PGlite({ dataDir, loadDataDir, pgliteWasmModule, fsBundle });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function migrate(open: OpenDatabase): Promise<void> {
  if (open.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    await run(open.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(open.db as never, { migrationsFolder });
  }
}

/** How many migrations this build ships (the journal drizzle-kit writes). */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** True when the database answers and every migration this build ships has been applied. */
export async function isReady(db: Database, expected = expectedMigrationCount()): Promise<boolean> {
  try {
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return Number(rowsOf<{ n: number }>(rows)[0]?.n) >= expected;
  } catch {
    return false;
  }
}

export { schema };
