// Backup and restore on both databases, checked by starting Heard on the restored copy.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.ts';
import { services } from '../../db/schema.ts';
import { backupEmbedded, restoreEmbedded } from '../../server/backup/embedded.ts';
import { adminUrl, databaseUrlFor } from '../support/postgres-admin.ts';
import { copyOfDataDir } from '../support/data-dir.ts';
import { nodeArgs } from '../support/entry-points.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const running: ServerProcess[] = [];
const root = new URL('../../', import.meta.url).pathname;

/** `npm run backup -- …`, as an operator runs it. */
function backupCommand(args: string[], dataDir: string) {
  const run = spawnSync(process.execPath, [...nodeArgs('backup'), ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
});

describe('backing up the embedded database', () => {
  it('refuses while Heard is running, and a backup taken after stopping restores into a working Heard', async () => {
    const server = await startServer({ DATA_DIR: await copyOfDataDir('demo') });
    running.push(server);
    const file = join(mkdtempSync(join(tmpdir(), 'heard-backup-')), 'heard.tar.gz');
    await expect(backupEmbedded(server.dataDir, file)).rejects.toThrow(/in use by another Heard process/);
    const refused = backupCommand(['save', file], server.dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^The data folder .* is in use by another Heard process \(pid \d+\)\. Stop Heard first, then back up\.\n$/);
    expect(await server.stop()).toBe(0);

    const saved = backupCommand(['save', file], server.dataDir);
    expect(saved.status).toBe(0);
    expect(saved.stdout).toMatch(/^Backed up .* \(\d+ KB\)\.\n$/);
    const bytes = await backupEmbedded(server.dataDir, `${file}.2`);
    expect(bytes).toBeGreaterThan(1000);
    const restoredDir = join(mkdtempSync(join(tmpdir(), 'heard-restore-')), 'data');
    await restoreEmbedded(file, restoredDir);
    await expect(restoreEmbedded(file, restoredDir)).rejects.toThrow(/not empty/);

    const restored = await startServer({ DATA_DIR: restoredDir });
    running.push(restored);
    expect(restored.output()).not.toContain('A demo service was created'); // the demo came back with the data
    expect((await fetch(`${restored.url}/readyz`)).status).toBe(200);
    expect(await restored.stop()).toBe(0);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const hasPgTools = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(pgUrl && hasPgTools)('backing up PostgreSQL with pg_dump and pg_restore', () => {
  it('restores a dump into a new database that Heard starts on with the same data', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(adminUrl(pgUrl!), { max: 1, onnotice: () => {} });
    const source = `heard_backup_src_${process.pid}`;
    const target = `heard_backup_dst_${process.pid}`;
    await admin.unsafe(`drop database if exists ${source} with (force)`);
    await admin.unsafe(`drop database if exists ${target} with (force)`);
    await admin.unsafe(`create database ${source}`);
    await admin.unsafe(`create database ${target}`);
    try {
      const server = await startServer({ DATABASE_URL: databaseUrlFor(pgUrl!, source) });
      running.push(server);
      expect(await server.stop()).toBe(0);
      const file = join(mkdtempSync(join(tmpdir(), 'heard-pgdump-')), 'heard.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${file}`, databaseUrlFor(pgUrl!, source)]);
      execFileSync('pg_restore', ['--no-owner', `--dbname=${databaseUrlFor(pgUrl!, target)}`, file]);

      const restored = await openDatabase({ kind: 'postgres', url: databaseUrlFor(pgUrl!, target) });
      const rows = await restored.db.select().from(services).where(eq(services.slug, 'riverside'));
      await restored.close();
      expect(rows).toHaveLength(1);
      const again = await startServer({ DATABASE_URL: databaseUrlFor(pgUrl!, target) });
      running.push(again);
      expect(again.output()).not.toContain('A demo service was created');
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      expect(await again.stop()).toBe(0);
    } finally {
      await admin.unsafe(`drop database if exists ${source} with (force)`);
      await admin.unsafe(`drop database if exists ${target} with (force)`);
      await admin.end();
    }
  });
});
