// A service's settings as stored, resolved with the defaults (time zone, working hours, …).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { services } from '../../db/schema.ts';
import { resolveSettings } from './settings.ts';

/** A service's settings (time zone for showing times, escalation hours). */
export async function serviceSettingsOf(db: Queryable, serviceId: string) {
  const [row] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return resolveSettings(row?.settings);
}

export async function serviceTimeZone(db: Queryable, serviceId: string): Promise<string> {
  return (await serviceSettingsOf(db, serviceId)).timeZone;
}
