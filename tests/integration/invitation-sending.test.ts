// Sending an invitation by text or email from the page that shows the code: through GOV.UK Notify
// (a local stand-in speaking its API and checking its JWT), through SMTP (a real SMTP server)
// when Notify is not set up, or not at all (the copy-and-paste page as before). Once only, even
// when the connection drops after Notify accepted the message; the number is gone afterwards.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationSends, outbox, services } from '../../db/schema.ts';
import { queueDueReminders } from '../../server/invitations/reminder-job.ts';
import { EndOfOrderQuestionnaire } from '../../server/questionnaire/builtin/index.ts';
import { runInvitationSends } from '../../server/invitations/send-job.ts';
import { refreshDeliveryStatus } from '../../server/invitations/send-worker.ts';
import { notifyClient } from '../../server/notify/client.ts';
import { composeMessage } from '../../server/outbox/messages.ts';
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
  const self = { t, w, cm: await signInAs(t, w.people.caseManager), issue: async (_language?: string) => ({ caseId: '', html: '', code: '', invitationId: '' }) };
  const eooq = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...EndOfOrderQuestionnaire, slug: 'eooq-full' })).questionnaire.id;
  self.issue = async (language = 'en') => {
    const cm = self.cm;
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: `SEND-${Math.floor(Math.random() * 1e8)}` }))!;
    const html = await (await cm.post(`/staff/cases/${caseId}/invitations`, { expiresInDays: '28', questionnaireId: eooq, language })).text();
    const invitationId = /\/staff\/invitations\/([0-9a-f-]{36})\/slip/.exec(html)![1]!;
    return { caseId, html, code: codeFrom(html)!, invitationId };
  };
  return self;
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
    expect(row).toMatchObject({ contact: '07700900123', status: 'sent', notifyId: sms!.id }); // kept for the reminders only

    notify.setStatus(sms!.id, 'delivered');
    await refreshDeliveryStatus({ db: x.t.deps.db, clock: x.t.clock, notify: notifyClient(x.t.deps.config.notify!) });
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
    await refreshDeliveryStatus({ db: x.t.deps.db, clock: x.t.clock, notify: notifyClient(x.t.deps.config.notify!) });
    const page = textOf(await (await x.cm.get(`/staff/cases/${caseId}`)).text());
    expect(page).toContain('Email to c•••@example.org: Not delivered');
    expect(page).toContain('permanent failure');

    // …and by email, once: to whoever sent it, with a link to the case and neither the address nor the child.
    const [send] = await x.t.deps.db.select().from(invitationSends).where(eq(invitationSends.invitationId, invitationId));
    const rows = await x.t.deps.db.select().from(outbox).where(eq(outbox.dedupeKey, `invitation_send_failed:${send!.id}`));
    expect(rows).toHaveLength(1);
    const message = await composeMessage({ db: x.t.deps.db, config: x.t.deps.config }, rows[0]!);
    expect(message.to).toEqual([x.w.people.caseManager.email]);
    expect(message.subject).toBe('An invitation email could not be delivered');
    expect(message.text).toContain(`/staff/cases/${caseId}`);
    expect(message.text).toContain('permanent failure');
    expect(message.text.toLowerCase()).not.toContain('child@example.org');
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
    expect(row).toMatchObject({ status: 'sent', notifyId: notify.sent.at(-1)!.id });
  });

  describe('reminders (the service reminds once, 3 days after sending or 1 day before the link stops working)', () => {
    beforeAll(async () => {
      await x.t.deps.db.update(services).set({ settings: sql`${services.settings} || ${JSON.stringify({ invitationReminders: { afterDays: [3], beforeExpiryDays: [1], max: 1 } })}::jsonb` }).where(eq(services.id, x.w.serviceId));
    });
    afterAll(async () => {
      x.t.clock.set('2026-11-20T10:00:00Z');
      x.cm = await signInAs(x.t, x.w.people.caseManager);
    });
    const rowOf = async (invitationId: string) => (await x.t.deps.db.select().from(invitationSends).where(eq(invitationSends.invitationId, invitationId)))[0]!;
    const smsTo = (to: string) => notify.sent.filter((n) => n.to === to);

    it('reminds a child who has not answered once, in Welsh, never at night, then deletes the number', async () => {
      x.t.clock.set('2026-11-20T10:00:00Z');
      const { code, invitationId } = await x.issue('cy');
      await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'cy', channel: 'sms', contact: '07700 900777' });
      await runInvitationSends(x.t.deps);
      expect(smsTo('07700900777')).toHaveLength(1);

      const remindAt = async (when: string) => {
        x.t.clock.set(when);
        await queueDueReminders(x.t.deps.db, x.t.clock);
        await queueDueReminders(x.t.deps.db, x.t.clock); // running twice queues nothing more
        await runInvitationSends(x.t.deps);
        return smsTo('07700900777').length;
      };
      expect(await remindAt('2026-11-22T10:00:00Z')).toBe(1); // 2 days: too early
      expect(await remindAt('2026-11-23T22:30:00Z')).toBe(1); // due since 10:00, but 22:30 in the UK
      expect(await remindAt('2026-11-24T07:59:00Z')).toBe(1);
      expect(await remindAt('2026-11-24T08:00:00Z')).toBe(2);

      const texts = smsTo('07700900777');
      expect(texts).toHaveLength(2);
      expect(texts[1]!.personalisation.message).toMatch(/^Nodyn atgoffa: /);
      expect(texts[1]!.personalisation.message).toContain(`/r/${code}?lang=cy`);
      expect(await rowOf(invitationId)).toMatchObject({ remindersSent: 1, contact: null, message: null });

      expect(await remindAt('2026-12-17T10:00:00Z')).toBe(2); // a day before expiry: the one reminder was used
    });

    it('stops the moment the child opens the link, deleting the number', async () => {
      x.t.clock.set('2026-11-20T10:00:00Z');
      const { code, invitationId } = await x.issue();
      await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: '07700 900888' });
      await runInvitationSends(x.t.deps);
      expect((await rowOf(invitationId)).contact).toBe('07700900888');
      x.t.clock.set('2026-11-21T12:00:00Z');
      expect((await x.t.app.request(`/r/${code}`)).status).toBe(303);
      x.t.clock.set('2026-11-23T12:00:00Z');
      await queueDueReminders(x.t.deps.db, x.t.clock);
      await runInvitationSends(x.t.deps);
      expect((await rowOf(invitationId)).contact).toBeNull();
      expect(smsTo('07700900888')).toHaveLength(1);
    });

    it('does not send a queued reminder once the invitation is withdrawn', async () => {
      x.t.clock.set('2026-11-20T10:00:00Z');
      const { code, invitationId } = await x.issue();
      await x.cm.post(`/staff/invitations/${invitationId}/send`, { code, lang: 'en', channel: 'sms', contact: '07700 900889' });
      await runInvitationSends(x.t.deps);
      x.t.clock.set('2026-11-23T12:00:00Z');
      expect((await queueDueReminders(x.t.deps.db, x.t.clock)).queued).toBeGreaterThan(0);
      const cm = await signInAs(x.t, x.w.people.caseManager); // a new day, a new sign-in
      expect((await cm.post(`/staff/invitations/${invitationId}/revoke`, {})).status).toBe(303);
      await runInvitationSends(x.t.deps);
      expect(smsTo('07700900889')).toHaveLength(1);
      expect((await rowOf(invitationId)).contact).toBeNull();
    });
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
