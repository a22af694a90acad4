import type { Database } from '../index.ts';
import { areas, services, staffUsers, type StaffRole } from '../schema.ts';

export const DEMO_PASSWORD = 'heard-demo-password';

export const DEMO_SERVICE = { slug: 'riverside', name: 'Riverside Youth Justice Service' };
export const DEMO_AREAS = [
  { slug: 'northbrook', name: 'Northbrook' },
  { slug: 'eastmoor', name: 'Eastmoor' },
  { slug: 'southvale', name: 'Southvale' },
  { slug: 'westfield', name: 'Westfield' },
] as const;

/** One account per role; area-scoped roles work in the first area. */
export const DEMO_STAFF: { email: string; name: string; role: StaffRole; area?: string }[] = [
  { email: 'admin@riverside.example', name: 'Alex Admin', role: 'service_admin' },
  { email: 'manager@riverside.example', name: 'Morgan Manager', role: 'team_manager', area: 'northbrook' },
  { email: 'case@riverside.example', name: 'Casey Worker', role: 'case_manager', area: 'northbrook' },
  { email: 'case2@riverside.example', name: 'Jordan Worker', role: 'case_manager', area: 'eastmoor' },
  { email: 'victims@riverside.example', name: 'Vic Liaison', role: 'victim_liaison' },
  { email: 'participation@riverside.example', name: 'Pat Participation', role: 'participation_lead' },
  { email: 'board@riverside.example', name: 'Bea Board', role: 'board_member' },
];

export interface DemoService {
  serviceId: string;
  areaIds: Record<string, string>;
  staffIds: Record<string, string>;
}

export async function seedDemoService(db: Database, passwordHash: string): Promise<DemoService> {
  return db.transaction(async (tx) => {
    const [service] = await tx.insert(services).values(DEMO_SERVICE).returning({ id: services.id });
    const serviceId = service!.id;
    const areaRows = await tx
      .insert(areas)
      .values(DEMO_AREAS.map((a) => ({ ...a, serviceId })))
      .returning({ id: areas.id, slug: areas.slug });
    const areaIds = Object.fromEntries(areaRows.map((a) => [a.slug, a.id]));
    const staffRows = await tx
      .insert(staffUsers)
      .values(
        DEMO_STAFF.map((s) => ({
          serviceId,
          email: s.email,
          name: s.name,
          role: s.role,
          areaId: s.area ? areaIds[s.area] : null,
          passwordHash,
          passwordChangedAt: new Date(),
        })),
      )
      .returning({ id: staffUsers.id, email: staffUsers.email });
    const staffIds = Object.fromEntries(staffRows.map((s) => [s.email, s.id]));
    return { serviceId, areaIds, staffIds };
  });
}
