// The service every respondent benchmark answers: one area, the built-in questionnaires, one
// child's case, and personal invitations to the End of Order Questionnaire on demand.
import { and, eq } from 'drizzle-orm';
import { migrate, type OpenDatabase } from '../../../db/index.ts';
import { areas, cases, questionnaires, services } from '../../../db/schema.ts';
import { installBuiltins } from '../../../server/questionnaire/store.ts';
import { makeInvitation } from '../../support/respond.ts';

export async function benchService(open: OpenDatabase) {
  await migrate(open);
  const { db } = open;
  const [service] = await db.insert(services).values({ slug: 'bench', name: 'Bench Youth Justice Service' }).returning();
  const [area] = await db.insert(areas).values({ serviceId: service!.id, slug: 'bench-north', name: 'North' }).returning();
  await installBuiltins(db, service!.id);
  const [eooq] = await db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, service!.id), eq(questionnaires.slug, 'end-of-order')));
  const [child] = await db.insert(cases).values({ serviceId: service!.id, areaId: area!.id, kind: 'child', caseReference: 'BENCH-1' }).returning();
  /** A personal invitation to the End of Order Questionnaire for the child, open for a day: its code. */
  const invite = async () => (await makeInvitation(db, { serviceId: service!.id, areaId: area!.id, caseId: child!.id, questionnaireId: eooq!.id, expiresAt: new Date(Date.now() + 86_400_000) })).code;
  return { db, service: service!, area: area!, eooq: eooq!, child: child!, invite };
}
