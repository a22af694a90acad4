// Every staff route this folder owns (sign-in, account, links, set-up), mounted with one line in app.ts.
import { Hono } from 'hono';
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
