// Starts the real server (server/main.ts; in `npm test` bundled once per run, see
// tests/support/entry-points.ts) as a child process on a free port, with a fresh, empty data
// folder unless one is given (tests/support/data-dir.ts has copies ready), and waits for it to listen.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeArgs, root } from './entry-points.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  output(): string;
  /** Standard error alone (the console). */
  errors(): string;
  /** Standard output alone (the JSON log and the start-up lines). */
  standardOutput(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function runServer(env: Record<string, string> = {}): { child: ChildProcess; output(): string; errors(): string; standardOutput(): string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, nodeArgs('server'), {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let std = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    std += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, errors: () => err, standardOutput: () => std, exited };
}

export async function startServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'heard-e2e-'));
  const run = runServer({ DATA_DIR: dataDir, ...env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${run.output()}`)), timeoutMs);
    const check = () => {
      const m = /Heard is running at (\S+)/.exec(run.output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    run.child.stdout!.on('data', check);
    void run.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited:\n${run.output()}`));
    });
  });
  return {
    ...run,
    url,
    dataDir,
    stop: async (signal = 'SIGTERM') => {
      if (run.child.exitCode === null) run.child.kill(signal);
      return run.exited;
    },
  };
}
