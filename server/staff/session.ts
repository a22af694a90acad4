// Staff sessions: a random token in an HttpOnly cookie, only its SHA-256 in `staff_sessions`.
// A session ends when it is idle too long, reaches its absolute age, is signed out (here or
// "everywhere"), or when the user is disabled or changes their password.
import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Queryable } from '../../db/index.ts';
import { staffSessions, staffUsers, type StaffRole } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { isStaffLanguage, useLanguageFromNowOn, type StaffLanguage } from '../i18n/request-language.ts';
import { randomToken, sameSecret, sha256Hex } from '../security/tokens.ts';
import type { StaffPrincipal } from './principal.ts';
import { can, type Action } from './policy.ts';

/** Where a device handed to a child is given back (assisted mode). */
export const HAND_BACK_PATH = '/staff/assisted/hand-back';

/** A session unused for this long ends. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** No session lives longer than a working day. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading a page is not a write every time. */
const TOUCH_EVERY_MS = 60 * 1000;

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to our exact origin and path "/" over https.
  return secure ? '__Host-heard_staff' : 'heard_staff';
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Starts a session with a new random token (never one the browser sent: no session fixation).
 * `lifetimeMs` shortens it, e.g. for the few minutes between a password and a two-step code.
 */
export async function createSession(
  db: Queryable,
  clock: Clock,
  userId: string,
  opts: { awaitingSecondFactor?: boolean; lifetimeMs?: number } = {},
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + Math.min(opts.lifetimeMs ?? SESSION_MAX_MS, SESSION_MAX_MS));
  await db.insert(staffSessions).values({
    idHash: sha256Hex(token),
    userId,
    csrfSecret: csrfToken,
    awaitingSecondFactor: opts.awaitingSecondFactor ?? false,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  principal: StaffPrincipal;
  /** The language the person reads the staff pages in. */
  language: StaffLanguage;
  /** The draft a child is answering on this device, while it is handed over (assisted mode). */
  assistedDraftId: string | null;
  csrfToken: string;
  awaitingSecondFactor: boolean;
}

/** The session a token stands for, or undefined when it is unknown, expired or no longer valid. */
export async function loadSession(db: Queryable, clock: Clock, token: string): Promise<LoadedSession | undefined> {
  const idHash = sha256Hex(token);
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.idHash, idHash));
  if (!row) return undefined;
  const { session, user } = row;
  const now = clock.now().getTime();
  const stale =
    now >= session.expiresAt.getTime() ||
    now - session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    user.disabledAt !== null ||
    (user.passwordChangedAt !== null && user.passwordChangedAt.getTime() > session.createdAt.getTime());
  if (stale) {
    await db.delete(staffSessions).where(eq(staffSessions.idHash, idHash));
    return undefined;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: new Date(now) }).where(eq(staffSessions.idHash, idHash));
  }
  return {
    principal: { kind: 'staff', id: user.id, serviceId: user.serviceId, areaId: user.areaId, role: user.role, name: user.name, email: user.email },
    language: isStaffLanguage(user.language) ? user.language : 'en',
    assistedDraftId: session.assistedDraftId,
    csrfToken: session.csrfSecret,
    awaitingSecondFactor: session.awaitingSecondFactor,
  };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.idHash, sha256Hex(token)));
}

/** Signs a user out on every device (sign-out everywhere, disabling, password reset). */
export async function endAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

/** Marks the second factor as given for this session (TOTP). */
export async function completeSecondFactor(db: Queryable, token: string): Promise<void> {
  await db.update(staffSessions).set({ awaitingSecondFactor: false }).where(and(eq(staffSessions.idHash, sha256Hex(token))));
}

export function setSessionCookie(c: Context<AppEnv>, session: NewSession): void {
  const secure = c.var.deps.config.secureCookies;
  setCookie(c, sessionCookieName(secure), session.token, { path: '/', httpOnly: true, secure, sameSite: 'Lax', expires: session.expiresAt });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = c.var.deps.config.secureCookies;
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c.var.deps.config.secureCookies));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token a form or script sent: the `_csrf` form field or the `x-csrf-token` header. */
export async function sentCsrfToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const value = body['_csrf'];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Where to send someone back to after signing in: only a path on this site. */
export function safeNext(next: string | undefined): string {
  return next && /^\/staff(\/[A-Za-z0-9\-._~%/?=&]*)?$/.test(next) && !next.startsWith('//') ? next : '/staff';
}

/**
 * The gate in front of every staff page: a valid session (with its second factor, if the user
 * has one), a CSRF token on every unsafe request, and — when actions are given — the access
 * policy's leave to do at least one of them. Routes name actions, never roles.
 */
export function requireStaff(...actions: Action[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const session = token ? await loadSession(c.var.deps.db, c.var.deps.clock, token) : undefined;
    if (!session || session.awaitingSecondFactor) {
      if (token && !session) clearSessionCookie(c);
      if (c.req.method === 'GET' && !(c.req.header('accept') ?? '').startsWith('application/json')) {
        const target = session?.awaitingSecondFactor ? '/staff/sign-in/two-factor' : '/staff/sign-in';
        const url = new URL(c.req.url);
        return c.redirect(`${target}?next=${encodeURIComponent(safeNext(url.pathname + url.search))}`, 303);
      }
      throw new ApiError(401, 'signed_out', errorText('signedOut'));
    }
    useLanguageFromNowOn(session.language);
    // Handed to a child: no staff page opens (the back button included) until the worker's password is given.
    if (session.assistedDraftId) {
      c.header('Cache-Control', 'no-store');
      if (c.req.method === 'GET') return c.redirect(HAND_BACK_PATH, 303);
      throw new ApiError(403, 'handed_over', errorText('handedOver'));
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      // A browser says where a request came from; one from another site (or an opaque "null"
      // origin: a sandboxed frame, a data: page) is refused even if it carries a token. Our own
      // pages send `Referrer-Policy: no-referrer`, so Chromium's Origin on their form posts is
      // "null" too: for those, Sec-Fetch-Site (which no page can forge) says "same-origin".
      const from = c.req.header('origin');
      const ours =
        c.req.header('sec-fetch-site') === 'same-origin' ||
        from === undefined ||
        from === new URL(c.req.url).origin ||
        from === new URL(c.var.deps.config.publicUrl).origin;
      const sent = ours ? await sentCsrfToken(c) : undefined;
      if (!sent || !sameSecret(sent, session.csrfToken)) {
        throw new ApiError(403, 'csrf', errorText('csrf'));
      }
    }
    if (actions.length > 0 && !actions.some((a) => can(session.principal, a))) {
      throw new ApiError(403, 'forbidden', errorText('forbidden.page'));
    }
    c.set('staff', session.principal);
    c.set('csrfToken', session.csrfToken);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
