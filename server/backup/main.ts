// `npm run backup -- save <file>` / `npm run backup -- restore <file> <new-data-folder>`:
// backing up the embedded database (PostgreSQL: use pg_dump and pg_restore, see the README).
// Heard must be stopped for a backup; a restore only writes into a new, empty folder.
import { resolve } from 'node:path';
import { DataDirInUseError } from '../../db/lock.ts';
import { backupEmbedded, restoreEmbedded } from './embedded.ts';

const [action, file, target] = process.argv.slice(2);
const dataDir = resolve(process.env.DATA_DIR || './data');

function fail(message: string, code = 1): never {
  process.stderr.write(message + '\n');
  process.exit(code);
}

if (process.env.DATABASE_URL) fail('DATABASE_URL is set: back up PostgreSQL with pg_dump (see the README), not with this command.');
try {
  if (action === 'save' && file) {
    const bytes = await backupEmbedded(dataDir, resolve(file));
    process.stdout.write(`Backed up ${dataDir} to ${resolve(file)} (${Math.round(bytes / 1024)} KB).\n`);
  } else if (action === 'restore' && file && target) {
    await restoreEmbedded(resolve(file), resolve(target));
    process.stdout.write(`Restored into ${resolve(target)}. Start Heard with DATA_DIR=${resolve(target)}.\n`);
  } else {
    fail('Usage: npm run backup -- save <file>   |   npm run backup -- restore <file> <new-data-folder>', 2);
  }
} catch (e) {
  fail(e instanceof DataDirInUseError ? `${e.message} Stop Heard first, then back up.` : `Backup failed: ${(e as Error).message.split('\n')[0]}`);
}
