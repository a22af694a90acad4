// Every staff route this folder and the admin pages own, mounted with one line in app.ts.
import { Hono } from 'hono';
import { adminRoutes } from '../admin/routes.tsx';
import type { AppEnv } from '../deps.ts';
import { accountRoutes } from './account-routes.tsx';
import { linkRoutes } from './link-routes.tsx';
import { setupRoutes } from './setup-routes.tsx';
import { signInRoutes } from './sign-in-routes.tsx';

export const staffRoutes = new Hono<AppEnv>();
staffRoutes.route('/', signInRoutes);
staffRoutes.route('/', accountRoutes);
staffRoutes.route('/', linkRoutes);
staffRoutes.route('/', setupRoutes);
staffRoutes.route('/', adminRoutes);
