// A new embedded data folder for a test that starts Heard (or a writer) as a process, copied
// from one global set-up made: migrated, or migrated with the demo seeded as a first start
// seeds it. A copy skips initdb, the migrations and the demo seed in the child process; only
// tests about a first start (tests/integration/startup.test.ts) start from an empty folder.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export function copyOfDataDir(kind: 'migrated' | 'demo'): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), `heard-${kind}-`)), 'data');
  cpSync(inject('pgliteDataDirs')[kind], dataDir, { recursive: true });
  return dataDir;
}
