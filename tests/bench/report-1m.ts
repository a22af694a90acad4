// The board report over 1,000,000 answers on PostgreSQL (DESIGN.md budget: under a second).
// Creates its own database on the local server, loads 8 quarters of End of Order answers for
// four areas with INSERT … SELECT over generate_series (about 111,000 responses × 9 answers),
// then builds the Management Board overview (areas side by side, the 8-quarter trend, Tell Us,
// complaints, alerts, changes made) and the quarterly area report several times, and prints
// the times — and, because wall-clock time on a shared 2-core machine says as much about the
// neighbours as about the query, the CPU each report costs PostgreSQL when run on one connection
// without parallel workers (read from /proc for the backend, so only when the server is local).
// Drops the database afterwards.
//   node --import tsx tests/bench/report-1m.ts      (BENCH_DATABASE_URL to use another server)
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { areas, services } from '../../db/schema.ts';
import { installBuiltins, latestVersion } from '../../server/questionnaire/store.ts';
import { buildReport } from '../../server/reports/build.ts';
import { boundsOf, quartersEndingWith } from '../../server/reports/period.ts';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ANSWERS = 1_000_000;
const STATEMENTS = ['asked_what_helps', 'views_taken_seriously', 'helped_take_part', 'easy_to_talk', 'change_possible', 'less_likely', 'treated_fairly', 'service_good', 'feel_safe'];
const RESPONSES = Math.ceil(ANSWERS / STATEMENTS.length);
const RUNS = 5;

const urlFor = (db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};
const name = `heard_bench_reports_${process.pid}`;
const admin = postgres(urlFor('postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const open = await openDatabase({ kind: 'postgres', url: urlFor(name), maxConnections: 4 });

const ms = (t: number) => `${t.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  await migrate(open);
  const { db } = open;
  const [service] = await db.insert(services).values({ slug: 'bench', name: 'Bench Youth Justice Service' }).returning();
  const areaRows = await db
    .insert(areas)
    .values(['north', 'east', 'south', 'west'].map((a) => ({ serviceId: service!.id, slug: `bench-${a}`, name: a[0]!.toUpperCase() + a.slice(1) })))
    .returning();
  await installBuiltins(db, service!.id);
  const eooq = (await latestVersion(db, service!.id, 'end-of-order'))!;

  // Eight financial quarters ending with Q4 2024/25, in the service's zone.
  const quarters = quartersEndingWith({ kind: 'quarter', year: 2024, quarter: 4 }, 8).map((q) => boundsOf(q, 'Europe/London'));
  const from = quarters[0]!.start;
  const span = quarters.at(-1)!.end.getTime() - from.getTime();

  const load = performance.now();
  const areaIds = sql.join(
    areaRows.map((a) => sql`${a.id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    insert into responses (id, service_id, area_id, questionnaire_id, questionnaire_version_id, stage, channel, body_hash, submitted_at, ethnicity, gender, age_band, care_status, special_needs)
    select gen_random_uuid(), ${service!.id}::uuid, (array[${areaIds}])[1 + (i % 4)], ${eooq.questionnaireId}::uuid, ${eooq.versionId}::uuid, 'end', 'personal_link', md5(i::text),
           ${from.toISOString()}::timestamptz + (random() * ${span / 1000}) * interval '1 second',
           (array['White','Mixed or Multiple ethnic groups','Black, Black British, Black Welsh, Caribbean or African','Asian, Asian British or Asian Welsh','Other ethnic group'])[1 + (i % 5)],
           (array['Male','Female'])[1 + (i % 2)], (array['14-15','16-17'])[1 + (i % 2)], (array['Looked after','Not in care'])[1 + (i % 3 / 2)], (array['SEN support','No identified SEN'])[1 + (i % 2)]
    from generate_series(1, ${RESPONSES}) as i`);
  const statements = sql.join(
    STATEMENTS.map((s) => sql`(${s})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into answers (response_id, question_id, option_value, positive, concern)
    select r.id, q.id, case when p then 'yes' else 'no' end, p, false
    from responses r
    cross join (values ${statements}) as q(id)
    cross join lateral (select random() < 0.85 as p) as x
    where r.service_id = ${service!.id}::uuid`);
  await db.execute(sql`analyze`);
  const [counts] = rowsOf<{ responses: number; answers: number }>(await db.execute(sql`select (select count(*) from responses)::int as responses, (select count(*) from answers)::int as answers`));
  console.log(`loaded ${counts!.responses.toLocaleString('en-GB')} responses and ${counts!.answers.toLocaleString('en-GB')} answers in ${ms(performance.now() - load)}`);

  const params = { serviceId: service!.id, period: quarters.at(-1)!.period, now: new Date('2025-04-10T09:00:00Z') };
  const reports = [
    ['board overview (4 areas side by side, 8-quarter trend)', (d: typeof db) => buildReport(d, { ...params, kind: 'board', quarters: 8 })],
    ['board overview (default 4-quarter trend)', (d: typeof db) => buildReport(d, { ...params, kind: 'board' })],
    ['quarterly area report (one area)', (d: typeof db) => buildReport(d, { ...params, kind: 'area', area: areaRows[0]!.id })],
    ['disproportionality (5 breakdowns, one half-year)', (d: typeof db) => buildReport(d, { ...params, kind: 'disproportionality', period: { kind: 'half', year: 2024, half: 2 } })],
  ] as const;
  for (const [label, run] of reports) {
    await run(db); // warm: plans cached, pages in memory
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run(db);
      times.push(performance.now() - t0);
    }
    console.log(`${label}: median ${ms(median(times))} of ${RUNS} runs (${times.map(ms).join(', ')})`);
  }

  const serial = await openDatabase({ kind: 'postgres', url: urlFor(name), maxConnections: 1 });
  try {
    await serial.db.execute(sql`set max_parallel_workers_per_gather = 0`);
    const [backend] = rowsOf<{ pid: number }>(await serial.db.execute(sql`select pg_backend_pid() as pid`));
    // utime + stime of the backend, in clock ticks (100 a second on Linux).
    const cpuMs = () => {
      const fields = readFileSync(`/proc/${backend!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    };
    cpuMs();
    for (const [label, run] of reports) {
      await run(serial.db);
      const before = cpuMs();
      const node = process.cpuUsage();
      await run(serial.db);
      const used = process.cpuUsage(node);
      console.log(`CPU, one connection, no parallel workers: ${label}: ${ms(cpuMs() - before)} in PostgreSQL + ${ms((used.user + used.system) / 1000)} in Node`);
    }
  } catch (e) {
    console.log(`(CPU figures need a local server: ${(e as Error).message})`);
  } finally {
    await serial.close();
  }
} finally {
  await open.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
