// Prepares, once per run, what the integration test files copy or run:
// - one migrated database: a PGlite data-dir dump by default, or a PostgreSQL template database
//   when TEST_DATABASE_URL is set;
// - two embedded data folders for tests that start Heard as a process (tests/support/data-dir.ts):
//   one migrated, one with the demo seeded too, made from the same dump;
// - Heard's programs bundled with esbuild (tests/support/entry-points.ts), so a child process
//   does not pay for tsx transforming the whole server each time.
//
// The migrated dump and folder depend only on the migrations, PGlite, drizzle and this file, so
// they are kept between runs in tests/.tmp/cache under a hash of exactly those (see
// migratedDatabase). The demo is seeded afresh each run (it depends on the server's code and the
// day), in the background while the workers start: the few files that copy it wait for it
// (tests/support/data-dir.ts).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { migrate, migrationsFolder, openDatabase } from '../../db/index.ts';
import { seedDemoIfEmpty } from '../../db/seed/index.ts';
import { systemClock } from '../../server/clock.ts';
import { BUNDLE_DIR_VARIABLE, bundleEntryPoints, root } from './entry-points.ts';
import { BytesBlob, pgliteEngine, type PgliteEngine } from './pglite-engine.ts';
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
  const [postgresTemplate, { demoSeeded }] = await Promise.all([
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
    const demoFailure = await demoSeeded;
    await postgresTemplate?.drop();
    rmSync(dir, { recursive: true, force: true });
    if (demoFailure) throw demoFailure;
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

/**
 * The PGlite dump (in-memory test databases) and the data folders (Heard as a process). Resolves
 * once the dump and the migrated folder are ready, with the demo folder's seeding still under way
 * (`demoSeeded` gives the error if seeding failed, undefined when it worked).
 */
async function embeddedDatabases(project: TestProject, dir: string): Promise<{ demoSeeded: Promise<Error | undefined> }> {
  const engine = await pgliteEngine();
  const { dump, migrated } = await migratedDatabase(engine);
  const demo = join(dir, 'data-demo');
  project.provide('pgliteDump', dump);
  project.provide('pgliteDataDirs', { migrated, demo });
  // The demo as the server seeds it on its first start (server/start.ts), made beside its final
  // name and renamed when whole; a failure is left where a waiting test file finds it.
  const building = `${demo}.building`;
  const demoSeeded = (async () => {
    cpSync(migrated, building, { recursive: true });
    const seeded = await openDatabase({ kind: 'pglite', dataDir: building, ...engine });
    await seedDemoIfEmpty(seeded.db, systemClock);
    await seeded.close();
    renameSync(building, demo);
    return undefined;
  })().catch((e: unknown) => {
    const error = e instanceof Error ? e : new Error(String(e));
    writeFileSync(`${demo}.failed`, `Seeding the demo data folder failed: ${error.stack ?? error.message}`);
    return error;
  });
  return { demoSeeded };
}

/**
 * The migrated dump and data folder, from tests/.tmp/cache when an earlier run made them from the
 * same inputs: every migration file, the versions of PGlite and drizzle-orm, and this file's own
 * text (how they are made). Anything else changing makes a new pair. A pair is made in a folder
 * of its own and renamed into place when whole, so a run stopped half-way or a second run at the
 * same time never sees half of one. Both are only ever copied from, never opened in place.
 */
async function migratedDatabase(engine: PgliteEngine): Promise<{ dump: string; migrated: string }> {
  const cache = join(root, 'tests/.tmp/cache');
  const name = `migrated-${migratedDatabaseKey()}`;
  const ready = join(cache, name);
  const paths = { dump: join(ready, 'pglite.tar'), migrated: join(ready, 'data-migrated') };
  if (existsSync(join(ready, 'complete'))) return paths;

  mkdirSync(cache, { recursive: true });
  rmSync(ready, { recursive: true, force: true }); // (only ever an unfinished one)
  const building = join(cache, `building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  try {
    const open = await openDatabase({ kind: 'pglite', ...engine });
    await migrate(open);
    const client = (open.db as unknown as { $client: { exec(q: string): Promise<unknown>; dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    // PGlite fills its whole buffer pool at every start (128 MB by default: about a third of a
    // second each time). A test database is small, so every copy starts with a 16 MB pool.
    await client.exec(`alter system set shared_buffers = '16MB'`);
    const dump = new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
    await open.close();
    writeFileSync(join(building, 'pglite.tar'), dump);
    await (await openDatabase({ kind: 'pglite', dataDir: join(building, 'data-migrated'), loadDataDir: new BytesBlob(dump), ...engine })).close();
    writeFileSync(join(building, 'complete'), '');
    // Older pairs (other migrations) go; a pair another run has just put in place is kept.
    for (const old of readdirSync(cache)) if (old.startsWith('migrated-') && old !== name) rmSync(join(cache, old), { recursive: true, force: true });
    renameSync(building, ready);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    if (existsSync(join(ready, 'complete'))) return paths;
    throw e;
  }
  return paths;
}

function migratedDatabaseKey(): string {
  const hash = createHash('sha256');
  const add = (label: string, content: string | Buffer) => hash.update(`${label}\0${content.length}\0`).update(content);
  for (const pkg of ['@electric-sql/pglite', 'drizzle-orm']) add(pkg, readFileSync(join(root, 'node_modules', pkg, 'package.json')));
  add('global-setup', readFileSync(fileURLToPath(import.meta.url)));
  const files = (readdirSync(migrationsFolder, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const file of files) add(file.slice(migrationsFolder.length), readFileSync(file));
  return hash.digest('hex').slice(0, 20);
}
