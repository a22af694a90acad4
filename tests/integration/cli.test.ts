// The command line as an operator uses it: each command is a child process on the same
// database the server uses, and what it did is checked through the real app.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.ts';
import { lockDataDir } from '../../db/lock.ts';
import { auditLog, responses, services } from '../../db/schema.ts';
import { createApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { silentLogger } from '../../server/log.ts';
import { apiClientFor } from '../support/api.ts';
import { createTestApp, testConfig, type TestApp } from '../support/app.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { copyOfDataDir } from '../support/data-dir.ts';
import { MINI_EOOQ } from '../support/fixtures.ts';
import { pgliteEngine } from '../support/pglite-engine.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const cli = (args: string[], stdin?: string) => runCli(args, env, stdin);
const slug = `cli-${process.pid}`;
const area = `${slug}-north`;
let created: CliRun;
let areaCreated: CliRun;
let env: Record<string, string>;
let pg: TestApp | undefined;
let dataDir = '';
const work = mkdtempSync(join(tmpdir(), 'heard-cli-'));

beforeAll(async () => {
  if (onPostgres) {
    pg = await createTestApp({ now: new Date().toISOString() });
    env = { DATABASE_URL: pg.database.url! };
  } else {
    // Start from a copy of the migrated data folder, rather than a fresh initdb.
    dataDir = await copyOfDataDir('migrated');
    env = { DATA_DIR: dataDir };
  }
  created = await cli(['create-service', '--name', 'Westfield Youth Justice Service', '--slug', slug]);
  areaCreated = await cli(['create-area', '--service', slug, '--name', 'North', '--slug', area]);
}, 300_000);
afterAll(async () => {
  await pg?.close();
});

/** The real app on the database the CLI wrote to (the embedded one is opened, under its lock, only for this). */
async function inspect<T>(fn: (t: Pick<TestApp, 'app' | 'deps'>) => Promise<T>): Promise<T> {
  if (pg) return fn(pg);
  const release = lockDataDir(dataDir);
  const open = await openDatabase({ kind: 'pglite', dataDir, ...(await pgliteEngine()) });
  try {
    const deps = { db: open.db, config: testConfig(), clock: manualClock(new Date()), log: silentLogger };
    return await fn({ app: createApp(deps), deps });
  } finally {
    await open.close();
    release();
  }
}


// Each command is a whole process (tsx, the database opened and closed): allow for a busy machine.
/** What the command line did in the test's service, from the audit trail. */
async function cliAudit({ deps }: Pick<TestApp, 'deps'>): Promise<string[]> {
  const [service] = await deps.db.select().from(services).where(eq(services.slug, slug));
  const rows = await deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, service!.id), eq(auditLog.actorKind, 'cli')));
  return rows.map((r) => r.action);
}

describe('the command line', { timeout: 180_000 }, () => {
  it('creates a service with the built-in questionnaires, adds an area, and lists them', async () => {
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created the service "Westfield Youth Justice Service" (${slug}).`);
    expect(created.stdout).toContain('end-of-order, self-assessment, tell-us, victim-satisfaction, parent-carer');
    expect(areaCreated.code).toBe(0);
    const list = await cli(['list-services']);
    expect(list.stdout).toMatch(new RegExp(`${slug}  Westfield Youth Justice Service\\n    ${area}  North`));
    expect(await inspect(cliAudit)).toEqual(expect.arrayContaining(['service.create', 'questionnaire.copy_builtin', 'area.create']));
  });

  it('refuses a slug already used by a service or an area, and an unknown service', async () => {
    const taken = await cli(['create-area', '--service', slug, '--name', 'Again', '--slug', slug]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(`The slug "${slug}" is already used by another service or area (they share one set of web addresses).\n`);
    const unknown = await cli(['issue-token', '--service', 'nowhere', '--name', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no service "nowhere".');
  });

  it('creates a member of staff with a password from standard input, who can then sign in', async () => {
    const run = await cli(['create-user', '--service', slug, '--email', `admin@${slug}.test`, '--name', 'Ann Admin', '--role', 'service_admin', '--password-stdin'], 'three random words here\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The password read from standard input is set');
    const signIn = await inspect(async ({ app }) =>
      app.request('/staff/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ email: `admin@${slug}.test`, password: 'three random words here' }),
      }),
    );
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/staff');
    expect(await inspect(cliAudit)).toContain('user.create');
  });

  it('creates a member of staff with a one-time link to choose a password, and checks role and area', async () => {
    const noArea = await cli(['create-user', '--service', slug, '--email', `cm@${slug}.test`, '--name', 'Cam', '--role', 'case_manager']);
    expect(noArea.code).toBe(1);
    expect(noArea.stderr).toBe('A case manager works in one area: give --area.\n');
    const tooShort = await cli(['create-user', '--service', slug, '--email', `cm@${slug}.test`, '--name', 'Cam', '--role', 'case_manager', '--area', area, '--password-stdin'], 'short\n');
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toContain('at least 12 characters');
    const run = await cli(['create-user', '--service', slug, '--email', `cm@${slug}.test`, '--name', 'Cam', '--role', 'case_manager', '--area', area]);
    expect(run.code).toBe(0);
    const link = /http:\/\/heard\.test(\/staff\/invite\/[A-Za-z0-9_-]{43})/.exec(run.stdout)?.[1];
    expect(link).toBeDefined();
    const page = await inspect(async ({ app }) => app.request(link!));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`cm@${slug}.test`);
    const again = await cli(['create-user', '--service', slug, '--email', `CM@${slug}.test`, '--name', 'Cam', '--role', 'case_manager', '--area', area]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is already a member of staff with the email address');
  });

  it('issues an API token that works, and revokes it', async () => {
    const issued = await cli(['issue-token', '--service', slug, '--name', 'ChildView']);
    expect(issued.code).toBe(0);
    const token = /^\s+(heard_\S+)$/m.exec(issued.stdout)?.[1];
    const id = /\(id ([0-9a-f-]{36})\)/.exec(issued.stdout)?.[1];
    expect(token).toBeDefined();
    const before = await inspect(async (t) => {
      const res = await apiClientFor(t as TestApp, token!).get('/api/v1/questionnaires');
      return { status: res.status, body: (await res.json()) as { data: { slug: string }[] } };
    });
    expect(before.status).toBe(200);
    expect(before.body.data.map((q) => q.slug)).toContain('end-of-order');
    const revoked = await cli(['revoke-token', '--service', slug, '--id', id!]);
    expect(revoked.code).toBe(0);
    const after = await inspect(async (t) => ({ status: (await apiClientFor(t as TestApp, token!).get('/api/v1/questionnaires')).status, audit: await cliAudit(t) }));
    expect(after.status).toBe(401);
    expect(after.audit).toEqual(expect.arrayContaining(['api_token.issue', 'api_token.revoke']));
    const twice = await cli(['revoke-token', '--service', slug, '--id', id!]);
    expect(twice.code).toBe(1);
  });

  it('imports a questionnaire from a file, then a new version of it, and lists what is wrong with a bad one', async () => {
    const file = join(work, 'safer-lives.json');
    writeFileSync(file, JSON.stringify({ ...MINI_EOOQ, slug: 'safer-lives' }, null, 2));
    const first = await cli(['import-questionnaire', file, '--service', slug, '--open-link']);
    expect(first.stdout).toBe(`Published "safer-lives" version 1 in ${slug}.\n`);
    const second = await cli(['import-questionnaire', file, '--service', slug]);
    expect(second.stdout).toBe(`Published "safer-lives" version 2 in ${slug}.\n`);
    const open = await inspect(async (t) => ({ status: (await t.app.request(`/s/${area}/safer-lives`)).status, audit: await cliAudit(t) }));
    expect(open.status).toBe(200);
    expect(open.audit).toEqual(expect.arrayContaining(['questionnaire.create', 'questionnaire.publish']));

    const bad = join(work, 'bad.json');
    const broken = structuredClone(MINI_EOOQ) as unknown as { slug: string; languages: string[]; questions: Record<string, unknown>[] };
    broken.slug = 'safer-lives';
    broken.languages = ['en', 'cy'];
    broken.questions[2]!.showIf = { questionId: 'good', anyOf: ['yes'] };
    writeFileSync(bad, JSON.stringify(broken));
    const refused = await cli(['import-questionnaire', bad, '--service', slug]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^.*bad\.json has \d+ problems, so nothing was published:\n/);
    expect(refused.stderr).toContain('  - question 3 ("tell_more") showIf.questionId: show-if must point to an earlier question ("good" is not before it)');
    expect(refused.stderr).toContain('missing the cy text');

    const notJson = join(work, 'not.json');
    writeFileSync(notJson, '{\n  "slug": "x",\n  oops\n}');
    const unreadable = await cli(['import-questionnaire', notJson, '--service', slug]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/not\.json is not valid JSON: .* \(line 3, column 3\)\n$/);
    const missing = await cli(['import-questionnaire', join(work, 'nope.json'), '--service', slug]);
    expect(missing.stderr).toContain('Could not read');
  });

  it('imports responses from a CSV, all or nothing, through the same check as the staff page; --dry-run writes nothing', async () => {
    const header = 'questionnaire,area,submitted,stage,channel,case_reference,age_band,gender,ethnicity,care_status,special_needs,views_taken_seriously,feel_safe';
    const good = join(work, 'paper.csv');
    writeFileSync(good, [header, `end-of-order,${area},2026-04-02,end,paper,,16-17,male,White,,,all,yes`, `end-of-order,${area},2026-04-03,end,paper,,,,,,,some,yes`].join('\n') + '\n');
    const stored = () => inspect(async (t) => ({ n: (await t.deps.db.select({ id: responses.id }).from(responses).innerJoin(services, eq(services.id, responses.serviceId)).where(eq(services.slug, slug))).length, audit: await cliAudit(t) }));

    const dry = await cli(['import-responses', good, '--service', slug, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(`${good} is ready to import: 2 responses (end-of-order 2); 0 already imported. Nothing was written (--dry-run).\n`);
    expect((await stored()).n).toBe(0);

    const run = await cli(['import-responses', good, '--service', slug]);
    expect(run.stdout).toBe(`Imported 2 responses into ${slug} (0 already there from an earlier import of this file).\n`);
    const after = await stored();
    expect(after.n).toBe(2);
    expect(after.audit).toContain('responses.import');
    const again = await cli(['import-responses', good, '--service', slug]);
    expect(again.stdout).toBe(`Imported 0 responses into ${slug} (2 already there from an earlier import of this file).\n`);

    const bad = join(work, 'bad.csv');
    writeFileSync(bad, [header, `end-of-order,${area},2026-04-04,end,paper,,,Boy,,,,all,yes`, `end-of-order,${area},2026-04-05,end,paper,,,,,,,all,yes`].join('\n') + '\n');
    const refused = await cli(['import-responses', bad, '--service', slug]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${bad} has a problem, so nothing was imported:\n  - row 2, gender: must be one of "Male", "Female", "Another gender" or empty (got "Boy")\n`);
    expect((await stored()).n).toBe(2);
  });

  it('explains a command used wrongly without touching the database (exit code 2)', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('There is no command "frobnicate". Run npm run heard -- help to see the commands.\n');
    const badOption = await cli(['create-area', '--service', slug, '--nmae', 'x']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--nmae'");
    const badValues = await cli(['create-user', '--service', slug, '--email', 'not-an-email', '--name', 'X', '--role', 'boss']);
    expect(badValues.code).toBe(2);
    expect(badValues.stderr).toBe('--email: an email address\n--role: one of service_admin, team_manager, case_manager, victim_liaison, participation_lead, board_member\n');
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import-questionnaire <file.json> --service <slug>');
  });

  it.skipIf(onPostgres)('says in one line that a running server holds the embedded database', async () => {
    // A lock file naming a live process is what a running server leaves: this test process is one.
    writeFileSync(join(dataDir, 'heard.lock'), String(process.pid));
    try {
      const run = await cli(['list-services']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`is in use by another Heard process (pid ${process.pid}). Stop it before running this command`);
    } finally {
      writeFileSync(join(dataDir, 'heard.lock'), '');
    }
  });
});
