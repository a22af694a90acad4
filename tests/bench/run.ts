// Runs every benchmark script in tests/bench (each *.ts beside this file), one after another,
// each in its own process so one cannot skew the next. Benchmarks print figures; they are
// never part of `npm test`.
//   npm run bench                 every script
//   npm run bench -- respond-bytes   only the scripts whose name contains a word given
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ ${script}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${here}${script}`], { stdio: 'inherit', cwd: fileURLToPath(new URL('../../', import.meta.url)) });
  if (run.status !== 0) {
    failed++;
    console.log(`✗ ${script} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
