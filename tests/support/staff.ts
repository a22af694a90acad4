// Requests as a signed-in member of staff, through the real session and CSRF checks.
import type { staffUsers } from '../../db/schema.ts';
import { createSession, sessionCookieName } from '../../server/staff/session.ts';
import type { TestApp } from './app.ts';

type StaffRow = typeof staffUsers.$inferSelect;

export interface StaffClient {
  cookie: string;
  csrf: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A form POST with the CSRF token added (unless `_csrf` is given). */
  post(path: string, form?: Record<string, string | string[]>, init?: RequestInit): Promise<Response>;
  /** A JSON request with the CSRF header. */
  json(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function signInAs(t: TestApp, user: Pick<StaffRow, 'id'>): Promise<StaffClient> {
  const session = await createSession(t.deps.db, t.deps.clock, user.id);
  const cookie = `${sessionCookieName(t.deps.config.secureCookies)}=${session.token}`;
  const origin = new URL(t.deps.config.publicUrl).origin;
  const request = async (path: string, init: RequestInit = {}): Promise<Response> =>
    t.app.request(path, { ...init, headers: { cookie, origin, ...(init.headers as Record<string, string> | undefined) } });
  return {
    cookie,
    csrf: session.csrfToken,
    get: (path, init) => request(path, init),
    post: (path, form = {}, init) => {
      const body = new URLSearchParams();
      if (!('_csrf' in form)) body.append('_csrf', session.csrfToken);
      for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      return request(path, { method: 'POST', body, ...init, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(init?.headers as Record<string, string> | undefined) } });
    },
    json: (method, path, body) =>
      request(path, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrfToken },
      }),
  };
}
