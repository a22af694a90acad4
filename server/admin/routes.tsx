// The admin pages (service admins only), mounted through server/staff/routes.ts.
//   GET /staff/admin   what an admin can do here
import { Hono } from 'hono';
import type { AppEnv } from '../deps.ts';
import { staffText as t } from '../staff/http.ts';
import { requireStaff } from '../staff/session.ts';
import { renderStaffPage } from '../ui/staff-page.tsx';
import { auditRoutes } from './audit-routes.tsx';
import { AdminIndexPage } from './pages/admin-index.tsx';
import { settingsRoutes } from './settings-routes.tsx';
import { userRoutes } from './users-routes.tsx';

export const adminRoutes = new Hono<AppEnv>();

adminRoutes.get('/staff/admin', requireStaff('admin'), (c) =>
  renderStaffPage(c, { title: t('admin.index.title'), active: 'admin', body: <AdminIndexPage t={t} /> }),
);
adminRoutes.route('/', userRoutes);
adminRoutes.route('/', settingsRoutes);
adminRoutes.route('/', auditRoutes);
