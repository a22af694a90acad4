// Throughput of the respondent pages on PostgreSQL, each as a ratio to a bare Hono hello world
// served on this machine in the same run (the load tool shares the CPU, so ratios, not absolutes,
// are what carry from one machine to another). Also printed: the CPU each request costs the
// server, PostgreSQL and the load tool (read from /proc), and the SQL statements each sends.
// The submissions are whole End of Order Questionnaires, each draft sent once and checked to
// reach the thank-you page.
//   node --import tsx tests/bench/throughput.ts        (BENCH_DATABASE_URL, default local PostgreSQL;
//                                                     BENCH_SECONDS per load, default 8)
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../../db/index.ts';
import { areas, drafts, services } from '../../db/schema.ts';
import { createDraft } from '../../server/respond/drafts.ts';
import { nextQuestion } from '../../server/questionnaire/engine.ts';
import { latestVersion } from '../../server/questionnaire/store.ts';
import { completeAnswers, rawAnswerFor } from './support/answers.ts';
import { cpuDuring, pidsNamed } from './support/cpu.ts';
import { countingApp } from './support/query-count.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 32;
const root = new URL('../../', import.meta.url).pathname;

function start(args: string[], env: Record<string, string>, ready: RegExp, nodeArgs: string[] = []): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => reject(new Error(`exited before it was ready:\n${out}`)));
  });
}

/** Where each request's CPU went, in milliseconds: the server, PostgreSQL, the load tool. */
const perRequest = (cpu: Record<string, number>, requests: number) =>
  Object.entries(cpu)
    .map(([group, s]) => `${group} ${((s * 1000) / requests).toFixed(2)}`)
    .join(', ');

const serverAndDatabase = (server: ChildProcess) => ({ server: () => [server.pid!], PostgreSQL: () => pidsNamed('postgres') });

/** Loads one URL (or request list) for the set time; `redirects` when each answer should be a 303. */
async function load(title: string, server: ChildProcess, opts: autocannon.Options, redirects = false): Promise<number> {
  const { result, cpu } = await cpuDuring(serverAndDatabase(server), () => autocannon({ connections, duration: seconds, ...opts }));
  const rps = result.requests.total / result.duration;
  const bad = (redirects ? result['2xx'] + result['4xx'] + result['5xx'] : result.non2xx) + result.errors + result.timeouts;
  console.log(`${title.padEnd(36)} ${Math.round(rps).toString().padStart(7)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms${bad ? `   (${bad} errors or unexpected statuses!)` : ''}`);
  console.log(`${''.padEnd(36)} CPU ms per request: ${perRequest(cpu, result.requests.total)}`);
  return rps;
}

const { default: postgres } = await import('postgres');
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const dbName = `heard_bench_${process.pid}`;
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const children: ChildProcess[] = [];
try {
  const hello = await start(['tests/bench/support/hello-server.ts'], {}, /listening (\d+)/);
  children.push(hello.child);
  const heard = await start(['server/main.ts'], { DATABASE_URL: url.toString(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RUN_JOBS: 'false' }, /Heard is running at (\S+)/, process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
  children.push(heard.child);
  const base = heard.match[1]!.replace('localhost', '127.0.0.1');

  // A respondent part-way through an End of Order Questionnaire (the demo service's).
  const open = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 4 });
  const [service] = await open.db.select().from(services).where(eq(services.slug, 'riverside'));
  const [area] = await open.db.select().from(areas).where(and(eq(areas.serviceId, service!.id), eq(areas.slug, 'northbrook')));
  const version = (await latestVersion(open.db, service!.id, 'end-of-order'))!;
  // The first question a respondent meets, so the step is reachable on an empty draft.
  const question = nextQuestion(version.definition, {})!;
  const everything = completeAnswers(version.definition);
  const now = new Date();
  const newDraft = async (answers: Record<string, unknown> = {}) => {
    const d = await createDraft(open.db, { serviceId: service!.id, areaId: area!.id, invitationId: null, questionnaireVersionId: version.versionId, expiresAt: new Date(now.getTime() + 86_400_000), now });
    if (Object.keys(answers).length) await open.db.update(drafts).set({ answers }).where(eq(drafts.id, d.draft.id));
    return { id: d.draft.id, cookie: `heard_r=${d.token}` };
  };
  const one = await newDraft();
  const stepPath = `/q/${one.id}/step/${question.id}`;
  const answerFor = rawAnswerFor(question);
  const origin = new URL(base).origin;
  const asIsland = { cookie: one.cookie, origin, 'content-type': 'application/json', accept: 'application/json' };
  const saveBody = JSON.stringify({ action: 'continue', answer: answerFor });

  // The statements each request sends to PostgreSQL (the app in this process, counting).
  const counting = await countingApp(url.toString(), base);
  const finished = await newDraft(everything);
  await counting.count(stepPath, { headers: { cookie: one.cookie } }); // loads the version once, as a running server has
  const queries = {
    page: (await counting.count(stepPath, { headers: { cookie: one.cookie } })).statements,
    save: (await counting.count(stepPath, { method: 'POST', headers: asIsland, body: saveBody })).statements,
    submit: await counting.count(`/q/${finished.id}/send`, { method: 'POST', headers: { cookie: finished.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' }),
  };
  if (queries.submit.response.headers.get('location') !== `/q/${finished.id}/sent`) throw new Error(`the counted submission was not sent (${queries.submit.response.status} → ${queries.submit.response.headers.get('location')})`);
  await counting.close();

  console.log(`\nThroughput on PostgreSQL, ${connections} connections, ${seconds} s each (autocannon on loopback, same 2-core machine)`);
  const helloRps = await load('bare Hono hello world', hello.child, { url: `http://127.0.0.1:${hello.match[1]}/` });
  const pageRps = await load('respondent step page (GET)', heard.child, { url: `${base}${stepPath}`, headers: { cookie: one.cookie, 'accept-encoding': 'gzip' } });
  const saveRps = await load('draft save (POST a step)', heard.child, {
    url: `${base}${stepPath}`,
    method: 'POST',
    // As the chat island sends it: a JSON answer, a JSON reply (a form POST answers 303).
    headers: asIsland,
    body: saveBody,
  });

  // Final submissions: each a different draft, every question answered, each sent once.
  const count = 2000;
  const ready = await Promise.all(Array.from({ length: count }, () => newDraft(everything)));
  let next = 0;
  let notSent = 0;
  const submitRps = await load('final submission (POST send)', heard.child, {
    url: base,
    amount: count,
    requests: [
      {
        method: 'POST',
        // As a browser posts the Send form with no fields: an empty body of declared length.
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' },
        body: '',
        setupRequest: (request, context) => {
          const d = ready[next++ % count]!;
          (context as { draft?: string }).draft = d.id;
          return { ...request, path: `/q/${d.id}/send`, headers: { ...request.headers, cookie: d.cookie } };
        },
        // Sent means the thank-you page: a 303 back to a question would be an unfinished draft.
        onResponse: (_status, _body, context, headers) => {
          if (headers?.location !== `/q/${(context as { draft?: string }).draft}/sent`) notSent++;
        },
      },
    ],
  }, true);
  if (notSent) console.log(`${''.padEnd(36)} ✗ ${notSent} of ${count} were not sent!`);
  await open.close();

  console.log(`\nStatements sent to PostgreSQL per request: step page ${queries.page}, draft save ${queries.save}, final submission ${queries.submit.statements} (${Object.keys(everything).length} answers)`);

  console.log('\nAs a share of the bare hello world (goal in brackets, docs/performance.md):');
  for (const [what, rps, goal] of [['respondent page', pageRps, 0.05], ['draft save', saveRps, 0.05], ['final submission', submitRps, 0.03]] as const) {
    const share = rps / helloRps;
    console.log(`  ${what.padEnd(18)} ${share.toFixed(3)}  (≥ ${goal.toFixed(2)})  ${share >= goal ? '✓' : '✗'}`);
  }
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
