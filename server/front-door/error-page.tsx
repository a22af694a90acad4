// Every error page a person sees — not found, not allowed, a bad address, too many tries, our
// own fault — in the respondent pages' frame, in the visitor's language, with links that go
// somewhere: the front door, and for staff their home page.
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { translator } from '../i18n/index.ts';
import { requestLanguage } from '../i18n/request-language.ts';
import { Page, renderPage } from '../respond/pages/layout.tsx';
import { frameOf } from '../respond/routes.tsx';
import { doorPreferences } from './preferences.ts';

const KNOWN = new Set([400, 401, 403, 404, 409, 410, 413, 422, 429, 503]);

export function errorPage(c: Context<AppEnv>, status: number, message: string): string {
  const staff = c.req.path.startsWith('/staff');
  // A signed-in person reads errors in their own language; messages are written in the request's.
  const prefs = { ...doorPreferences(c), lang: requestLanguage() };
  const t = translator(prefs.lang, 'front-door');
  const kind = KNOWN.has(status) ? String(status) : '500';
  return renderPage(
    <Page frame={frameOf(c, prefs)} title={t(`errors.${kind}.title`)}>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      {message && message !== t(`errors.${kind}.body`) && <p>{message}</p>}
      <ul>
        {staff && (
          <li>
            <a href="/staff">{t('errors.staffHome')}</a>
          </li>
        )}
        <li>
          <a href={`/?lang=${prefs.lang}`}>{t('errors.start')}</a>
        </li>
      </ul>
    </Page>,
  );
}
