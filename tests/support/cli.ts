// Runs the command line (server/cli/main.ts, bundled once per run: tests/support/entry-points.ts)
// as a child process, against the test's PostgreSQL database (TEST_DATABASE_URL) or an embedded
// one in a data folder.
import { spawn } from 'node:child_process';
import { nodeArgs, root } from './entry-points.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliRun> {
  const child = spawn(process.execPath, [...nodeArgs('cli'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PUBLIC_URL: 'http://heard.test', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
