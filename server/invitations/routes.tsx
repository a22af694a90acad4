// Invitation routes (staff side).
//   GET  /staff/cases/:id/invitations/new   choose questionnaire, stage and expiry
//   POST /staff/cases/:id/invitations       issue: the code is shown on this response only
//   POST /staff/invitations/:id/slip        the printable slip (the page that showed the code sends it back)
//   GET  /staff/invitations/:id/withdraw    check before withdrawing (or replacing a lost code)
//   POST /staff/invitations/:id/revoke      withdraw
//   POST /staff/invitations/:id/reissue     withdraw and issue a new code in one step
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { notFound } from '../cases/routes.tsx';
import { findCase, type CaseDetail } from '../cases/store.ts';
import type { AppEnv } from '../deps.ts';
import { translator } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { serviceInfo } from '../services/store.ts';
import { invitationUrl, qrSvg } from './link.ts';
import { IssuedPage, IssueFormPage, WithdrawPage } from './pages.tsx';
import { dateIn, invitationSlipsPage } from './slip.tsx';
import type { Stage } from '../../db/schema.ts';
import { invitationMessage, linkIn, MESSAGE_LANGUAGES, type MessageLanguage } from './message.ts';
import { blankIssueForm, invitableQuestionnaires, issueInvitation, reissueInvitation, revokeInvitation, slipFor, withdrawalFor, type InvitableQuestionnaire, type IssueField, type IssueFormValues } from './store.ts';
import { INVITATION_CSS } from './styles.ts';
import { idParam } from '../http/ids.ts';
import { formKeyOf, newFormKey } from '../staff/form-once.ts';
import { sendingChannels } from '../notify/client.ts';
import { SendSection, type SendSectionProps } from './send-pages.tsx';
import { queueSend, SendForm } from './send.ts';
import { sendableFor } from './store.ts';
import { bulkRoutes } from './bulk-routes.tsx';
import { sendHtml } from '../http/compress.ts';

type C = Context<AppEnv>;
const gate = requireStaff('cases.read');
const t = pageTranslator('invitations');

export const invitationRoutes = new Hono<AppEnv>();

/** The page's own few style rules, with the CSP nonce. */
const PageStyle = ({ c }: { c: C }) => <style nonce={c.get('secureHeadersNonce')} dangerouslySetInnerHTML={{ __html: INVITATION_CSS }} />;

async function issueForm(c: C, found: CaseDetail, values: IssueFormValues, errors: { field: IssueField; key: string }[], status: 200 | 400 = 200, formKey = newFormKey()) {
  const choices = await invitableQuestionnaires(c.var.deps.db, c.var.staff.serviceId, found.kind);
  return renderStaffPage(c, {
    title: t('new.title', { reference: found.caseReference }),
    active: 'cases',
    status,
    body: <IssueFormPage t={t} csrf={c.var.csrfToken} caseId={found.id} reference={found.caseReference} caseKind={found.kind} choices={choices} values={values} errors={errors} formKey={formKey} />,
  });
}

invitationRoutes.get('/staff/cases/:id/invitations/new', gate, async (c) => {
  const found = await findCase(c.var.deps.db, c.var.staff, idParam(c));
  if (!found) throw notFound();
  const values = blankIssueForm();
  if (found.closedAt) return issueForm(c, found, values, [{ field: 'questionnaireId', key: 'errors.caseClosed' }]);
  return issueForm(c, found, values, []);
});

/** The page that shows a new code once: link, code, QR, the message in the chosen language, and the slip. */
type IssuedDetails = { invitationId: string; code: string; expiresAt: Date; questionnaire: InvitableQuestionnaire; stage: Stage; language: MessageLanguage };

/** The message in the chosen language, with its link and how long it works. */
async function messageFor(c: C, found: CaseDetail, issued: IssuedDetails) {
  const { db, config } = c.var.deps;
  const info = await serviceInfo(db, c.var.staff.serviceId);
  const lang = issued.language;
  const url = linkIn(invitationUrl(config.publicUrl, issued.code), lang);
  const text = invitationMessage({
    lang,
    caseKind: found.kind,
    questionnaireKind: issued.questionnaire.kind,
    stage: issued.stage,
    worker: c.var.staff.name,
    service: info.name,
    url,
    until: dateIn(lang, issued.expiresAt),
  });
  return { info, url, text };
}

async function issuedPage(c: C, found: CaseDetail, issued: IssuedDetails, send: Pick<SendSectionProps, 'refusal' | 'channel'> = {}) {
  const { config } = c.var.deps;
  const lang = issued.language;
  const ways = sendingChannels(config);
  const { info, url, text: message } = await messageFor(c, found, issued);
  return renderStaffPage(c, {
    title: t('issued.title', { reference: found.caseReference }),
    active: 'cases',
    status: send.refusal ? 400 : 200,
    body: (
      <>
        <PageStyle c={c} />
        <IssuedPage
          t={t}
          csrf={c.var.csrfToken}
          zone={info.timeZone}
          issued={{
            invitationId: issued.invitationId,
            caseId: found.id,
            reference: found.caseReference,
            questionnaireTitle: issued.questionnaire.title,
            code: issued.code,
            url,
            publicUrl: config.publicUrl.replace(/\/+$/, ''),
            qrSvg: await qrSvg(url),
            message,
            expiresAt: issued.expiresAt,
            language: lang,
          }}
          send={<SendSection csrf={c.var.csrfToken} invitationId={issued.invitationId} code={issued.code} lang={lang} channels={{ sms: ways.sms, email: ways.email !== null }} {...send} />}
        />
      </>
    ),
  });
}

invitationRoutes.post('/staff/cases/:id/invitations', gate, async (c) => {
  const found = await findCase(c.var.deps.db, c.var.staff, idParam(c));
  if (!found) throw notFound();
  const body = await c.req.parseBody();
  const issued = await issueInvitation(c.var.deps, c.var.staff, found, body);
  if (issued.ok === 'repeat') return c.redirect(`/staff/cases/${found.id}?done=alreadyIssued`, 303);
  if (!issued.ok) return issueForm(c, found, issued.values, issued.errors, 400, formKeyOf(body) ?? newFormKey());
  return issuedPage(c, found, issued);
});

const SlipForm = z.object({ code: z.string().max(40).catch(''), lang: z.enum(MESSAGE_LANGUAGES).catch('en') });

invitationRoutes.post('/staff/invitations/:id/slip', gate, async (c) => {
  const { db, config } = c.var.deps;
  const { code, lang } = SlipForm.parse(await c.req.parseBody());
  const slip = await slipFor(db, c.var.staff, idParam(c), code);
  if (!slip) throw notFound();
  const slips = [{ code: slip.code, publicUrl: config.publicUrl, audience: slip.caseKind, questionnaireTitle: slip.questionnaireTitles[lang] ?? slip.questionnaireTitle, expiresAt: slip.expiresAt, lang }];
  return sendHtml(c, invitationSlipsPage({ slips, lang, nonce: c.get('secureHeadersNonce') }));
});

invitationRoutes.get('/staff/invitations/:id/withdraw', gate, async (c) => {
  const { db, clock } = c.var.deps;
  const details = await withdrawalFor(db, c.var.staff, idParam(c), clock.now());
  if (!details) throw notFound();
  if (details === 'not_outstanding') {
    return renderStaffPage(c, { title: t('withdraw.notOutstanding'), active: 'cases', body: <p class="notice">{t('withdraw.notOutstanding')}</p> });
  }
  const found = await findCase(db, c.var.staff, details.caseId);
  if (!found) throw notFound();
  const info = await serviceInfo(db, c.var.staff.serviceId);
  return renderStaffPage(c, {
    title: t('withdraw.title', { questionnaire: details.questionnaireTitle }),
    active: 'cases',
    body: <WithdrawPage t={t} csrf={c.var.csrfToken} reference={found.caseReference} details={details} zone={info.timeZone} />,
  });
});

invitationRoutes.post('/staff/invitations/:id/revoke', gate, async (c) => {
  const outcome = await revokeInvitation(c.var.deps, c.var.staff, idParam(c));
  if (!outcome) throw notFound();
  return c.redirect(`/staff/cases/${outcome.caseId}?done=${outcome.kind === 'revoked' ? 'revoked' : 'alreadyFinished'}`, 303);
});

const ReissueForm = z.object({ language: z.enum(MESSAGE_LANGUAGES).catch('en') });

invitationRoutes.post('/staff/invitations/:id/reissue', gate, async (c) => {
  const { language } = ReissueForm.parse(await c.req.parseBody());
  const outcome = await reissueInvitation(c.var.deps, c.var.staff, idParam(c));
  if (!outcome) throw notFound();
  if (outcome.kind === 'not_outstanding') return c.redirect(`/staff/cases/${outcome.caseId}?done=alreadyFinished`, 303);
  const found = await findCase(c.var.deps.db, c.var.staff, outcome.caseId);
  if (!found) throw notFound();
  return issuedPage(c, found, { ...outcome, language: outcome.questionnaire.languages.includes(language) ? language : 'en' });
});

invitationRoutes.post('/staff/invitations/:id/send', gate, async (c) => {
  const { db } = c.var.deps;
  const form = SendForm.parse(await c.req.parseBody());
  const sendable = await sendableFor(db, c.var.staff, idParam(c), form.code);
  if (!sendable) throw notFound();
  const found = await findCase(db, c.var.staff, sendable.caseId);
  if (!found) throw notFound();
  const issued: IssuedDetails = { ...sendable, language: sendable.questionnaire.languages.includes(form.lang) ? form.lang : 'en' };
  if (!form.channel) return issuedPage(c, found, issued, { refusal: 'channel' });
  const { info, text } = await messageFor(c, found, issued);
  const subject = translator(issued.language, 'invitation-send')('subject', { service: info.name });
  const queued = await queueSend(c.var.deps, c.var.staff, {
    invitationId: sendable.invitationId,
    serviceId: c.var.staff.serviceId,
    channel: form.channel,
    rawContact: form.contact,
    language: issued.language,
    subject,
    message: text,
  });
  if (!queued.ok) return issuedPage(c, found, issued, { refusal: queued.refusal, channel: form.channel });
  return c.redirect(`/staff/cases/${found.id}?done=sending`, 303);
});

invitationRoutes.route('/', bulkRoutes);
