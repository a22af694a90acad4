// Sending a questionnaire from a case: the code shown once (link, QR, text message, slip), only
// its hash kept, the invitation's progress as the child answers, withdrawing it, and who may
// invite whom to what.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations, responses } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, codeFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeCase } from '../support/fixtures.ts';
import { decodeQrSvg } from '../support/qr-svg.ts';
import { location, Respondent } from '../support/respond.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  cm = await signInAs(t, w.people.caseManager);
});
afterAll(() => t.close());

async function newCase(client = cm, reference = `INV-${Math.floor(Math.random() * 1e8)}`) {
  const res = await client.post('/staff/cases', { caseReference: reference });
  expect(res.status).toBe(303);
  return caseIdFrom(res)!;
}

async function issue(caseId: string, form: Record<string, string> = {}, client = cm) {
  const res = await client.post(`/staff/cases/${caseId}/invitations`, { questionnaireId: w.questionnaires.eooq, expiresInDays: '28', ...form });
  const html = await res.text();
  return { res, html, code: codeFrom(html) };
}

/** The status tag of each invitation on the case page, newest first. */
async function statuses(caseId: string, client = cm) {
  const html = await (await client.get(`/staff/cases/${caseId}`)).text();
  return [...html.matchAll(/data-status="([a-z_]+)"/g)].map((m) => m[1]);
}

describe('issuing an invitation', () => {
  it('shows the code once with the link, a QR code that opens it, a text message and a printable slip, and keeps only its hash', async () => {
    const caseId = await newCase();
    const form = await (await cm.get(`/staff/cases/${caseId}/invitations/new`)).text();
    expect(form).toContain('How did we do?');
    expect(form).toContain('How are things going?');
    expect(form).not.toContain('How did we do for you?'); // a victims' questionnaire is never offered for a child
    expect(form).not.toContain('>Tell us<'); // Tell Us is an open link, not an invitation
    expect(form).toContain('value="28"');

    const { res, html, code } = await issue(caseId);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{13}$/);
    const url = `http://heard.test/r/${code}`;
    const text = textOf(html);
    expect(text).toContain('This is the only time the code is shown');
    expect(html).toContain(`value="${url}"`);
    expect(text).toContain(`${code!.slice(0, 4)} ${code!.slice(4, 8)} ${code!.slice(8, 12)} ${code!.slice(12)}`);
    expect(text).toContain('How did we do?, works until 9 June 2026.');
    const svg = /<div class="qr" role="img" aria-label="QR code for the invitation link">(<svg[\s\S]*?<\/svg>)/.exec(html)?.[1];
    expect(decodeQrSvg(svg!)).toBe(url);
    expect(text).toContain(`Hi, it's Test case_manager from Test Youth Justice Service. We would like to know what you think about the work we did together.`);
    expect(text).toContain(`Open this link: ${url} (it works until 9 June 2026).`);

    const [row] = await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId));
    expect(row).toMatchObject({ serviceId: w.serviceId, areaId: w.north.id, questionnaireId: w.questionnaires.eooq, stage: 'none', createdBy: w.people.caseManager.id, openedAt: null });
    expect(row!.codeHash).toBe(createHash('sha256').update(code!).digest('hex'));
    expect(row!.expiresAt.getTime() - t.clock.now().getTime()).toBe(28 * day);
    const trail = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'invitation.issue'), eq(auditLog.subjectId, row!.id)));
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail[0]!.detail)).not.toContain(code!);

    // The case page never shows the code again.
    const again = await (await cm.get(`/staff/cases/${caseId}`)).text();
    expect(again).not.toContain(code!);
    expect(textOf(again)).toContain('How did we do? — ');

    // The printable slip: only with the code that was shown, only for someone who may see the case.
    const slip = await cm.post(`/staff/invitations/${row!.id}/slip`, { code: code! });
    expect(slip.status).toBe(200);
    const slipHtml = await slip.text();
    expect(slipHtml).toContain('heard.test/r/' + code);
    expect(decodeQrSvg(/(<svg[\s\S]*?<\/svg>)/.exec(slipHtml)![1]!)).toBe(url);
    expect((await cm.post(`/staff/invitations/${row!.id}/slip`, { code: 'ABCDEFGHJKMNP' })).status).toBe(404);
    const other = await signInAs(t, w.people.otherCaseManager);
    expect((await other.post(`/staff/invitations/${row!.id}/slip`, { code: code! })).status).toBe(404);
  });

  it('asks for the stage of a self-assessment, and keeps the expiry within 1 to 90 days', async () => {
    const caseId = await newCase();
    const noStage = await issue(caseId, { questionnaireId: w.questionnaires.selfAssessment });
    expect(noStage.res.status).toBe(400);
    expect(noStage.code).toBeUndefined();
    expect(textOf(noStage.html)).toContain('Choose the stage: start, review or end');
    const staged = await issue(caseId, { questionnaireId: w.questionnaires.selfAssessment, stage: 'start', expiresInDays: '7' });
    expect(staged.res.status).toBe(200);
    // A stage sent for a questionnaire without stages is not kept.
    await issue(caseId, { stage: 'review' });
    const rows = await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId));
    expect(rows.map((r) => r.stage).sort()).toEqual(['none', 'start']);
    expect(rows.find((r) => r.stage === 'start')!.expiresAt.getTime() - t.clock.now().getTime()).toBe(7 * day);

    for (const days of ['0', '91', 'soon', '-5', '1e3']) {
      const bad = await issue(caseId, { expiresInDays: days });
      expect(bad.res.status, days).toBe(400);
      expect(textOf(bad.html)).toContain('Enter a number of days between 1 and 90');
    }
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId))).toHaveLength(2);
  });

  it('refuses to invite a child to a victim questionnaire or another service’s, and refuses on a closed case', async () => {
    const caseId = await newCase();
    for (const questionnaireId of [w.questionnaires.victim, w.questionnaires.otherServiceEooq, w.questionnaires.tellUs, 'not-an-id']) {
      const r = await issue(caseId, { questionnaireId });
      expect(r.res.status).toBe(400);
      expect(textOf(r.html)).toContain('Choose a questionnaire');
    }
    await cm.post(`/staff/cases/${caseId}/close`);
    const closed = await issue(caseId);
    expect(closed.res.status).toBe(400);
    expect(textOf(closed.html)).toContain('This case is closed');
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId))).toHaveLength(0);
  });

  it('lets a victim liaison officer invite victims to victim questionnaires only', async () => {
    const vlo = await signInAs(t, w.people.victimLiaison);
    const res = await vlo.post('/staff/cases', { caseReference: 'VIC-4001', areaId: w.south.id });
    const caseId = caseIdFrom(res)!;
    const form = await (await vlo.get(`/staff/cases/${caseId}/invitations/new`)).text();
    expect(form).toContain('How did we do for you?');
    expect(form).not.toContain('>How did we do?<');
    expect((await issue(caseId, { questionnaireId: w.questionnaires.eooq }, vlo)).res.status).toBe(400);
    const ok = await issue(caseId, { questionnaireId: w.questionnaires.victim }, vlo);
    expect(ok.res.status).toBe(200);
    expect(textOf(ok.html)).toContain('We would be grateful if you could tell us about the contact you had with us.');
    // A case manager cannot invite on a victim's case at all.
    expect((await cm.get(`/staff/cases/${caseId}/invitations/new`)).status).toBe(404);
    expect((await issue(caseId, { questionnaireId: w.questionnaires.victim })).res.status).toBe(404);
  });

  it('refuses invitations on cases the person may not see, with nothing shown', async () => {
    const others = [
      await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.north.id, ownerId: w.people.otherCaseManager.id }),
      await makeCase(t.deps.db, { serviceId: w.serviceId, areaId: w.south.id, ownerId: w.people.southCaseManager.id }),
      await makeCase(t.deps.db, { serviceId: w.otherServiceId, areaId: w.otherNorth.id, ownerId: w.people.otherServiceCaseManager.id }),
    ];
    for (const c of others) {
      const r = await issue(c.id);
      expect(r.res.status).toBe(404);
      expect(r.code).toBeUndefined();
      expect(r.html).not.toContain(c.caseReference);
    }
    expect(await t.deps.db.select().from(invitations).where(eq(invitations.caseId, others[0]!.id))).toHaveLength(0);
    for (const who of [w.people.participationLead, w.people.boardMember]) {
      const client = await signInAs(t, who);
      expect((await issue(others[0]!.id, {}, client)).res.status).toBe(403);
    }
  });
});

describe('following an invitation', () => {
  it('moves from not opened to opened, started and answered as the child goes through it', async () => {
    const caseId = await newCase();
    const { code } = await issue(caseId);
    expect(await statuses(caseId)).toEqual(['pending']);

    const child = new Respondent(t);
    const base = location(await child.get(`/r/${code}`));
    expect(base).toMatch(/^\/q\//);
    expect(await statuses(caseId)).toEqual(['opened']);

    expect((await child.post(`${base}/step/views_taken_seriously`, { answer: 'all', action: 'continue' })).status).toBe(303);
    expect(await statuses(caseId)).toEqual(['in_progress']);

    await child.post(`${base}/step/feel_safe`, { answer: 'yes', action: 'continue' });
    await child.post(`${base}/step/good`, { action: 'skip' });
    await child.post(`${base}/step/contact`, { action: 'skip' });
    expect(location(await child.post(`${base}/send`, {}))).toBe(`${base}/sent`);
    expect(await statuses(caseId)).toEqual(['completed']);
    const page = textOf(await (await cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Answered');
    expect(page).not.toContain('No answers have been received for this case yet.');
    // An answered invitation cannot be withdrawn.
    const [row] = await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId));
    expect((await cm.post(`/staff/invitations/${row!.id}/revoke`)).headers.get('location')).toBe(`/staff/cases/${caseId}?done=alreadyFinished`);
    expect((await t.deps.db.select().from(invitations).where(eq(invitations.id, row!.id)))[0]!.revokedAt).toBeNull();
    expect(await t.deps.db.select().from(responses).where(eq(responses.caseId, caseId))).toHaveLength(1);
  });

  it('withdraws an invitation: the link then says it is no longer in use (410)', async () => {
    const caseId = await newCase();
    const { code } = await issue(caseId);
    const child = new Respondent(t);
    const base = location(await child.get(`/r/${code}`));
    const [row] = await t.deps.db.select().from(invitations).where(eq(invitations.caseId, caseId));

    // Nobody else can withdraw it.
    for (const who of [w.people.otherCaseManager, w.people.southCaseManager, w.people.otherServiceAdmin]) {
      expect((await (await signInAs(t, who)).post(`/staff/invitations/${row!.id}/revoke`)).status).toBe(404);
    }
    const res = await cm.post(`/staff/invitations/${row!.id}/revoke`);
    expect(res.headers.get('location')).toBe(`/staff/cases/${caseId}?done=revoked`);
    expect(textOf(await (await cm.get(location(res))).text())).toContain('Invitation withdrawn.');
    expect(await statuses(caseId)).toEqual(['revoked']);
    expect((await new Respondent(t).get(`/r/${code}`)).status).toBe(410);
    // The child already part way through is stopped too.
    expect((await child.get(`${base}/step/views_taken_seriously`)).status).toBe(410);
    expect((await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'invitation.revoke'), eq(auditLog.subjectId, row!.id))))).toHaveLength(1);
  });

  it('shows an invitation as expired once its time is up', async () => {
    const caseId = await newCase();
    await issue(caseId, { expiresInDays: '1' });
    t.clock.advance(day + 1000);
    try {
      // A day later the old session has ended: sign in again.
      expect(await statuses(caseId, await signInAs(t, w.people.caseManager))).toEqual(['expired']);
    } finally {
      t.clock.advance(-(day + 1000));
    }
  });
});
