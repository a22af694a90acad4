// Backing up and restoring the embedded database. A PGlite folder copied while Heard runs can
// be inconsistent, so a backup takes the data-folder lock (Heard must be stopped) and asks
// PGlite itself for a consistent dump; a restore only writes into an empty folder.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openDatabase, isReady } from '../../db/index.ts';
import { lockDataDir } from '../../db/lock.ts';

interface DumpingClient {
  dumpDataDir(compression: 'gzip'): Promise<Blob | File>;
}

/** Writes a gzipped dump of the data folder to `outFile`. Fails if Heard is running on it. */
export async function backupEmbedded(dataDir: string, outFile: string): Promise<number> {
  if (!existsSync(dataDir)) throw new Error(`There is no data folder at ${dataDir}.`);
  const release = lockDataDir(dataDir);
  try {
    const open = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const client = (open.db as unknown as { $client: DumpingClient }).$client;
      const bytes = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
      writeFileSync(outFile, bytes);
      return bytes.length;
    } finally {
      await open.close();
    }
  } finally {
    release();
  }
}

/** Restores a dump made by backupEmbedded into a new, empty data folder. */
export async function restoreEmbedded(inFile: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new folder, then point DATA_DIR at it.`);
  }
  const release = lockDataDir(dataDir);
  try {
    const open = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: new Blob([readFileSync(inFile)]) });
    try {
      if (!(await isReady(open.db))) throw new Error('The restored database is not a complete Heard database.');
    } finally {
      await open.close();
    }
  } finally {
    release();
  }
}
