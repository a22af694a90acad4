// Sending an invitation by text or email from the page that shows the code: through GOV.UK Notify
// (a local stand-in speaking its API and checking its JWT), through SMTP (a real SMTP server)
// when Notify is not set up, or not at all (the copy-and-paste page as before). Once only, even
// when the connection drops after Notify accepted the message; the number is gone afterwards.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationSends, outbox } from '../../db/schema.ts';
import { EndOfOrderQuestionnaire } from '../../server/questionnaire/builtin/index.ts';
import { runInvitationSends } from '../../server/invitations/send-job.ts';
import { refreshDeliveryStatus } from '../../server/invitations/send-worker.ts';
import { notifyClient } from '../../server/notify/client.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, codeFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeQuestionnaire } from '../support/fixtures.ts';
import { mailServer, type MailServer } from '../support/mail-server.ts';
import { notifyStandIn, type NotifyStandIn } from '../support/notify-stand-in.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

const PHONE = '07700 900123';

async function world(env: Record<string, string>) {
  const t = await createTestApp({ now: '2026-11-20T10:00:00Z', env });
  const w = await setUpCasework(t);
  const cm = await signInAs(t, w.people.caseManager);
  const eooq = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...EndOfOrderQuestionnaire, slug: 'eooq-full' })).questionnaire.id;
  const issue = async (language = 'en') => {
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: `SEND-${Math.floor(Math.random() * 1e8)}` }))!;
    const html = await (await cm.post(`/staff/cases/${caseId}/invitations`, { expiresInDays: '28', questionnaireId: eooq, language })).text();
    const invitationId = /\/staff\/invitations\/([0-9a-f-]{36})\/slip/.exec(html)![1]!;
    return { caseId, html, code: codeFrom(html)!, invitationId };
  };
  return { t, w, cm, issue };
}
type World = Awaited<ReturnType<typeof world>>;

describe('through GOV.UK Notify', () => {
  let notify: NotifyStandIn;
  let x: World;
  beforeAll(async () => {
    notify = await notifyStandIn();
    x = await world({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.baseUrl, NOTIFY_SMS_TEMPLATE_ID: notify.smsTemplateId, NOTIFY_EMAIL_TEMPLATE_ID: notify.emailTemplateId });
  });
  afterAll(async () => {
    await x.t.close();
    await notify.close();
  });

  it('sends an End of Order invitation by text in Welsh, shows it delivered on the case page with the number masked, and keeps no number', async () => {
    const { caseId, html, code, invitationId } = await x.issue('cy');
    expect(html).toContain('action="/staff/invitations/' + invitationId + '/send"');
    const res = await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'cy', channel: 'sms', contact: PHONE });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${caseId}?done=sending`);
    expect(notify.sent).toHaveLength(0); // queued in the outbox, not sent in the request

    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 1, failed: 0 });
    const [sms] = notify.sent;
    expect(notify.unauthorised).toBe(0);
    expect(sms).toMatchObject({ type: 'sms', to: '07700900123', templateId: notify.smsTemplateId });
    expect(sms!.personalisation.message).toContain('y gwaith a wnaethom gyda');
    expect(sms!.personalisation.message).toContain(`http://heard.test/r/${code}?lang=cy`);

    let page = textOf(await (await x.cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Text message to •••••••• 123: Sent');
    expect(page).not.toContain('900123');
    const [row] = await x.t.deps.db.select().from(invitationSends).where(eq(invitationSends.invitationId, invitationId));
    expect(row).toMatchObject({ contact: null, message: null, status: 'sent', notifyId: sms!.id });

    notify.setStatus(sms!.id, 'delivered');
    await refreshDeliveryStatus({ db: x.t.deps.db, notify: notifyClient(x.t.deps.config.notify!) });
    page = textOf(await (await x.cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Text message to •••••••• 123: Delivered');
  });

  it('shows the case manager when Notify refuses the number, with its reason, and does not retry', async () => {
    const { caseId, code, invitationId } = await x.issue();
    notify.refuse('07700900999');
    await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: '07700900999' });
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 0, failed: 1 });
    const page = textOf(await (await x.cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Text message to •••••••• 999: Not delivered');
    expect(page).toContain('Not a UK mobile number');
    expect(page).toContain('did not reach the child');
    x.t.clock.advance(60 * 60_000);
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 0, failed: 0 });
  });

  it('tells the case manager when Notify later reports a failure', async () => {
    const { caseId, code, invitationId } = await x.issue();
    await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'email', contact: 'Child@Example.org' });
    await runInvitationSends(x.t.deps);
    const email = notify.sent.at(-1)!;
    expect(email).toMatchObject({ type: 'email', to: 'child@example.org' });
    expect(email.personalisation.subject).toContain('A message from');
    notify.setStatus(email.id, 'permanent-failure');
    await refreshDeliveryStatus({ db: x.t.deps.db, notify: notifyClient(x.t.deps.config.notify!) });
    const page = textOf(await (await x.cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Email to c•••@example.org: Not delivered');
    expect(page).toContain('permanent failure');
  });

  it('sends once only when the connection drops after Notify accepted the text (a restart mid-send)', async () => {
    const { code, invitationId } = await x.issue();
    const before = notify.sent.length;
    await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: '07700 900456' });
    notify.hangUpAfterAccepting(1);
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 0, failed: 1 });
    expect(notify.sent.length).toBe(before + 1);
    x.t.clock.advance(10 * 60_000);
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 1, failed: 0 });
    expect(notify.sent.length).toBe(before + 1);
    const [row] = await x.t.deps.db.select().from(invitationSends).where(eq(invitationSends.invitationId, invitationId));
    expect(row).toMatchObject({ status: 'sent', notifyId: notify.sent.at(-1)!.id, contact: null });
  });

  it('refuses a number that is not a mobile number (400, the form again) and a code that is not this invitation’s (404), queueing nothing', async () => {
    const { code, invitationId } = await x.issue();
    const bad = await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: 'call me' });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('Enter a mobile number such as 07700 900123');
    const wrong = await x.cm.post(`/staff/invitations/${invitationId}/send`, { code: 'AAAAAAAAAAAAA', lang: 'en', channel: 'sms', contact: PHONE });
    expect(wrong.status).toBe(404);
    expect(await x.t.deps.db.select().from(invitationSends).where(eq(invitationSends.invitationId, invitationId))).toHaveLength(0);
  });

  it('does not let another case manager send from someone else’s invitation', async () => {
    const { code, invitationId } = await x.issue();
    const other = await signInAs(x.t, x.w.people.otherServiceCaseManager);
    const res = await other.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: PHONE });
    expect(res.status).toBe(404);
  });
});

describe('with only SMTP_URL', () => {
  let mail: MailServer;
  let x: World;
  beforeAll(async () => {
    mail = await mailServer();
    x = await world({ SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await x.t.close();
    await mail.stop();
  });

  it('offers email only and sends it through the mail server, once', async () => {
    const { html, code, invitationId } = await x.issue();
    expect(html).toContain('value="email"');
    expect(html).not.toContain('value="sms"');
    const refused = await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: PHONE });
    expect(refused.status).toBe(400);
    await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'email', contact: 'child@example.org' });
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 1, failed: 0 });
    expect(await runInvitationSends(x.t.deps)).toEqual({ sent: 0, failed: 0 });
    const got = mail.received.filter((m) => m.to.includes('child@example.org'));
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain(`http://heard.test/r/${code}`);
    const rows = await x.t.deps.db.select().from(outbox).where(eq(outbox.kind, 'invitation_send'));
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
  });
});

describe('with neither', () => {
  it('keeps the copy-and-paste page with no send form', async () => {
    const x = await world({});
    try {
      const { html } = await x.issue();
      expect(html).toContain('id="text-message"');
      expect(html).not.toContain('/send"');
    } finally {
      await x.t.close();
    }
  });
});
