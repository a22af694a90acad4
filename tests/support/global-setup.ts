// Prepares one migrated database that every integration test file copies:
// a PGlite data-dir dump by default, or a PostgreSQL template database when
// TEST_DATABASE_URL is set.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../db/index.ts';
import { adminUrl, databaseUrlFor } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    const template = `heard_template_${process.pid}`;
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const open = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, template), maxConnections: 1 });
    await migrate(open);
    await open.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const open = await openDatabase({ kind: 'pglite' });
  await migrate(open);
  const client = (open.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await open.close();
  const dir = join(process.cwd(), 'tests/.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('postgresTemplate', '');
  return () => rmSync(file, { force: true });
}
