// Runs every benchmark script in tests/bench (each *.ts beside this file), one after another,
// each in its own process so one cannot skew the next, and keeps what each printed in one
// results file, docs/benchmark-results.md, with the date and the machine it was measured on.
// Benchmarks print figures; they are never part of `npm test`.
//   npm run bench                    every script
//   npm run bench -- respond-bytes   only the scripts whose name contains a word given
// A partial run replaces only its scripts' sections of the results file; the others keep theirs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './support/machine.ts';
import { parseResults, renderResults } from './support/results-file.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsPath = `${root}docs/benchmark-results.md`;
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
  .sort();

/** Runs one script, showing its output as it comes and keeping it. */
function run(script: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}${script}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    process.stdout.write(d);
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output })));
}

const machine = await describeMachine();
const sections = parseResults(existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '');
let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ ${script}`);
  const { code, output } = await run(script);
  if (code !== 0) {
    failed++;
    console.log(`✗ ${script} exited with ${code}`);
  }
  sections.set(script, { measured: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine, exit: code ?? 1, output: output.trim() });
}
writeFileSync(resultsPath, renderResults(sections));
console.log(`\nFigures kept in ${resultsPath.slice(root.length)}`);
process.exit(failed > 0 ? 1 : 0);
