// Demo victims' contact and restorative justice records, as a victim liaison officer keeps them:
// every victim who answered the survey was identified some weeks before and contacted; many more
// were identified and never answered — some could not be reached, some did not want contact, some
// were contacted and offered restorative justice. Its own seeded PRNG, so the rest of the demo
// data stays exactly as it was.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { VICTIM_CONTACT_PREFERENCES } from '../schema.ts';
import type { Database } from '../index.ts';
import { answers, cases, responses, victimContacts } from '../schema.ts';
import type { DemoService } from './demo-service.ts';
import { prng } from './prng.ts';

const DAY = 86_400_000;

export interface VictimSeedWindow {
  start: Date;
  end: Date;
  /** How much of a usual quarter this window is (the current quarter so far). */
  share: number;
}

export async function seedVictimContacts(db: Database, demo: DemoService, victimLiaison: string, windows: VictimSeedWindow[], now: Date): Promise<void> {
  const rng = prng(20_251_205);
  const rows: (typeof victimContacts.$inferInsert)[] = [];
  const before = (d: Date, days: number) => new Date(d.getTime() - days * DAY);
  const after = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
  const startOfDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY);

  // Those who answered: identified 3 to 10 weeks before, contacted within a fortnight.
  const surveyed = await db
    .select({ caseId: cases.id, at: responses.submittedAt, responseId: responses.id })
    .from(cases)
    .innerJoin(responses, eq(responses.caseId, cases.id))
    .where(and(eq(cases.serviceId, demo.serviceId), eq(cases.kind, 'victim')))
    .orderBy(asc(responses.submittedAt));
  const said = await db
    .select({ responseId: answers.responseId, questionId: answers.questionId, value: answers.optionValue })
    .from(answers)
    .where(and(inArray(answers.responseId, surveyed.length ? surveyed.map((s) => s.responseId) : ['00000000-0000-0000-0000-000000000000']), inArray(answers.questionId, ['rj_offered', 'rj_taken_up'])));
  const yes = (responseId: string, q: string) => said.some((a) => a.responseId === responseId && a.questionId === q && a.value === 'yes');
  for (const s of surveyed) {
    if (rows.some((r) => r.caseId === s.caseId)) continue;
    const identifiedOn = startOfDay(before(s.at, rng.int(21, 70)));
    const offered = yes(s.responseId, 'rj_offered');
    rows.push({
      caseId: s.caseId,
      identifiedOn,
      contactPreference: rng.pick(VICTIM_CONTACT_PREFERENCES),
      agreedToContact: true,
      contactedOn: startOfDay(after(identifiedOn, rng.int(2, 14))),
      rjOffered: offered,
      rjTakenUp: offered && yes(s.responseId, 'rj_taken_up'),
      wantsFurtherSupport: rng.chance(0.3),
      updatedAt: s.at,
      updatedBy: victimLiaison,
    });
  }

  // Those who did not answer: identified across each quarter in every area.
  const extra: { areaId: string; contact: Omit<typeof victimContacts.$inferInsert, 'caseId'> }[] = [];
  for (const w of windows) {
    for (const [slug, areaId] of Object.entries(demo.areaIds)) {
      const n = Math.round(rng.int(slug === 'westfield' ? 2 : 4, slug === 'westfield' ? 5 : 9) * w.share);
      for (let i = 0; i < n; i++) {
        const identifiedOn = startOfDay(new Date(w.start.getTime() + rng.next() * (w.end.getTime() - w.start.getTime())));
        const notContactable = rng.chance(0.12);
        const recent = now.getTime() - identifiedOn.getTime() < 14 * DAY;
        const agreedToContact = notContactable ? null : recent && rng.chance(0.5) ? null : rng.chance(0.72);
        const contactedAt = after(identifiedOn, rng.int(2, 16));
        const contacted = agreedToContact === true && contactedAt < now && rng.chance(0.85);
        const offered = contacted && rng.chance(0.5);
        extra.push({
          areaId,
          contact: {
            identifiedOn,
            contactPreference: notContactable ? null : rng.pick(VICTIM_CONTACT_PREFERENCES),
            notContactable,
            agreedToContact,
            contactedOn: contacted ? startOfDay(contactedAt) : null,
            rjOffered: offered,
            rjTakenUp: offered && rng.chance(0.42),
            wantsFurtherSupport: contacted && rng.chance(0.25),
            updatedAt: contacted ? contactedAt : identifiedOn,
            updatedBy: victimLiaison,
          },
        });
      }
    }
  }
  for (let i = 0; i < extra.length; i += 200) {
    const batch = extra.slice(i, i + 200);
    const made = await db
      .insert(cases)
      .values(batch.map((e, j) => ({ serviceId: demo.serviceId, areaId: e.areaId, kind: 'victim' as const, caseReference: `VL${String(300001 + i + j)}`, ownerId: victimLiaison, createdAt: e.contact.identifiedOn })))
      .returning({ id: cases.id });
    rows.push(...batch.map((e, j) => ({ ...e.contact, caseId: made[j]!.id })));
  }
  for (let i = 0; i < rows.length; i += 200) await db.insert(victimContacts).values(rows.slice(i, i + 200));
}
