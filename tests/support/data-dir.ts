// A new embedded data folder for a test that starts Heard (or a writer) as a process, copied
// from one global set-up made: migrated, or migrated with the demo seeded as a first start
// seeds it. A copy skips initdb, the migrations and the demo seed in the child process; only
// tests about a first start (tests/integration/startup.test.ts) start from an empty folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';

export async function copyOfDataDir(kind: 'migrated' | 'demo'): Promise<string> {
  const from = inject('pgliteDataDirs')[kind];
  // Global set-up seeds the demo while the workers start, and renames its folder into place when done.
  if (kind === 'demo') await madeByGlobalSetup(from);
  const dataDir = join(mkdtempSync(join(tmpdir(), `heard-${kind}-`)), 'data');
  cpSync(from, dataDir, { recursive: true });
  return dataDir;
}

/** Waits for global set-up to rename `dir` into place (or to leave `dir.failed` saying why not). */
async function madeByGlobalSetup(dir: string): Promise<void> {
  const failed = `${dir}.failed`;
  const done = () => existsSync(dir) || existsSync(failed);
  while (!done()) {
    await new Promise<void>((resolve) => {
      const watcher = watch(dirname(dir), () => {
        watcher.close();
        resolve();
      });
      // (It may have happened between the check above and the watch starting.)
      if (done()) {
        watcher.close();
        resolve();
      }
    });
  }
  if (!existsSync(dir)) throw new Error(readFileSync(failed, 'utf8'));
}
