// Assisted mode: the worker's own phone or tablet handed to the child.
//   GET  /staff/invitations/{id}/assisted   what will happen, and the button
//   POST /staff/invitations/{id}/assisted   opens the questionnaire here; every staff page locks
//   GET  /staff/assisted/hand-back          the lock (any staff page comes here while handed over)
//   POST /staff/assisted/hand-back          the worker's password unlocks it; then the case page
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { idParam } from '../http/ids.ts';
import { pageTranslator, useLanguageFromNowOn } from '../i18n/request-language.ts';
import { withdrawalFor } from '../invitations/store.ts';
import { draftBase, setDraftCookie } from '../respond/cookies.ts';
import { findCase } from '../cases/store.ts';
import { reauthenticate } from '../staff/account.ts';
import { noStore, sameOriginForm, withinAddressLimit } from '../staff/http.ts';
import { titleWithErrors, type T } from '../staff/pages/form-parts.tsx';
import { HAND_BACK_PATH, loadSession, requireStaff, sessionToken } from '../staff/session.ts';
import { sameSecret } from '../security/tokens.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { handBack, handOver } from './store.ts';
import { HandOverPage, LockedPage } from './pages.tsx';

type C = Context<AppEnv>;
const t = pageTranslator('assisted') as unknown as T;
const notFound = () => new ApiError(404, 'not_found', errorText('notFound.page'));

export const assistedRoutes = new Hono<AppEnv>();

/** The invitation, when this person may see it and it still waits for an answer. */
async function invitationFor(c: C) {
  const { db, clock } = c.var.deps;
  const found = await withdrawalFor(db, c.var.staff, idParam(c), clock.now());
  if (!found) throw notFound();
  return found;
}

assistedRoutes.get('/staff/invitations/:id/assisted', requireStaff('cases.read'), async (c) => {
  const invitation = await invitationFor(c);
  if (invitation === 'not_outstanding') return c.redirect(`/staff/cases?done=alreadyFinished`, 303);
  const found = await findCase(c.var.deps.db, c.var.staff, invitation.caseId);
  if (!found) throw notFound();
  return renderStaffPage(c, {
    title: t('start.title'),
    active: 'cases',
    body: <HandOverPage t={t} csrf={c.var.csrfToken} invitationId={invitation.invitationId} caseId={found.id} questionnaire={invitation.questionnaireTitle} reference={found.caseReference} />,
  });
});

assistedRoutes.post('/staff/invitations/:id/assisted', requireStaff('cases.read'), async (c) => {
  const invitation = await invitationFor(c);
  if (invitation === 'not_outstanding') return c.redirect(`/staff/cases?done=alreadyFinished`, 303);
  const opened = await handOver(c.var.deps.db, c.var.deps.clock, c.var.staff, sessionToken(c)!, { id: invitation.invitationId, caseId: invitation.caseId });
  if (opened.kind !== 'open') return c.redirect(`/staff/cases/${invitation.caseId}?done=alreadyFinished`, 303);
  setDraftCookie(c, opened.draftId, opened.token, opened.expiresAt);
  return c.redirect(draftBase(opened.draftId), 303);
});

/** The session on this device while it is handed over; otherwise where to go instead. */
async function lockedSession(c: C) {
  const token = sessionToken(c);
  const session = token ? await loadSession(c.var.deps.db, c.var.deps.clock, token) : undefined;
  if (!token || !session || session.awaitingSecondFactor) return { kind: 'go', to: '/staff/sign-in' } as const;
  if (!session.assistedDraftId) return { kind: 'go', to: '/staff' } as const;
  useLanguageFromNowOn(session.language);
  return { kind: 'locked', token, session, draftId: session.assistedDraftId } as const;
}

function lockedPage(c: C, worker: string, csrf: string, draftId: string, error?: string) {
  noStore(c);
  return renderStaffPage(c, {
    title: titleWithErrors(t, t('locked.title'), error ? { password: error } : {}),
    status: error ? 400 : 200,
    body: <LockedPage t={t} csrf={csrf} worker={worker} draftPath={draftBase(draftId)} error={error} />,
  });
}

assistedRoutes.get(HAND_BACK_PATH, async (c) => {
  const locked = await lockedSession(c);
  if (locked.kind === 'go') return c.redirect(locked.to, 303);
  return lockedPage(c, locked.session.principal.name, locked.session.csrfToken, locked.draftId);
});

const HandBackForm = z.object({ _csrf: z.string().max(200).default(''), password: z.string().max(200).default('') });

assistedRoutes.post(HAND_BACK_PATH, sameOriginForm, async (c) => {
  const locked = await lockedSession(c);
  if (locked.kind === 'go') return c.redirect(locked.to, 303);
  const { session, token, draftId } = locked;
  const form = HandBackForm.parse(await c.req.parseBody());
  if (!sameSecret(form._csrf, session.csrfToken)) throw new ApiError(403, 'csrf', errorText('csrf'));
  const { db, clock } = c.var.deps;
  if (!form.password) return lockedPage(c, session.principal.name, session.csrfToken, draftId, 'locked.errors.missing');
  if (!(await withinAddressLimit(c))) return lockedPage(c, session.principal.name, session.csrfToken, draftId, 'locked.errors.tooMany');
  if (!(await reauthenticate(db, clock, session.principal, form.password))) return lockedPage(c, session.principal.name, session.csrfToken, draftId, 'locked.errors.wrong');
  const back = await handBack(db, clock, session.principal, token, draftId);
  return c.redirect(back.caseId ? `/staff/cases/${back.caseId}?done=${back.sent ? 'handedBackSent' : 'handedBackStopped'}` : '/staff', 303);
});
