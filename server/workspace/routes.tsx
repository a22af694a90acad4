// The staff workspace: the home page (/staff), with what needs attention for the signed-in person.
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { areas } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { listResponses } from '../inbox/store.ts';
import { can, caseKindsFor } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { attentionFor, worksWithCases } from './attention.ts';
import { HomePage } from './pages.tsx';
import { serviceInfo } from '../services/store.ts';

const t = pageTranslator('workspace');
const LATEST = 5;

function shortcutsFor(p: StaffPrincipal): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  const kinds = caseKindsFor(p);
  if (kinds.length > 0) links.push({ href: '/staff/cases/new', label: t(kinds.length === 1 && kinds[0] === 'victim' ? 'shortcuts.newVictim' : 'shortcuts.newCase') });
  if (can(p, 'responses.enter')) links.push({ href: '/staff/responses/enter', label: t('shortcuts.enter') });
  if (can(p, 'tellus.handle')) links.push({ href: '/staff/tell-us', label: t('shortcuts.tellUs') });
  if (can(p, 'yousaid.manage')) links.push({ href: '/staff/you-said-we-did', label: t('shortcuts.youSaid') });
  if (can(p, 'reports.view')) links.push({ href: '/staff/reports', label: t('shortcuts.reports') });
  return links;
}

export const workspaceRoutes = new Hono<AppEnv>();

workspaceRoutes.get('/staff', requireStaff(), async (c) => {
  const p = c.var.staff;
  const { db, clock } = c.var.deps;
  const info = await serviceInfo(db, p.serviceId);
  const attention = await attentionFor(db, p, clock.now(), info.timeZone);
  const latest = worksWithCases(p) && (attention.responses?.unreviewed ?? 0) > 0 ? (await listResponses(db, p, { filter: 'unreviewed', page: 1, limit: LATEST })).rows : [];
  if (latest.length > 0) await recordAudit(db, clock, { actor: p, action: 'response.list', subjectType: 'response', detail: { count: latest.length, where: 'home' } });
  const [area] = p.areaId ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, p.areaId)) : [];
  return renderStaffPage(c, {
    title: t('title'),
    active: 'home',
    body: (
      <HomePage
        t={t}
        tStaff={pageTranslator('staff')}
        tInbox={pageTranslator('inbox')}
        staff={p}
        areaName={area?.name ?? null}
        attention={attention}
        latest={latest}
        zone={info.timeZone}
        links={shortcutsFor(p)}
      />
    ),
  });
});

