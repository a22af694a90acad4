// API v1: every route behind a bearer token (never a session cookie), JSON in and out, errors
// as `{ error: { code, message, issues? } }`. The public JSON Schema of the definition format
// (/api/v1/schema/questionnaire.json) is served by the questionnaire routes, mounted first.
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { alertApi } from './alerts.ts';
import { requireApiToken } from './auth.ts';
import { importApi } from './imports.ts';
import { openApiDocument } from './openapi.ts';
import { invitationApi } from './invitations.ts';
import { questionnaireApi } from './questionnaires.ts';
import { reportApi } from './reports.ts';
import { responseApi } from './responses.ts';
import { tokenAdminRoutes } from './token-routes.tsx';
import { victimContactApi } from './victim-contacts.ts';

const v1 = new Hono<AppEnv>();
v1.use('*', requireApiToken);
v1.route('/', questionnaireApi);
v1.route('/', invitationApi);
v1.route('/', importApi);
v1.route('/', responseApi);
v1.route('/', alertApi);
v1.route('/', reportApi);
v1.route('/', victimContactApi);

export const apiRoutes = new Hono<AppEnv>();
// The description of the API is public, like the definition format's schema: it holds nothing about anyone.
apiRoutes.get('/api/v1/openapi.json', (c) => {
  c.header('Cache-Control', 'public, max-age=3600');
  return c.json(openApiDocument(c.var.deps.config.publicUrl));
});
apiRoutes.route('/api/v1', v1);
// The admin page that issues and revokes tokens (a staff page, behind a session and CSRF).
apiRoutes.route('/', tokenAdminRoutes);
