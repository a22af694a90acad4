// The real server as a process: what an IT team sees when they run `npm start`.
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfDataDir } from '../support/data-dir.ts';
import { runServer, startServer, type ServerProcess } from '../support/server-process.ts';

const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop('SIGKILL')));
});

describe('starting Heard', () => {
  it('stops with one clear line, not a stack trace, when a setting is wrong', async () => {
    const run = runServer({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('Configuration error: PORT must be a number (got "eighty")');
  });

  it('starts on the embedded database, seeds the demo, prints where to sign in, and keeps data across restarts', async () => {
    const first = await startServer();
    started.push(first);
    expect(first.output()).toContain('A demo service was created');
    expect(first.output()).toContain('admin@riverside.example');
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    // A second process must not open the same data folder.
    const second = runServer({ DATA_DIR: first.dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/^Heard could not start: The data folder .* is in use by another Heard process \(pid \d+\)\.\n$/);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    const again = await startServer({ DATA_DIR: first.dataDir });
    started.push(again);
    expect(again.output()).not.toContain('A demo service was created');
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    expect(await again.stop('SIGTERM')).toBe(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('starts on PostgreSQL from DATABASE_URL', async () => {
    const { openTestDatabase } = await import('../support/database.ts');
    const db = await openTestDatabase();
    const server = await startServer({ DATABASE_URL: db.url! });
    started.push(server);
    expect(server.output()).toContain('"database":"postgres"');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    await db.close();
  });

  it('never seeds demo data in production, and prints a one-time set-up link on the console, never in the log', async () => {
    // An empty, migrated database: the first start itself (initdb, migrations) is the test above.
    const server = await startServer({ DATA_DIR: await copyOfDataDir('migrated'), NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) });
    started.push(server);
    expect(server.output()).not.toContain('A demo service was created');
    for (let i = 0; i < 100 && !/\/staff\/setup\/\S+/.test(server.errors()); i++) await new Promise((r) => setTimeout(r, 50));
    const link = /(http\S+\/staff\/setup\/[A-Za-z0-9_-]{43})/.exec(server.errors())?.[1];
    expect(link).toBeDefined();
    const token = link!.split('/').at(-1)!;
    // The set-up form opens from the printed link, while the log (stdout) never holds it.
    const form = await fetch(link!);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Name of your service');
    const waiting = await (await fetch(`${server.url}/staff/setup`)).text();
    expect(waiting).not.toContain(token);
    expect(await server.stop('SIGTERM')).toBe(0);
    const stdout = server.standardOutput();
    expect(stdout).toContain('"msg":"stopped"');
    expect(stdout).not.toContain(token);
    expect(stdout).not.toMatch(/staff\/setup\/[A-Za-z0-9_-]{43}/);
  });
});
