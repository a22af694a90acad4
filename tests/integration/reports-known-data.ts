// A small dataset whose report figures were worked out by hand (see reports-numbers.test.ts).
// Everything goes through the real submission pipeline with the clock set to each response's
// moment, so answers are normalised exactly as real ones.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { alerts, commentReviews, commentThemes, complaints, answers as answersTable, invitations, tellUsItems, themes, victimContacts, youSaidWeDid } from '../../db/schema.ts';
import { EndOfOrderQuestionnaire, SelfAssessment, VictimSatisfaction } from '../../server/questionnaire/builtin/index.ts';
import type { Answers } from '../../server/questionnaire/engine.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import type { TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, MINI_TELL_US } from '../support/fixtures.ts';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface KnownData {
  serviceId: string;
  northId: string;
  southId: string;
  northSlug: string;
  caseB: string;
  caseSouth: string;
}

export async function loadKnownData(t: TestApp, settings: Record<string, unknown> = {}): Promise<KnownData> {
  const { db } = t.deps;
  const { service, north, south } = await makeService(db, settings);
  const eooq = await makeQuestionnaire(db, service.id, EndOfOrderQuestionnaire);
  const self = await makeQuestionnaire(db, service.id, SelfAssessment);
  const victims = await makeQuestionnaire(db, service.id, VictimSatisfaction, true);
  const tellUs = await makeQuestionnaire(db, service.id, MINI_TELL_US, true);

  const submit = async (at: string, s: Partial<Submission> & { questionnaireVersionId: string; answers: Answers }) => {
    t.clock.set(at);
    return submitResponse(t.deps, { serviceId: service.id, channel: 'open_link', responseId: randomUUID(), ...s });
  };

  // ── End of Order, North, Q1 2025/26: 6 through invitations (cases: White), 2 open link.
  const views = ['all', 'most', 'all', 'most', 'all', 'most', 'some', 'some'];
  const safe = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'not_sure'];
  const invitationIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const child = await makeCase(db, { serviceId: service.id, areaId: north.id, ethnicity: 'White' });
    const [inv] = await db
      .insert(invitations)
      .values({
        serviceId: service.id,
        areaId: north.id,
        caseId: child.id,
        questionnaireId: eooq.questionnaire.id,
        stage: 'end',
        codeHash: `known-${randomUUID()}`,
        createdAt: new Date('2025-04-02T09:00:00Z'),
        expiresAt: new Date('2026-01-01T00:00:00Z'),
        revokedAt: i === 9 ? new Date('2025-04-03T09:00:00Z') : null,
      })
      .returning();
    invitationIds.push(inv!.id);
  }
  const alertIds: string[] = [];
  let approvedAnswerResponse = '';
  for (let i = 0; i < 8; i++) {
    // The seventh is the boundary case: 00:30 on 1 April, British Summer Time (23:30 UTC on 31 March).
    const at = i === 6 ? '2025-03-31T23:30:00Z' : `2025-04-${String(10 + i).padStart(2, '0')}T10:00:00Z`;
    const extra: Answers = i === 0 ? { really_good: 'My worker listened to me' } : i === 1 ? { really_good: 'Sessions were at good times' } : {};
    const r = await submit(at, {
      questionnaireVersionId: eooq.version.id,
      channel: i < 6 ? 'personal_link' : 'open_link',
      invitationId: i < 6 ? invitationIds[i] : null,
      areaId: i < 6 ? null : north.id,
      answers: { views_taken_seriously: views[i]!, feel_safe: safe[i]!, ...extra },
    });
    alertIds.push(...r.alertIds);
    if (i === 0) approvedAnswerResponse = r.responseId;
  }
  // ── North, Q4 2024/25: 6 open-link responses; the last at 23:30 BST on 31 March.
  const viewsBefore = ['all', 'most', 'all', 'some', 'never', 'some'];
  for (let i = 0; i < 6; i++) {
    const at = i === 5 ? '2025-03-31T22:30:00Z' : `2025-02-${String(3 + i).padStart(2, '0')}T10:00:00Z`;
    await submit(at, { questionnaireVersionId: eooq.version.id, areaId: north.id, answers: { views_taken_seriously: viewsBefore[i]!, feel_safe: 'yes' } });
  }
  // ── South, Q1: 3 children (Black), keyed in from paper.
  let caseSouth = '';
  for (const v of ['all', 'all', 'most']) {
    const child = await makeCase(db, { serviceId: service.id, areaId: south.id, ethnicity: 'Black, Black British, Black Welsh, Caribbean or African' });
    caseSouth = child.id;
    await submit('2025-05-20T10:00:00Z', { questionnaireVersionId: eooq.version.id, channel: 'paper', caseId: child.id, answers: { views_taken_seriously: v, feel_safe: 'yes' } });
  }

  // ── Alerts: the first acknowledged after 2 hours; the second went to a manager, not acknowledged.
  const [first] = await db.select().from(alerts).where(eq(alerts.id, alertIds[0]!));
  await db.update(alerts).set({ acknowledgedAt: new Date(first!.raisedAt.getTime() + 2 * HOUR) }).where(eq(alerts.id, alertIds[0]!));
  await db.update(alerts).set({ escalationLevel: 1 }).where(eq(alerts.id, alertIds[1]!));

  // ── Tell Us, North, Q1: 2 comments, 1 compliment, 6 complaints.
  const tellUsItemIds: Record<string, string> = {};
  const items: [string, string][] = [
    ['comment', 'More football please'],
    ['comment', 'Staff listen'],
    ['compliment', 'Thanks Sam'],
    ...Array.from({ length: 6 }, (_, i): [string, string] => ['complaint', `Complaint number ${i + 1}`]),
  ];
  const complaintIds: string[] = [];
  for (const [i, [type, message]] of items.entries()) {
    const r = await submit(`2025-04-07T${String(10 + i).padStart(2, '0')}:00:00Z`, { questionnaireVersionId: tellUs.version.id, areaId: north.id, answers: { feedback_type: type, message } });
    tellUsItemIds[message] = r.tellUsItemId!;
    if (r.complaintId) complaintIds.push(r.complaintId);
  }
  // Two acknowledged on time; one acknowledged late, answered in time and closed; three left.
  for (const [i, id] of complaintIds.entries()) {
    const [c] = await db.select().from(complaints).where(eq(complaints.id, id));
    if (i < 2) await db.update(complaints).set({ status: 'acknowledged', acknowledgedAt: new Date(c!.receivedAt.getTime() + DAY) }).where(eq(complaints.id, id));
    if (i === 2) await db.update(complaints).set({ status: 'closed', acknowledgedAt: new Date(c!.receivedAt.getTime() + 10 * DAY), respondedAt: new Date(c!.receivedAt.getTime() + 12 * DAY), closedAt: new Date(c!.receivedAt.getTime() + 12 * DAY) }).where(eq(complaints.id, id));
  }

  // ── Themes and comments approved for sharing.
  const [listening, activities] = await db
    .insert(themes)
    .values([
      { serviceId: service.id, name: 'Listening' },
      { serviceId: service.id, name: 'Activities' },
    ])
    .returning();
  const textAnswerOf = async (responseId: string, questionId: string) =>
    (await db.select().from(answersTable).where(eq(answersTable.responseId, responseId))).find((a) => a.questionId === questionId)!;
  const textAnswer = await textAnswerOf(approvedAnswerResponse, 'really_good');
  const approvedAt = new Date('2025-07-01T09:00:00Z');
  const review = async (ref: { answerId?: number; tellUsItemId?: string }, themeId: string) => {
    const [row] = await db.insert(commentReviews).values({ serviceId: service.id, ...ref, approvedForSharingAt: approvedAt }).returning();
    await db.insert(commentThemes).values({ commentReviewId: row!.id, themeId });
  };
  await review({ answerId: textAnswer.id }, listening!.id);
  await review({ tellUsItemId: tellUsItemIds['Staff listen'] }, listening!.id);
  await review({ tellUsItemId: tellUsItemIds['More football please'] }, activities!.id);
  // A complaint is never quoted, even if someone approved it.
  await db.insert(commentReviews).values({ serviceId: service.id, tellUsItemId: tellUsItemIds['Complaint number 1'], approvedForSharingAt: approvedAt });

  // ── You said, we did.
  const publishedAt = new Date('2025-06-20T12:00:00Z');
  await db.insert(youSaidWeDid).values([
    { serviceId: service.id, areaId: north.id, youSaid: 'Meetings were at bad times', weDid: 'Evening sessions in Northbrook', happenedOn: new Date('2025-05-01T12:00:00Z'), publishedAt },
    { serviceId: service.id, areaId: null, youSaid: 'Letters were hard to read', weDid: 'Rewrote every letter in plain English', happenedOn: new Date('2025-06-01T12:00:00Z'), publishedAt },
    { serviceId: service.id, areaId: south.id, youSaid: 'Nowhere to wait', weDid: 'New waiting room in South', happenedOn: new Date('2025-05-02T12:00:00Z'), publishedAt },
    { serviceId: service.id, areaId: north.id, youSaid: 'Too much paperwork', weDid: 'Shorter forms', happenedOn: new Date('2025-02-01T12:00:00Z'), publishedAt },
    // Not yet published: not in any report.
    { serviceId: service.id, areaId: north.id, youSaid: 'Draft: more youth workers', weDid: 'Not decided yet', happenedOn: new Date('2025-05-05T12:00:00Z') },
  ]);

  // ── Self-assessments: case A start (Q4) and end (Q1); case B start, review (Q4) and end (Q1).
  const caseA = await makeCase(db, { serviceId: service.id, areaId: north.id });
  const caseB = await makeCase(db, { serviceId: service.id, areaId: north.id });
  const sa = (at: string, caseId: string, stage: 'start' | 'review' | 'end', answers: Answers) =>
    submit(at, { questionnaireVersionId: self.version.id, channel: 'paper', caseId, stage, answers });
  await sa('2025-02-10T10:00:00Z', caseA.id, 'start', { home: '1', school_work: '2' });
  await sa('2025-05-10T10:00:00Z', caseA.id, 'end', { home: '3', school_work: '2' });
  await sa('2025-01-15T10:00:00Z', caseB.id, 'start', { home: '2', school_work: '3' });
  await sa('2025-03-01T10:00:00Z', caseB.id, 'review', { home: '2' });
  await sa('2025-06-01T10:00:00Z', caseB.id, 'end', { home: '2', school_work: '1' });

  // ── Victims, North, Q1: six surveys.
  const overall = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'satisfied', 'dissatisfied'];
  const offered = ['yes', 'yes', 'yes', 'yes', 'no', 'no'];
  const took = ['yes', 'yes', 'no', 'no'];
  for (let i = 0; i < 6; i++) {
    const a: Answers = { contacted: 'yes', sat_overall: overall[i]!, rj_offered: offered[i]!, still_unsafe: i === 5 ? 'yes' : 'no' };
    if (offered[i] === 'yes') a.rj_taken_up = took[i]!;
    if (i === 0) a.comments = 'The victim worker kept me informed';
    const r = await submit(`2025-05-0${i + 1}T10:00:00Z`, { questionnaireVersionId: victims.version.id, areaId: north.id, answers: a });
    if (i === 0) await review({ answerId: (await textAnswerOf(r.responseId, 'comments')).id }, listening!.id);
  }

  // ── Victims' contact records, North. Q1: 11 identified — 1 could not be reached, 2 declined,
  // 7 agreed (6 contacted, 1 not yet), 4 offered restorative justice, 2 took part, 3 wanted more
  // support, and 1 with nothing recorded yet. Q4 2024/25: 1 agreed, contacted and took part.
  const victim = async (identifiedOn: string, record: Partial<typeof victimContacts.$inferInsert> | null) => {
    const c = await makeCase(db, { serviceId: service.id, areaId: north.id, kind: 'victim', createdAt: new Date(identifiedOn) });
    if (record) await db.insert(victimContacts).values({ caseId: c.id, identifiedOn: new Date(identifiedOn), updatedAt: new Date(identifiedOn), ...record });
  };
  await victim('2025-04-02T00:00:00Z', { notContactable: true });
  for (const day of ['03', '04']) await victim(`2025-04-${day}T00:00:00Z`, { agreedToContact: false });
  await victim('2025-06-20T00:00:00Z', { agreedToContact: true });
  const contacted = [
    { rjOffered: true, rjTakenUp: true, wantsFurtherSupport: true },
    { rjOffered: true, rjTakenUp: true },
    { rjOffered: true, wantsFurtherSupport: true },
    { rjOffered: true },
    { wantsFurtherSupport: true },
    {},
  ];
  for (const [i, steps] of contacted.entries()) await victim(`2025-05-1${i}T00:00:00Z`, { agreedToContact: true, contactedOn: new Date(`2025-05-2${i}T00:00:00Z`), ...steps });
  await makeCase(db, { serviceId: service.id, areaId: north.id, kind: 'victim', createdAt: new Date('2025-05-20T09:00:00Z') });
  await victim('2025-02-10T00:00:00Z', { agreedToContact: true, contactedOn: new Date('2025-02-12T00:00:00Z'), rjOffered: true, rjTakenUp: true });

  t.clock.set('2025-07-10T09:00:00Z');
  return { serviceId: service.id, northId: north.id, southId: south.id, northSlug: north.slug, caseB: caseB.id, caseSouth };
}
