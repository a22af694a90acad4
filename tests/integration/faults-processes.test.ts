// Faults at the level of processes and servers: killed mid-write, stopped under load, held up
// by slow clients, and the database restarted under a stream of submissions.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isReady, migrate, openDatabase } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { alerts, answers, outbox, responses } from '../../db/schema.ts';
import { createApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { silentLogger } from '../../server/log.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import { testConfig } from '../support/app.ts';
import { canRunPrivatePostgres, startPrivatePostgres, type PrivatePostgres } from '../support/faults/private-postgres.ts';
import { makeQuestionnaire, makeService, MINI_EOOQ } from '../support/fixtures.ts';
import { copyOfDataDir } from '../support/data-dir.ts';
import { nodeArgs, root } from '../support/entry-points.ts';
import { pgliteEngine } from '../support/pglite-engine.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
});

describe('the embedded database killed with SIGKILL mid-submission', () => {
  it('reopens, and every response that was committed is whole: no half-written response, alert or email', async () => {
    const dataDir = await copyOfDataDir('migrated');
    const child = spawn(process.execPath, [...nodeArgs('submit-forever'), dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const committed = () => out.split('\n').filter((l) => /^[0-9a-f-]{36}$/.test(l));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (committed().length >= 40) {
          clearInterval(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`writer exited early:\n${out}`));
        }
      }, 5);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const reopened = await openDatabase({ kind: 'pglite', dataDir, ...(await pgliteEngine()) });
    try {
      expect(await isReady(reopened.db)).toBe(true);
      const ids = committed();
      const stored = await reopened.db.select({ id: responses.id }).from(responses);
      // Everything the writer saw committed is there (it may have committed one more before it died).
      expect(stored.length).toBeGreaterThanOrEqual(ids.length);
      expect(stored.length).toBeLessThanOrEqual(ids.length + 1);
      const storedIds = new Set(stored.map((r) => r.id));
      for (const id of ids) expect(storedIds.has(id)).toBe(true);
      // Whole: each response has its three answers; each "no" its alert and its email.
      const partial = await reopened.db.execute(sql`
        select r.id from ${responses} r left join ${answers} a on a.response_id = r.id
        group by r.id having count(a.id) <> 3`);
      expect(rowsOf(partial)).toHaveLength(0);
      const [concerns] = await reopened.db.select({ n: count() }).from(answers).where(eq(answers.concern, true));
      const [alertCount] = await reopened.db.select({ n: count() }).from(alerts);
      const [mails] = await reopened.db.select({ n: count() }).from(outbox);
      expect(alertCount!.n).toBe(concerns!.n);
      expect(mails!.n).toBeGreaterThanOrEqual(alertCount!.n);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});

describe('stopping Heard under load', () => {
  it('answers every request it accepted (no 5xx) when sent SIGTERM, and the data folder opens again', async () => {
    const server = await startServer({ DATA_DIR: await copyOfDataDir('demo') });
    running.push(server);
    const statuses: number[] = [];
    let refused = 0;
    let stop = false;
    // SIGTERM goes once the server has answered this many requests under load (not after a fixed time).
    let underLoad!: () => void;
    const loaded = new Promise<void>((r) => (underLoad = r));
    const worker = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${server.url}/s/riverside/tell-us`);
          await res.arrayBuffer();
          statuses.push(res.status);
          if (statuses.length === 40) underLoad();
        } catch {
          refused++; // the listener is closed: the load balancer tries another instance
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await loaded;
    const exit = server.stop('SIGTERM');
    expect(await exit).toBe(0);
    stop = true;
    await Promise.all(workers);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    console.log(`SIGTERM under load: ${statuses.length} requests answered (all < 500), ${refused} refused after the listener closed`);

    const again = await startServer({ DATA_DIR: server.dataDir });
    running.push(again);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    expect(await again.stop()).toBe(0);
  }, 120_000);
});

describe('slow clients', () => {
  it('still serves others while hundreds of connections dribble their headers', async () => {
    const server = await startServer({ DATA_DIR: await copyOfDataDir('demo') });
    running.push(server);
    const { hostname, port } = new URL(server.url.replace('localhost', '127.0.0.1'));
    const sockets: Socket[] = [];
    const connected: Promise<void>[] = [];
    for (let i = 0; i < 300; i++) {
      const s = connect(Number(port), hostname);
      s.on('error', () => {});
      connected.push(new Promise((r) => s.once('connect', () => r())));
      s.write('GET /s/riverside/tell-us HTTP/1.1\r\nHost: localhost\r\n');
      sockets.push(s);
    }
    // Each slow client sends one more header line every half second, as a slowloris does.
    const drip = setInterval(() => sockets.forEach((s) => s.writable && s.write('X-Slow: 1\r\n')), 500);
    try {
      await Promise.all(connected); // every slow client holds a connection before we ask
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${server.url}/readyz`);
        expect(res.status).toBe(200);
      }
      const page = await fetch(`${server.url}/s/riverside/tell-us`);
      expect(page.status).toBe(200);
    } finally {
      clearInterval(drip);
      sockets.forEach((s) => s.destroy());
    }
    expect(await server.stop()).toBe(0);
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL && canRunPrivatePostgres)('PostgreSQL restarted during a stream of submissions', () => {
  let pg: PrivatePostgres | undefined;
  afterAll(() => pg?.destroy());

  it('loses and duplicates nothing: clients retry with the same keys, and /readyz says 503 then recovers by itself', async () => {
    pg = await startPrivatePostgres();
    const open = await openDatabase({ kind: 'postgres', url: pg.url, maxConnections: 5 });
    try {
      await migrate(open);
      const clock = manualClock('2026-05-12T10:00:00Z');
      const app = createApp({ db: open.db, config: testConfig(), clock, log: silentLogger });
      const { service, north } = await makeService(open.db);
      const q = await makeQuestionnaire(open.db, service.id, MINI_EOOQ);
      const subs: Submission[] = Array.from({ length: 200 }, (_, i) => ({
        responseId: randomUUID(),
        serviceId: service.id,
        areaId: north.id,
        questionnaireVersionId: q.version.id,
        channel: 'open_link',
        answers: { views_taken_seriously: 'most', feel_safe: i % 10 === 0 ? 'no' : 'yes' },
      }));
      let retries = 0;
      // A client retries with the same response id until it is stored — a bounded number of times.
      const sendWithRetry = async (s: Submission) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await submitResponse({ db: open.db, clock }, s);
          } catch (error) {
            if (attempt >= 1200) throw error;
            retries++;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      };
      let next = 0;
      const client = async () => {
        while (next < subs.length) await sendWithRetry(subs[next++]!);
      };
      const clients = Array.from({ length: 8 }, client);
      while (next < 60) await new Promise((r) => setTimeout(r, 5));

      pg.stop();
      expect((await app.request('/readyz')).status).toBe(503);
      await new Promise((r) => setTimeout(r, 300));
      pg.start();
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = (await app.request('/readyz')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      const results = await Promise.all(clients);
      expect(results).toHaveLength(8);

      const [stored] = await open.db.select({ n: count() }).from(responses);
      const [answerRows] = await open.db.select({ n: count() }).from(answers);
      const [alertRows] = await open.db.select({ n: count() }).from(alerts);
      expect(stored!.n).toBe(200);
      expect(answerRows!.n).toBe(400);
      expect(alertRows!.n).toBe(20);
      expect(retries).toBeGreaterThan(0);
      console.log(`PostgreSQL restart: 200 submissions stored once each after ${retries} retried attempts`);
    } finally {
      await open.close();
    }
  }, 120_000);
});
