// An isolated, migrated database for one test file: a PGlite copy in memory, or a fresh
// PostgreSQL database (copied from the migrated template) dropped when the file is done.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/index.ts';
import { BytesBlob, pgliteEngine } from './pglite-engine.ts';
import { adminUrl, databaseUrlFor } from './postgres-admin.ts';

export interface TestDatabase extends OpenDatabase {
  /** The postgres:// URL of this file's database (PostgreSQL only). */
  url?: string;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject('postgresTemplate');
  const base = process.env.TEST_DATABASE_URL;
  if (template && base) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    const name = `heard_test_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = databaseUrlFor(base, name);
    const open = await openDatabase({ kind: 'postgres', url });
    return {
      ...open,
      url,
      async close() {
        await open.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  return openDatabase({ kind: 'pglite', loadDataDir: pgliteDump(), ...(await pgliteEngine()) });
}

// Test files share a worker (isolate: false), so the migrated dump is read and the PGlite
// engine compiled once per worker rather than once per file.
let dump: Blob | undefined;
function pgliteDump(): Blob {
  return (dump ??= new BytesBlob(readFileSync(inject('pgliteDump')), { shared: true }));
}

