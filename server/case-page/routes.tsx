// The case page, GET /staff/cases/{id}: the case (its view audited) with the parts other
// capabilities own — its invitations, its answers, a victim's contact record. It lives apart from
// cases/ so that cases/ is imported by those capabilities and imports none of them.
import { Hono } from 'hono';
import { notFound, doneOf } from '../cases/routes.tsx';
import { CasePage } from '../cases/pages.tsx';
import { canReassign, possibleOwners, viewCase } from '../cases/store.ts';
import type { AppEnv } from '../deps.ts';
import { idParam } from '../http/ids.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { ResponseTable } from '../inbox/pages.tsx';
import { listResponses } from '../inbox/store.ts';
import { InvitationTable } from '../invitations/pages.tsx';
import { invitationsForCase } from '../invitations/store.ts';
import { serviceInfo } from '../services/store.ts';
import { can, caseKindsFor } from '../staff/policy.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { VictimContactSummary } from '../victims/pages.tsx';
import { victimContactOf } from '../victims/store.ts';

const gate = requireStaff('cases.read');
const t = pageTranslator('cases');

export const casePageRoutes = new Hono<AppEnv>();

casePageRoutes.get('/staff/cases/:id', gate, async (c) => {
  const p = c.var.staff;
  const { db, clock } = c.var.deps;
  const found = await viewCase(c.var.deps, p, idParam(c));
  if (!found) throw notFound();
  const info = await serviceInfo(db, p.serviceId);
  const [invitations, answered, owners, victimContact] = await Promise.all([
    invitationsForCase(db, found, p.serviceId, clock.now()),
    listResponses(db, p, { filter: 'all', page: 1, caseId: found.id, limit: 200 }),
    canReassign(p) ? possibleOwners(db, p, found) : Promise.resolve(undefined),
    found.kind === 'victim' ? victimContactOf(db, found, info.timeZone) : Promise.resolve(undefined),
  ]);
  const ti = pageTranslator('invitations');
  const tr = pageTranslator('inbox');
  const done = doneOf(c);
  return renderStaffPage(c, {
    title: t('view.title', { reference: found.caseReference }),
    active: 'cases',
    body: (
      <CasePage
        t={t}
        csrf={c.var.csrfToken}
        found={found}
        zone={info.timeZone}
        notice={done ? t(`view.${done}`, { reference: found.caseReference, name: found.ownerName ?? '' }) : undefined}
        showKind={caseKindsFor(p).length > 1}
        owners={owners}
        canEnter={can(p, 'responses.enter')}
        victimContact={victimContact && <VictimContactSummary contact={victimContact} href={`/staff/cases/${found.id}/victim-contact`} zone={info.timeZone} />}
        invitations={invitations.length > 0 ? <InvitationTable t={ti} rows={invitations} zone={info.timeZone} /> : <p>{t('view.invitationsNone')}</p>}
        responses={answered.rows.length > 0 ? <ResponseTable t={tr} rows={answered.rows} zone={info.timeZone} showCase={false} showArea={false} /> : <p>{t('view.responsesNone')}</p>}
      />
    ),
  });
});

