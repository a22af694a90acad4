// Invitation routes (staff side).
//   GET  /staff/cases/:id/invitations/new   choose questionnaire, stage and expiry
//   POST /staff/cases/:id/invitations       issue: the code is shown on this response only
//   POST /staff/invitations/:id/slip        the printable slip (the page that showed the code sends it back)
//   POST /staff/invitations/:id/revoke      withdraw
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CASE_ROLES, notFound } from '../cases/routes.tsx';
import { findCase, type CaseDetail } from '../cases/store.ts';
import type { AppEnv } from '../deps.ts';
import { translator } from '../i18n/index.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { formatDate } from '../workspace/format.ts';
import { serviceInfo } from '../workspace/service.ts';
import { invitationUrl, qrSvg } from './link.ts';
import { IssuedPage, IssueFormPage } from './pages.tsx';
import { invitationSlipsPage } from '../print/invitation-slip.tsx';
import { blankIssueForm, invitableQuestionnaires, issueInvitation, revokeInvitation, slipFor, type IssueField, type IssueFormValues } from './store.ts';
import { INVITATION_CSS } from './styles.ts';
import { idParam } from '../http/ids.ts';

type C = Context<AppEnv>;
const gate = requireStaff(...CASE_ROLES);
const t = translator('en', 'invitations');

export const invitationRoutes = new Hono<AppEnv>();

/** The page's own few style rules, with the CSP nonce. */
const PageStyle = ({ c }: { c: C }) => <style nonce={c.get('secureHeadersNonce')} dangerouslySetInnerHTML={{ __html: INVITATION_CSS }} />;

async function issueForm(c: C, found: CaseDetail, values: IssueFormValues, errors: { field: IssueField; key: string }[], status: 200 | 400 = 200) {
  const choices = await invitableQuestionnaires(c.var.deps.db, c.var.staff.serviceId, found.kind);
  return renderStaffPage(c, {
    title: t('new.title', { reference: found.caseReference }),
    active: 'cases',
    status,
    body: <IssueFormPage t={t} csrf={c.var.csrfToken} caseId={found.id} reference={found.caseReference} caseKind={found.kind} choices={choices} values={values} errors={errors} />,
  });
}

invitationRoutes.get('/staff/cases/:id/invitations/new', gate, async (c) => {
  const found = await findCase(c.var.deps.db, c.var.staff, idParam(c));
  if (!found) throw notFound();
  const values = blankIssueForm();
  if (found.closedAt) return issueForm(c, found, values, [{ field: 'questionnaireId', key: 'errors.caseClosed' }]);
  return issueForm(c, found, values, []);
});

invitationRoutes.post('/staff/cases/:id/invitations', gate, async (c) => {
  const p = c.var.staff;
  const { db, config } = c.var.deps;
  const found = await findCase(db, p, idParam(c));
  if (!found) throw notFound();
  const issued = await issueInvitation(c.var.deps, p, found, await c.req.parseBody());
  if (!issued.ok) return issueForm(c, found, issued.values, issued.errors, 400);
  const info = await serviceInfo(db, p.serviceId);
  const url = invitationUrl(config.publicUrl, issued.code);
  const until = formatDate(issued.expiresAt, info.timeZone);
  const message = t(found.kind === 'victim' ? 'message.victim' : 'message.child', { worker: p.name, service: info.name, url, until });
  return renderStaffPage(c, {
    title: t('issued.title', { reference: found.caseReference }),
    active: 'cases',
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
          }}
        />
      </>
    ),
  });
});

const SlipForm = z.object({ code: z.string().max(40).catch('') });

invitationRoutes.post('/staff/invitations/:id/slip', gate, async (c) => {
  const { db, config } = c.var.deps;
  const { code } = SlipForm.parse(await c.req.parseBody());
  const slip = await slipFor(db, c.var.staff, idParam(c), code);
  if (!slip) throw notFound();
  const slips = [{ code: slip.code, publicUrl: config.publicUrl, audience: slip.caseKind, questionnaireTitle: slip.questionnaireTitle, expiresAt: slip.expiresAt }];
  return c.html(invitationSlipsPage({ slips, lang: 'en', nonce: c.get('secureHeadersNonce') }));
});

invitationRoutes.post('/staff/invitations/:id/revoke', gate, async (c) => {
  const outcome = await revokeInvitation(c.var.deps, c.var.staff, idParam(c));
  if (!outcome) throw notFound();
  return c.redirect(`/staff/cases/${outcome.caseId}?done=${outcome.kind === 'revoked' ? 'revoked' : 'alreadyFinished'}`, 303);
});
