// Signing in and out.
//   GET/POST /staff/sign-in              email and password (?next= only to our own /staff pages)
//   GET/POST /staff/sign-in/two-factor   the authenticator code, for users who have one
//   POST     /staff/sign-out             ends this session
// Every successful step starts a session with a new token, so a token planted before sign-in
// (session fixation) is never the one that gets signed in.
import { asc, eq } from 'drizzle-orm';
import { services, staffUsers } from '../../db/schema.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { chosenLanguage } from '../i18n/request-language.ts';
import { sameSecret } from '../security/tokens.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { recordSignOut } from './account.ts';
import { rememberDevice, trustedDevice } from './device.ts';
import { fieldErrors, formFields, SignInForm, TwoFactorForm } from './forms.ts';
import { clientTag, noStore, sameOriginForm, staffText as t, withinAddressLimit, withStatus } from './http.ts';
import { titleWithErrors } from './pages/form-parts.tsx';
import { SignInPage, TwoFactorPage, type SignInNotice } from './pages/sign-in-pages.tsx';
import {
  clearSessionCookie,
  createSession,
  endSession,
  loadSession,
  safeNext,
  sentCsrfToken,
  sessionToken,
  setSessionCookie,
} from './session.ts';
import { needsSetup } from './setup.ts';
import { checkPassword, checkSecondFactor, type SignInOutcome } from './sign-in.ts';

type C = Context<AppEnv>;

/** Between the password and the code: long enough to find a phone, short enough to matter. */
const SECOND_FACTOR_MS = 10 * 60 * 1000;

const NOTICES = ['signed-out', 'signed-out-everywhere', 'password-set'] as const;
const SignInQuery = z.object({ next: z.string().max(2000).optional(), notice: z.enum(NOTICES).optional().catch(undefined) });

export const signInRoutes = new Hono<AppEnv>();

async function currentSession(c: C) {
  const token = sessionToken(c);
  const session = token ? await loadSession(c.var.deps.db, c.var.deps.clock, token) : undefined;
  return { token, session };
}

/** The services of this Heard, by name: one for most installs, several when it hosts more. */
const servicesHere = (c: C) => c.var.deps.db.select({ id: services.id, name: services.name }).from(services).orderBy(asc(services.name));

async function signInPage(c: C, p: { next: string; email?: string; service?: string; errors?: Record<string, string>; notice?: SignInNotice; status?: number }) {
  const errors = p.errors ?? {};
  const here = await servicesHere(c);
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('signIn.title'), errors),
    body: <SignInPage t={t} next={p.next} email={p.email} errors={errors} notice={p.notice} offerSetup={await needsSetup(c.var.deps.db)} services={here.length > 1 ? here : undefined} service={p.service} />,
  });
  return p.status ? withStatus(page, p.status) : page;
}

async function twoFactorPage(c: C, p: { next: string; csrfToken: string; errors?: Record<string, string>; status?: number }) {
  const errors = p.errors ?? {};
  const page = await renderStaffPage(c, {
    title: titleWithErrors(t, t('twoFactor.title'), errors),
    body: <TwoFactorPage t={t} next={p.next} csrfToken={p.csrfToken} errors={errors} />,
  });
  return p.status ? withStatus(page, p.status) : page;
}

/** A failed step: the same message for every kind of wrong, another for a lock. */
const failure = (outcome: SignInOutcome, field: string) =>
  outcome.kind === 'locked' ? { errors: { [field]: 'errors.locked' }, status: 429 } : { errors: { [field]: 'errors.signInWrong' }, status: 401 };

signInRoutes.get('/staff/sign-in', async (c) => {
  noStore(c);
  const query = SignInQuery.parse(c.req.query());
  const next = safeNext(query.next);
  const { session } = await currentSession(c);
  if (session && !session.awaitingSecondFactor) return c.redirect(next, 303);
  return signInPage(c, { next, notice: query.notice });
});

signInRoutes.post('/staff/sign-in', sameOriginForm, async (c) => {
  noStore(c);
  const { db, clock, config } = c.var.deps;
  const body = formFields(await c.req.parseBody());
  const next = safeNext(body.next);
  const parsed = SignInForm.safeParse({ email: body.email ?? '', password: body.password ?? '' });
  const here = await servicesHere(c);
  // One service: it is that one. Several: the person says which (an address may work for more than one).
  const service = here.length === 1 ? here[0] : here.find((s) => s.id === body.service);
  const serviceError: Record<string, string> = here.length > 1 && !service ? { service: 'errors.serviceMissing' } : {};
  if (!parsed.success || !service) return signInPage(c, { next, email: body.email, service: body.service, errors: { ...serviceError, ...(parsed.success ? {} : fieldErrors(parsed.error)) }, status: 400 });
  if (!(await withinAddressLimit(c))) return signInPage(c, { next, email: parsed.data.email, service: service.id, errors: { email: 'errors.tooManyFromAddress' }, status: 429 });

  const outcome = await checkPassword(db, clock, { ...parsed.data, serviceId: service.id, client: clientTag(c), device: trustedDevice(c), secret: config.sessionSecret });
  if (outcome.kind === 'wrong' || outcome.kind === 'locked') return signInPage(c, { next, email: parsed.data.email, service: service.id, ...failure(outcome, 'email') });

  // A language chosen on the sign-in page becomes the person's own, on every device from now on.
  const chosen = chosenLanguage();
  if (chosen) await db.update(staffUsers).set({ language: chosen }).where(eq(staffUsers.id, outcome.user.id));
  // Whatever session this browser had (someone else's, or one planted on it) ends here.
  const { token: old } = await currentSession(c);
  if (old) await endSession(db, old);
  if (outcome.kind === 'second_factor') {
    setSessionCookie(c, await createSession(db, clock, outcome.user.id, { awaitingSecondFactor: true, lifetimeMs: SECOND_FACTOR_MS }));
    return c.redirect(`/staff/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
  }
  setSessionCookie(c, await createSession(db, clock, outcome.user.id));
  rememberDevice(c, outcome.user.id);
  return c.redirect(next, 303);
});

signInRoutes.get('/staff/sign-in/two-factor', async (c) => {
  noStore(c);
  const next = safeNext(SignInQuery.parse(c.req.query()).next);
  const { session } = await currentSession(c);
  if (!session) return c.redirect(`/staff/sign-in?next=${encodeURIComponent(next)}`, 303);
  if (!session.awaitingSecondFactor) return c.redirect(next, 303);
  return twoFactorPage(c, { next, csrfToken: session.csrfToken });
});

signInRoutes.post('/staff/sign-in/two-factor', sameOriginForm, async (c) => {
  noStore(c);
  const { db, clock, config } = c.var.deps;
  const { token, session } = await currentSession(c);
  const body = formFields(await c.req.parseBody());
  const next = safeNext(body.next);
  if (!token || !session || !session.awaitingSecondFactor) {
    if (token) clearSessionCookie(c);
    return c.redirect(`/staff/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  if (!body._csrf || !sameSecret(body._csrf, session.csrfToken)) throw new ApiError(403, 'csrf', t('errors.csrf'));
  const parsed = TwoFactorForm.safeParse({ code: body.code ?? '' });
  if (!parsed.success) return twoFactorPage(c, { next, csrfToken: session.csrfToken, errors: fieldErrors(parsed.error), status: 400 });
  if (!(await withinAddressLimit(c))) return twoFactorPage(c, { next, csrfToken: session.csrfToken, errors: { code: 'errors.tooManyFromAddress' }, status: 429 });

  const outcome = await checkSecondFactor(db, clock, { userId: session.principal.id, code: parsed.data.code, client: clientTag(c), device: trustedDevice(c), secret: config.sessionSecret });
  if (outcome.kind === 'locked') {
    // Locked between the two steps: this half-signed-in session is of no more use.
    await endSession(db, token);
    clearSessionCookie(c);
    return signInPage(c, { next, ...failure(outcome, 'email') });
  }
  if (outcome.kind !== 'signed_in') return twoFactorPage(c, { next, csrfToken: session.csrfToken, errors: { code: 'errors.codeWrong' }, status: 401 });
  await endSession(db, token);
  setSessionCookie(c, await createSession(db, clock, outcome.user.id));
  rememberDevice(c, outcome.user.id);
  return c.redirect(next, 303);
});

signInRoutes.post('/staff/sign-out', sameOriginForm, async (c) => {
  noStore(c);
  const { db, clock } = c.var.deps;
  const { token, session } = await currentSession(c);
  if (token && session) {
    const sent = await sentCsrfToken(c);
    if (!sent || !sameSecret(sent, session.csrfToken)) throw new ApiError(403, 'csrf', t('errors.csrf'));
    await endSession(db, token);
    await recordSignOut(db, clock, session.principal);
  }
  clearSessionCookie(c);
  return c.redirect('/staff/sign-in?notice=signed-out', 303);
});
