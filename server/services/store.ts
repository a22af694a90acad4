// A service as the pages need it: its name, its settings resolved with the defaults (time zone,
// working hours, …) and its areas.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { resolveSettings } from './settings.ts';

/** A service's settings (time zone for showing times, escalation hours). */
export async function serviceSettingsOf(db: Queryable, serviceId: string) {
  const [row] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return resolveSettings(row?.settings);
}

export async function serviceTimeZone(db: Queryable, serviceId: string): Promise<string> {
  return (await serviceSettingsOf(db, serviceId)).timeZone;
}


export interface ServiceInfo {
  name: string;
  timeZone: string;
}

export async function serviceInfo(db: Queryable, serviceId: string): Promise<ServiceInfo> {
  const [row] = await db.select({ name: services.name, settings: services.settings }).from(services).where(eq(services.id, serviceId));
  return { name: row?.name ?? '', timeZone: resolveSettings(row?.settings).timeZone };
}

/** The service's areas, by name. */
export async function areasOf(db: Queryable, serviceId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.serviceId, serviceId)).orderBy(areas.name);
}
