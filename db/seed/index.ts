import { count } from 'drizzle-orm';
import type { Clock } from '../../server/clock.ts';
import { installBuiltins } from '../../server/questionnaire/store.ts';
import { hashPassword } from '../../server/staff/password.ts';
import type { Database } from '../index.ts';
import { services } from '../schema.ts';
import { seedDemoResponses } from './demo-responses.ts';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoService, type DemoService } from './demo-service.ts';

/** A later step of the demo seed (questionnaires, responses, …), run in order. */
export type DemoSeedStep = (db: Database, demo: DemoService, clock: Clock) => Promise<void>;

const steps: DemoSeedStep[] = [
  // The built-in instruments (End of Order, self-assessment, Tell Us, victims, parents/carers).
  async (db, demo) => {
    await installBuiltins(db, demo.serviceId);
  },
  // A year of feedback for the reports, through the real submission pipeline.
  seedDemoResponses,
];

export interface SeedResult {
  seeded: boolean;
  signIn?: { email: string; password: string }[];
}

/** Seeds the demo service into an empty database; does nothing when any service exists. */
export async function seedDemoIfEmpty(db: Database, clock: Clock): Promise<SeedResult> {
  const [row] = await db.select({ n: count() }).from(services);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  const demo = await seedDemoService(db, await hashPassword(DEMO_PASSWORD));
  for (const step of steps) await step(db, demo, clock);
  return { seeded: true, signIn: DEMO_STAFF.map((s) => ({ email: s.email, password: DEMO_PASSWORD })) };
}
