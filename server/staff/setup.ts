// First run on an empty database: one set-up that creates the service, its areas and the first
// admin. It is only offered while no service exists, and needs a one-time link that Heard
// prints to its console (standard error) when it starts — never to the JSON log, which is
// shipped to log stores that more people read. So whoever reaches a new server first cannot
// claim it; only whoever runs it can. Two set-ups at once: an advisory lock held by the
// transaction makes the second wait, then find a service and stop.
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { areas, services, staffInvites, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { issueLink, useLink } from './one-time-links.ts';
import { hashPassword } from './password.ts';
import { principalOf, staffUserByEmail, type StaffUserRow } from './staff-user.ts';
import { distinctSlugs, slugify } from './slugs.ts';

/** Any constant: every set-up takes the same lock. */
const SETUP_LOCK = 7_220_451_193;

export async function needsSetup(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(services);
  return (row?.n ?? 0) === 0;
}

/**
 * At start-up on an empty database: a fresh set-up link for the console. Any earlier unused one
 * stops working, so only the link printed by the running process opens set-up.
 */
export async function setupLinkAtStart(db: Database, clock: Clock): Promise<{ token: string; expiresAt: Date } | undefined> {
  if (!(await needsSetup(db))) return undefined;
  const now = clock.now();
  await db
    .update(staffInvites)
    .set({ expiresAt: now })
    .where(and(eq(staffInvites.purpose, 'setup'), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)));
  return issueLink(db, clock, { purpose: 'setup' });
}

export interface SetupInput {
  serviceName: string;
  areas: string[];
  name: string;
  email: string;
  password: string;
}

export type SetupResult = { kind: 'done'; admin: StaffUserRow } | { kind: 'already_set_up' } | { kind: 'link_not_valid' } | { kind: 'email_taken' };

export async function completeSetup(db: Database, clock: Clock, token: string, input: SetupInput): Promise<SetupResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (!(await needsSetup(tx))) return { kind: 'already_set_up' } as const;
    if (!(await useLink(tx, clock, 'setup', token))) return { kind: 'link_not_valid' } as const;
    const now = clock.now();
    const serviceSlug = slugify(input.serviceName, 'service');
    const [service] = await tx.insert(services).values({ slug: serviceSlug, name: input.serviceName, createdAt: now }).returning();
    const slugs = distinctSlugs(input.areas, [serviceSlug]);
    await tx.insert(areas).values(input.areas.map((name, i) => ({ serviceId: service!.id, name, slug: slugs[i]!, createdAt: now })));
    const [admin] = await tx
      .insert(staffUsers)
      .values({ serviceId: service!.id, role: 'service_admin', name: input.name, email: input.email, passwordHash, passwordChangedAt: now, createdAt: now })
      .returning();
    await recordAudit(tx, clock, {
      actor: principalOf(admin!),
      action: 'setup.complete',
      subjectType: 'service',
      subjectId: service!.id,
      detail: { service: input.serviceName, areas: input.areas },
    });
    return { kind: 'done', admin: admin! } as const;
  });
}
