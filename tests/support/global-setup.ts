// Prepares, once per run, what the integration test files copy or run:
// - one migrated database: a PGlite data-dir dump by default, or a PostgreSQL template database
//   when TEST_DATABASE_URL is set;
// - two embedded data folders for tests that start Heard as a process (tests/support/data-dir.ts):
//   one migrated, one with the demo seeded too, made from the same dump;
// - Heard's programs bundled with esbuild (tests/support/entry-points.ts), so a child process
//   does not pay for tsx transforming the whole server each time.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../db/index.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { systemClock } from '../../server/clock.ts';
import { BUNDLE_DIR_VARIABLE, bundleEntryPoints, root } from './entry-points.ts';
import { pgliteEngine } from './pglite-engine.ts';
import { adminUrl, databaseUrlFor } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
    /** Embedded data folders to copy: migrated, and migrated with the demo seeded. */
    pgliteDataDirs: { migrated: string; demo: string };
  }
}

export default async function setup(project: TestProject) {
  const dir = join(root, 'tests/.tmp', `run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const bundles = join(dir, 'bundles');
  const url = process.env.TEST_DATABASE_URL;
  const [postgresTemplate] = await Promise.all([
    url ? postgresTemplateDatabase(url) : undefined,
    embeddedDatabases(project, dir),
    bundleEntryPoints(bundles),
  ]).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  project.provide('postgresTemplate', postgresTemplate?.name ?? '');
  // The workers are started after this, with this environment (tests/support/entry-points.ts).
  process.env[BUNDLE_DIR_VARIABLE] = bundles;
  return async () => {
    delete process.env[BUNDLE_DIR_VARIABLE];
    await postgresTemplate?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function postgresTemplateDatabase(url: string) {
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  const name = `heard_template_${process.pid}`;
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.unsafe(`create database ${name}`);
  const open = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, name), maxConnections: 1 });
  await migrate(open);
  await open.close();
  return {
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The PGlite dump (in-memory test databases) and the data folders (Heard as a process). */
async function embeddedDatabases(project: TestProject, dir: string) {
  const engine = await pgliteEngine();
  const open = await openDatabase({ kind: 'pglite', ...engine });
  await migrate(open);
  const client = (open.db as unknown as { $client: { exec(q: string): Promise<unknown>; dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  // PGlite fills its whole buffer pool at every start (128 MB by default: about a third of a
  // second each time). A test database is small, so every copy starts with a 16 MB pool.
  await client.exec(`alter system set shared_buffers = '16MB'`);
  const dump = await client.dumpDataDir('none');
  await open.close();
  const file = join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));

  const migrated = join(dir, 'data-migrated');
  await (await openDatabase({ kind: 'pglite', dataDir: migrated, loadDataDir: dump, ...engine })).close();
  // The demo as the server seeds it on its first start (server/start.ts).
  const demo = join(dir, 'data-demo');
  cpSync(migrated, demo, { recursive: true });
  const seeded = await openDatabase({ kind: 'pglite', dataDir: demo, ...engine });
  await seedDemoIfEmpty(seeded.db, systemClock);
  await seeded.close();

  project.provide('pgliteDump', file);
  project.provide('pgliteDataDirs', { migrated, demo });
}
