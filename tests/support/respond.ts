// Helpers for the respondent journey tests: an invitation issued the way CASEWORK does it, and
// a tiny browser (a cookie jar that follows nothing, so every redirect can be asserted).
import { invitations } from '../../db/schema.ts';
import type { Database } from '../../db/index.ts';
import { generateInvitationCode, hashCode } from '../../server/respond/codes.ts';
import type { TestApp } from './app.ts';

export async function makeInvitation(
  db: Database,
  opts: { serviceId: string; areaId: string; caseId: string; questionnaireId: string; expiresAt: Date; revokedAt?: Date; stage?: 'start' | 'review' | 'end' | 'none' },
) {
  const code = generateInvitationCode();
  const [row] = await db
    .insert(invitations)
    .values({ serviceId: opts.serviceId, areaId: opts.areaId, caseId: opts.caseId, questionnaireId: opts.questionnaireId, codeHash: hashCode(code), expiresAt: opts.expiresAt, revokedAt: opts.revokedAt, stage: opts.stage ?? 'end' })
    .returning();
  return { code, invitation: row! };
}

export const ORIGIN = 'http://localhost';

/** One respondent's browser: keeps cookies (by path), sends our Origin on POSTs. */
export class Respondent {
  private cookies = new Map<string, { value: string; path: string }>();
  constructor(private readonly t: TestApp, private readonly headers: Record<string, string> = {}) {}

  cookieHeader(path: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map(([k, c]) => `${k}=${c.value}`)
      .join('; ');
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^max-age=0$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(path, ORIGIN);
    const res = await this.t.app.request(path, { headers: { ...this.headers, cookie: this.cookieHeader(url.pathname), ...headers } });
    this.remember(res);
    return res;
  }

  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const url = new URL(path, ORIGIN);
    const res = await this.t.app.request(path, {
      method: 'POST',
      body,
      headers: { ...this.headers, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(url.pathname), ...headers },
    });
    this.remember(res);
    return res;
  }

  async postJson(path: string, json: unknown): Promise<Response> {
    const url = new URL(path, ORIGIN);
    const res = await this.t.app.request(path, {
      method: 'POST',
      body: JSON.stringify(json),
      headers: { ...this.headers, accept: 'application/json', 'content-type': 'application/json', cookie: this.cookieHeader(url.pathname) },
    });
    this.remember(res);
    return res;
  }

  forget(): void {
    this.cookies.clear();
  }

  /** A cookie this browser already holds (a staff session on the worker's own device). */
  addCookie(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path });
  }
}

export const location = (res: Response) => res.headers.get('location') ?? '';
