// What a figure was measured on: processor, cores, memory, kernel, Node.js, PostgreSQL, Chromium.
import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';

const versionOf = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim().split('\n')[0]!;
  } catch {
    return undefined;
  }
};

export async function describeMachine(databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'): Promise<string> {
  const processors = cpus();
  let postgresVersion: string | undefined;
  try {
    const { default: postgres } = await import('postgres');
    const sql = postgres(databaseUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
    postgresVersion = (await sql<{ v: string }[]>`select current_setting('server_version') as v`)[0]?.v;
    await sql.end();
  } catch {
    postgresVersion = undefined;
  }
  return [
    `${processors.length} × ${processors[0]?.model.trim() ?? 'unknown processor'}`,
    `${Math.round(totalmem() / 2 ** 30)} GiB`,
    `Linux ${release()}`,
    `Node.js ${process.version}`,
    postgresVersion ? `PostgreSQL ${postgresVersion}` : 'no PostgreSQL',
    versionOf('/usr/bin/chromium', ['--version']) ?? 'no Chromium',
  ].join(', ');
}
