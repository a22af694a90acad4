// What the logs keep. A realistic run — a wrong and a right password, a child opening a personal
// code and answering with free text and contact details, staff reading the answers, API calls
// with a bearer token, validation errors, an email that fails to send — with every log line
// captured (the app's own logger, and anything written to the console or stdout on the way).
// No line may hold a password, a code, a token, a session cookie, what the child wrote, their
// contact details or a case reference; and no request can forge a log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { issueApiToken } from '../../server/api/tokens.ts';
import { createLogger } from '../../server/log.ts';
import { deliverDueMessages } from '../../server/outbox/deliver.ts';
import type { Mailer } from '../../server/outbox/mailer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { codeFrom } from '../support/casework.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, Respondent } from '../support/respond.ts';
import { givePassword, StaffBrowser } from '../support/staff-browser.ts';

const PASSWORD = 'Lantern-Otter-Quarry-5521';
const WRONG_PASSWORD = 'Wrong-Guess-Marmalade-8830';
const FREE_TEXT = 'Nobody listens to me at home 4417';
const GOOD_TEXT = 'My worker Priya helped with college 9902';
const CONTACT_NAME = 'Zebedee Quillfeather';
const CONTACT_PHONE = '07700 900517';
const TELL_US_TEXT = 'Complaint about the night shift 3391';

let t: TestApp;
const lines: string[] = [];
const secrets: Record<string, string> = {};

/** Everything written to stdout, stderr or the console while `run` runs, as lines. */
async function capturingConsole<T>(run: () => Promise<T>): Promise<T> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const keep = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => `console: ${l}`));
    return true;
  };
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  process.stdout.write = keep as typeof process.stdout.write;
  process.stderr.write = keep as typeof process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => keep(args.map(String).join(' '));
  try {
    return await run();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    methods.forEach((m, i) => (console[m] = saved[i]!));
  }
}

beforeAll(async () => {
  const base = await createTestApp();
  // The same app, with a logger that keeps every line it writes.
  const log = createLogger('debug', (line) => lines.push(line));
  const deps = { ...base.deps, log };
  t = { ...base, deps, app: createApp(deps) };
  const { db, clock } = t.deps;

  const { service, north } = await makeService(db);
  const worker = await makeStaff(db, service.id, 'case_manager', north.id);
  await givePassword(db, worker.id, PASSWORD);
  const admin = await makeStaff(db, service.id, 'service_admin');
  const kase = await makeCase(db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const eooq = await makeQuestionnaire(db, service.id, MINI_EOOQ);
  const token = await issueApiToken(db, clock, { serviceId: service.id, name: 'logs test', createdBy: admin.id, actor: { kind: 'system', serviceId: service.id } });
  Object.assign(secrets, { PASSWORD, WRONG_PASSWORD, FREE_TEXT, GOOD_TEXT, CONTACT_NAME, CONTACT_PHONE, TELL_US_TEXT, caseReference: kase.caseReference, bearer: token.token });

  await capturingConsole(async () => {
    // Staff: a wrong password, then the right one.
    const staff = new StaffBrowser(t);
    await staff.signIn(worker.email, WRONG_PASSWORD);
    await staff.signedIn(worker.email, PASSWORD);
    secrets.sessionCookie = staff.sessionToken!;
    secrets.csrf = staff.csrf!;
    await staff.get(`/staff/cases?search=${encodeURIComponent(kase.caseReference)}`);
    await staff.get(`/staff/cases/${kase.id}/invitations/new`);
    const issued = await staff.post(`/staff/cases/${kase.id}/invitations`, { questionnaireId: eooq.questionnaire.id, expiresInDays: '14' });
    const code = codeFrom(await issued.text()) ?? codeFrom(staff.lastPage);
    if (!code) throw new Error(`no invitation code: ${issued.status}`);
    secrets.code = code;

    // The child: opens the personal link, answers with free text and contact details, sends.
    const child = new Respondent(t);
    const base = location(await child.get(`/r/${code}`)).replace(/\/next$/, '');
    const answers: Record<string, Record<string, string>> = {
      views_taken_seriously: { answer: 'some' },
      feel_safe: { answer: 'no' },
      tell_more: { answer: FREE_TEXT },
      good: { answer: GOOD_TEXT },
      contact: { contact_name: CONTACT_NAME, contact_phone: CONTACT_PHONE },
    };
    for (let i = 0; i < 10; i++) {
      const to = location(await child.get(`${base}/next`));
      if (!to.includes('/step/')) break;
      const id = to.split('/step/')[1]!.split('?')[0]!;
      // A validation error on the way (a choice that is not an option), then the real answer.
      if (id === 'views_taken_seriously') await child.post(to, { action: 'continue', answer: `${FREE_TEXT} not an option` });
      await child.post(to, { action: 'continue', ...(answers[id] ?? {}) });
    }
    await child.get(`${base}/check`);
    const sent = await child.post(`${base}/send`, {});
    if (!location(sent).endsWith('/sent')) throw new Error(`not sent: ${sent.status}`);

    // Staff read the answers; a form with an error; signing out.
    const inbox = await staff.get('/staff/responses');
    const responseId = /data-response="([0-9a-f-]{36})"/.exec(await inbox.text())?.[1];
    await staff.get(`/staff/responses/${responseId}`);
    await staff.post('/staff/tell-us/new', { type: 'complaint', message: TELL_US_TEXT, channel: 'phone', areaId: north.id, wantsReply: 'maybe', caseReference: kase.caseReference });

    // The API: a read, a bad query, a bad body, a wrong token.
    const bearer = { authorization: `Bearer ${token.token}`, accept: 'application/json' };
    await t.app.request(`/api/v1/responses/${responseId}`, { headers: bearer });
    await t.app.request(`/api/v1/responses?cursor=${encodeURIComponent(kase.caseReference)}&limit=${encodeURIComponent(FREE_TEXT)}`, { headers: bearer });
    await t.app.request('/api/v1/invitations', { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ caseReference: kase.caseReference, kind: 'child', area: 'nowhere', questionnaire: 'mini-eooq', note: CONTACT_PHONE }) });
    await t.app.request('/api/v1/responses', { headers: { authorization: `Bearer ${token.token.slice(0, -4)}XXXX` } });
    await staff.post('/staff/sign-out');

    // An alert email that cannot be sent (the mail server's refusal is logged).
    const refusing: Mailer = {
      send: async (m) => {
        throw new Error(`550 mailbox unavailable <${m.to.join(', ')}>: ${m.subject}`);
      },
      close: () => {},
    };
    await deliverDueMessages({ db, clock, config: t.deps.config, log }, refusing);

    // Requests trying to forge a log line through the address and the request id.
    await t.app.request(`/r/ABC%0D%0A%7B%22level%22%3A%22error%22%2C%22msg%22%3A%22forged%22%7D`);
    await t.app.request(`/staff/cases/x%0a{"level":"error","msg":"forged"}`, { headers: { 'x-request-id': 'forged"},{"msg":"forged' } });
    await t.app.request('/api/v1/responses/%0d%0aforged', { headers: { ...bearer, 'x-request-id': 'a'.repeat(200) } });
    await t.app.request('/staff/sign-in?next=%0d%0a%7B%22msg%22%3A%22forged%22%7D');
  });
}, 120_000);
afterAll(() => t.close());

describe('the log', () => {
  it('was written for the whole run, which really carried the secrets', async () => {
    const requests = lines.filter((l) => l.includes('"msg":"request"')).map((l) => JSON.parse(l) as { status: number; route: string });
    expect(requests.length).toBeGreaterThan(30);
    expect(lines.some((l) => l.includes('"msg":"email not sent; will retry"'))).toBe(true);
    // The answers and contact details were stored, and the errors happened.
    const { answers, contactDetails } = await import('../../db/schema.ts');
    const texts = (await t.deps.db.select({ text: answers.textValue }).from(answers)).map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining([FREE_TEXT, GOOD_TEXT]));
    expect(JSON.stringify(await t.deps.db.select().from(contactDetails))).toContain(CONTACT_PHONE);
    const statuses = new Set(requests.map((r) => r.status));
    for (const status of [200, 303, 400, 401, 404]) expect(statuses.has(status), String(status)).toBe(true);
  });

  it('holds no password, code, token, cookie, answer, contact detail or case reference', () => {
    expect(Object.keys(secrets)).toEqual(expect.arrayContaining(['PASSWORD', 'code', 'bearer', 'sessionCookie', 'caseReference', 'FREE_TEXT', 'CONTACT_PHONE']));
    const found: string[] = [];
    for (const line of lines) {
      for (const [what, value] of Object.entries(secrets)) {
        // Also as the URL and JSON encodings a value might take on its way.
        const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
        if (forms.some((f) => line.includes(f))) found.push(`${what} in ${line.slice(0, 160)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('names routes by their pattern, never by the address that was asked for', () => {
    const routes = lines.filter((l) => l.includes('"msg":"request"')).map((l) => (JSON.parse(l) as { route: string }).route);
    expect(routes).toContain('/r/:code');
    expect(routes.some((r) => /[A-Z0-9]{13}/.test(r) || r.includes('%'))).toBe(false);
  });

  it('keeps every record on one line of JSON, so no request can forge one', () => {
    const own = lines.filter((l) => !l.startsWith('console: '));
    for (const line of own) {
      expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(typeof record.msg).toBe('string');
      expect(typeof record.level).toBe('string');
      expect(record.msg).not.toBe('forged');
    }
    // A request id that is not a plain token is replaced, never copied into the log.
    expect(own.some((l) => l.includes('forged'))).toBe(false);
    // Nothing else wrote to the console behind the logger's back.
    expect(lines.filter((l) => l.startsWith('console: '))).toEqual([]);
  });
});
