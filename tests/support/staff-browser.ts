// A member of staff's browser for sign-in tests: keeps its cookies, sends our Origin on POSTs,
// follows no redirect (so each one can be asserted), and reads the CSRF token off the page it
// was last shown — the way a real browser submits a staff form.
import { eq, sql } from 'drizzle-orm';
import { staffUsers } from '../../db/schema.ts';
import type { Database } from '../../db/index.ts';
import { hashPassword } from '../../server/staff/password.ts';
import { sessionCookieName } from '../../server/staff/session.ts';
import type { TestApp } from './app.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery staple';

/** Gives a fixture user a password (makeStaff leaves it unset, as an invited account is). */
export async function givePassword(db: Database, userId: string, password = PASSWORD, at = new Date(0)): Promise<void> {
  await db.update(staffUsers).set({ passwordHash: await hashPassword(password), passwordChangedAt: at }).where(eq(staffUsers.id, userId));
}

export const location = (res: Response) => res.headers.get('location') ?? '';

/** The value of a hidden field on a page. */
export function hiddenField(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

export class StaffBrowser {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page that carried one. */
  csrf: string | undefined;
  lastPage = '';

  constructor(
    private readonly t: TestApp,
    /** Extra headers on every request, e.g. `x-forwarded-for` behind TRUST_PROXY. */
    private readonly headers: Record<string, string> = {},
  ) {}

  get sessionToken(): string | undefined {
    return this.cookies.get(sessionCookieName(this.t.deps.config.secureCookies));
  }

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async remember(res: Response): Promise<Response> {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || attrs.some((a) => /^max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
      this.lastPage = await res.clone().text();
      this.csrf = hiddenField(this.lastPage, '_csrf') ?? this.csrf;
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    return this.remember(await this.t.app.request(path, { headers: { ...this.headers, cookie: this.cookieHeader() } }));
  }

  /** A form POST; the CSRF token of the last page is added unless `_csrf` is given. */
  async post(path: string, form: Record<string, string> = {}, opts: { csrf?: boolean } = {}): Promise<Response> {
    const body = new URLSearchParams(form);
    if (opts.csrf !== false && !('_csrf' in form) && this.csrf) body.set('_csrf', this.csrf);
    return this.remember(
      await this.t.app.request(path, {
        method: 'POST',
        body,
        headers: { ...this.headers, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
      }),
    );
  }

  /**
   * Email and password through the real form; the response to the POST. Where the form asks for
   * the service (a Heard hosting several), the person chooses theirs — `service`, or the one their
   * address belongs to.
   */
  async signIn(email: string, password = PASSWORD, next?: string, service?: string): Promise<Response> {
    // The form as a stranger sees it (this browser may hold a session, planted or its own).
    const form = await (await this.t.app.request('/staff/sign-in')).text();
    const chosen = form.includes('id="service"') ? (service ?? (await this.serviceOf(email))) : undefined;
    return this.post('/staff/sign-in', { email, password, ...(next ? { next } : {}), ...(chosen ? { service: chosen } : {}) }, { csrf: false });
  }

  private async serviceOf(email: string): Promise<string | undefined> {
    if (email.includes('\u0000')) return undefined; // no account has one, and PostgreSQL cannot compare it
    const [row] = await this.t.deps.db.select({ serviceId: staffUsers.serviceId }).from(staffUsers).where(sql`lower(${staffUsers.email}) = lower(${email})`);
    return row?.serviceId;
  }

  /** Signs in and loads the account page, so the browser holds a CSRF token. */
  async signedIn(email: string, password = PASSWORD): Promise<this> {
    const res = await this.signIn(email, password);
    if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
    const account = await this.get('/staff/account');
    if (account.status !== 200) throw new Error(`account page: ${account.status}`);
    return this;
  }
}
