// Shared pieces for the email composers: the context they get, what they return, and where a
// thing happened (service name, time zone, area).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, outbox, services } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { resolveSettings } from '../services/settings.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** A row that cannot be sent yet (e.g. nobody to send it to); kept, retried, shown to admins. */
export class Undeliverable extends Error {}

export interface Composed {
  to: StaffPrincipal[];
  /** Addresses outside the staff list (e.g. the service's out-of-hours contact). */
  alsoTo?: string[];
  subject: string;
  text: string;
}

export interface ComposeContext {
  db: Queryable;
  config: Pick<Config, 'publicUrl'>;
}

export type Composer = (ctx: ComposeContext, row: OutboxRow) => Promise<Composed>;

export const mailText = pageTranslator('outbox');

export async function placeOf(db: Queryable, serviceId: string, areaId: string | null) {
  const [service] = await db.select({ name: services.name, settings: services.settings }).from(services).where(eq(services.id, serviceId));
  const [area] = areaId ? await db.select({ name: areas.name }).from(areas).where(eq(areas.id, areaId)) : [];
  const settings = resolveSettings(service?.settings);
  return { service: service?.name ?? '', zone: settings.timeZone, where: area ? mailText('email.where', { area: area.name }) : '' };
}

/** The body followed by the line saying what the email leaves out. */
export const withFooter = (body: string, service: string) => `${body}\n\n${mailText('email.footer', { service })}`;
