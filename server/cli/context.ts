// What every command gets: the database, the clock, the configuration, somewhere to write, and
// standard input (for a password). A CliError is a refusal the person can act on: its message
// is printed as it is, and the command exits with 1.
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { services } from '../../db/schema.ts';
import type { AuditActor } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { translator } from '../i18n/index.ts';

export const t = translator('en', 'cli');

export interface CliContext {
  db: Database;
  clock: Clock;
  config: Config;
  out(line: string): void;
  readStdin(): Promise<string>;
}

export class CliError extends Error {}

/** Every change made from the command line is audited as the CLI, in the service it changed. */
export const cliActor = (serviceId: string | null): AuditActor => ({ kind: 'cli', serviceId });

export async function serviceBySlug(db: Queryable, slug: string) {
  const [service] = await db.select().from(services).where(eq(services.slug, slug));
  if (!service) throw new CliError(t('errors.unknownService', { slug }));
  return service;
}
