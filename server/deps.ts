import type { Database } from '../db/index.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { StaffPrincipal } from './staff/principal.ts';
import type { StaffFrameParts } from './ui/staff-page.tsx';

/** Everything the app needs from outside, passed in plainly so tests use the real thing. */
export interface AppDeps {
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
  /** How many migrations this build expects to be applied (for /readyz). */
  expectedMigrations?: number;
}

/** The Hono environment every route shares. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set on staff and API routes once the request is authenticated. */
    staff: StaffPrincipal;
    /** Staff session details, for CSRF tokens in forms. */
    csrfToken: string;
    /** The staff frame's navigation and banner, given by the composition (app.ts). */
    staffFrame: StaffFrameParts;
  };
}
