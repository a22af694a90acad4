import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './deps.ts';
import { healthRoutes } from './health/routes.ts';
import { ApiError, handleError, errorText } from './http/errors.ts';
import { refuseNul } from './http/refuse-nul.ts';
import { exceptPaths, limitBody } from './http/body-limit.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticAssets } from './http/static-assets.ts';
import { faviconRoutes } from './http/favicon.ts';
import { errorPage } from './front-door/error-page.tsx';
import { chosenDoorLanguage, doorLanguage } from './front-door/preferences.ts';
import { fromAcceptLanguage, languageScope } from './i18n/request-language.ts';
import { frontDoorRoutes } from './front-door/routes.tsx';
import { respondRoutes } from './respond/routes.tsx';
import { staffRoutes } from './staff/routes.ts';
import { adminRoutes } from './admin/routes.tsx';
import { paperRoutes } from './paper/routes.tsx';
import { printRoutes } from './print/routes.tsx';
import { alertRoutes } from './alerts/routes.tsx';
import { alertSettingsRoutes } from './alerts/settings-routes.tsx';
import { handOverRoutes } from './cases/hand-over-routes.tsx';
import { assistedRoutes } from './assisted/routes.tsx';
import { victimRoutes } from './victims/routes.tsx';
import { outboxAdminRoutes } from './outbox/admin-routes.tsx';
import { questionnaireRoutes } from './questionnaire/routes.ts';
import { workspaceRoutes } from './workspace/routes.tsx';
import { caseRoutes } from './cases/routes.tsx';
import { casePageRoutes } from './case-page/routes.tsx';
import { inboxRoutes } from './inbox/routes.tsx';
import { invitationRoutes } from './invitations/routes.tsx';
import { privacyRoutes } from './privacy/routes.tsx';
import { reportRoutes } from './reports/routes.tsx';
import { tellUsRoutes } from './tell-us/routes.tsx';
import { complaintRoutes } from './complaints/routes.tsx';
import { apiRoutes } from './api/routes.ts';
import { questionnaireAdminRoutes } from './questionnaires-admin/routes.tsx';
import { exportRoutes } from './export/routes.tsx';
import { importRoutes, LARGE_BODY_PATHS } from './import/routes.tsx';
import { commentRoutes } from './comments/routes.tsx';
import { youSaidWeDidRoutes } from './you-said-we-did/routes.tsx';
import { participationRoutes } from './participation/routes.tsx';
import { builderRoutes } from './builder/routes.tsx';
import { alertsBannerLoader } from './alerts/banner.tsx';
import { sectionsFor } from './staff/sections.ts';
import type { StaffFrameParts } from './ui/staff-page.tsx';

/** Every staff page's navigation (from the access policy) and the open-alerts banner above it. */
const STAFF_FRAME: StaffFrameParts = { sections: sectionsFor, banner: alertsBannerLoader };

/** Composes the whole app around its dependencies. Routes live with their capability. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('staffFrame', STAFF_FRAME);
    await next();
  });
  app.use(requestLog);
  // Staff pages and error messages in the person's language: the browser's choice until they sign in.
  app.use(languageScope((c) => (c.req.path.startsWith('/api/') ? fromAcceptLanguage(c.req.header('accept-language')) ?? 'en' : doorLanguage(c)), chosenDoorLanguage));
  app.use(securityHeaders(deps.config.secureCookies));
  app.use(compress());
  // Bodies are small everywhere; CSV imports get their own larger limit on their route.
  app.use(
    exceptPaths(LARGE_BODY_PATHS, limitBody({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', errorText('tooLarge'));
      },
    })),
  );
  // PostgreSQL holds no NUL: a 400, not a 500 (respondent pages clean it instead). Imports read
  // their own body after their own, larger limit, and clean the file's text as they parse it.
  app.use(exceptPaths(LARGE_BODY_PATHS, refuseNul(['/staff', '/api/'])));
  app.onError((err, c) => handleError(err, c, errorPage));

  app.route('/', healthRoutes);
  app.route('/', staticAssets);
  app.route('/', faviconRoutes); // /favicon.svg, /favicon.ico
  // capability routes are mounted below, one line each
  app.route('/', respondRoutes);
  app.route('/', frontDoorRoutes); // /: the service's front door (or a chooser), /services/{slug}
  app.route('/', staffRoutes); // /staff/sign-in, /staff/account, /staff/invite|reset|setup/…
  app.route('/', adminRoutes); // /staff/admin…: people, settings, the audit log
  app.route('/', printRoutes); // /print/… cards and posters, /qr/… images of our own links
  app.route('/', paperRoutes); // /staff/print/paper… paper questionnaires
  app.route('/', alertRoutes).route('/', outboxAdminRoutes);
  app.route('/', handOverRoutes); // /staff/caseloads/hand-over: a whole caseload to another worker
  app.route('/', assistedRoutes); // /staff/invitations/{id}/assisted, /staff/assisted/hand-back: the worker's device handed to the child
  app.route('/', victimRoutes); // /staff/cases/{id}/victim-contact: a victim's contact and restorative justice
  app.route('/', alertSettingsRoutes); // /staff/admin/alert-settings: working hours, out of hours, outcomes
  app.route('/', questionnaireRoutes);
  app.route('/', workspaceRoutes); // /staff: the home page
  app.route('/', caseRoutes).route('/', casePageRoutes).route('/', invitationRoutes).route('/', inboxRoutes); // /staff/cases…, /staff/invitations…, /staff/responses…
  app.route('/', tellUsRoutes).route('/', complaintRoutes); // /staff/tell-us…, /staff/complaints…
  app.route('/', apiRoutes); // after questionnaireRoutes, whose public /api/v1/schema/… needs no token
  app.route('/', questionnaireAdminRoutes);
  app.route('/', importRoutes);
  app.route('/', exportRoutes);
  app.route('/', commentRoutes); // /staff/comments…
  app.route('/', youSaidWeDidRoutes); // /you-said-we-did/{place}, /staff/you-said-we-did…
  app.route('/', participationRoutes); // /staff/participation-pack: the quarter's pack for the Participation Group
  app.route('/', reportRoutes); // /staff/reports…
  app.route('/', builderRoutes); // /staff/builder… the step-by-step questionnaire builder
  app.route('/', privacyRoutes); // /staff/admin/privacy: subject access and erasure

  app.notFound((c) => handleError(new ApiError(404, 'not_found', errorText('notFound.page')), c, errorPage));
  return app;
}

export type App = ReturnType<typeof createApp>;
