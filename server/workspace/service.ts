// What the staff pages need to know about the signed-in person's service.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { resolveSettings } from '../services/settings.ts';

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
