// Demo feedback for the reports: a few hundred responses over the last four financial quarters
// (and the current one so far) in the four demo areas — End of Order questionnaires through
// personal invitations (some never answered), self-assessments at the start, review and end for
// the same children, Tell Us items including complaints, and victim surveys — all sent through
// the real submission pipeline with the clock set to each response's moment, so answers,
// alerts and complaints are stored exactly as real ones. Then what staff would have done:
// alerts acknowledged after realistic delays, complaints handled, comments themed and approved,
// and "You said, we did" changes. Deterministic: one seeded PRNG, no Math.random.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { manualClock, type Clock } from '../../server/clock.ts';
import type { Answers } from '../../server/questionnaire/engine.ts';
import { latestVersion } from '../../server/questionnaire/store.ts';
import { boundsOf, quarterOf, shiftQuarter } from '../../server/reports/period.ts';
import { DEFAULT_ALERT_OUTCOMES, resolveSettings } from '../../server/services/settings.ts';
import { submitResponse, type Submission } from '../../server/submission/submit.ts';
import type { Database } from '../index.ts';
import { alerts, answers, cases, commentReviews, commentThemes, complaints, invitations, outbox, responses, services, tellUsItems, themes, youSaidWeDid } from '../schema.ts';
import type { DemoService } from './demo-service.ts';
import { seedVictimContacts } from './demo-victims.ts';

import { prng, type Rng } from './prng.ts';

// ── What people wrote, by the theme staff would tag it with ────────────────────────────────
const THEMES: Record<string, { good: string[]; better: string[]; tellUs: string[] }> = {
  'Being listened to': {
    good: ['My worker actually listened to what I wanted', 'They asked me what I thought before deciding things', 'I could say what I felt and nobody judged me', 'She remembered stuff I told her weeks before'],
    better: ['Sometimes decisions were made before I got a say', 'I had to explain the same thing to three different people'],
    tellUs: ['Thank you for listening to me at my review', 'I want to have more say in my plan'],
  },
  'Times and places': {
    good: ['Meeting at the youth centre was easier than the office', 'They moved appointments when I had college'],
    better: ['Appointments during school were hard', 'The office is two buses away from my house', 'Could we meet after 4pm'],
    tellUs: ['Can sessions be later in the day', 'The bus fare to appointments is a lot'],
  },
  Activities: {
    good: ['The boxing sessions were the best bit', 'Doing the music project helped me calm down', 'Cooking together was fun'],
    better: ['More sport would be good', 'Less talking and more doing things'],
    tellUs: ['Could you start a football group', 'More things to do in the holidays please', 'The gym sessions were great'],
  },
  'Staff and workers': {
    good: ['My worker was always honest with me', 'Staff were friendly and on time', 'I liked that my worker stayed the same the whole time'],
    better: ['My worker changed twice and I had to start again', 'Sometimes nobody called me back'],
    tellUs: ['Jay is the best worker', 'Nobody rang me back last week'],
  },
  'Letters and information': {
    good: ['They explained what the order meant in plain words'],
    better: ['The letters are hard to understand', 'I did not know what would happen at the end'],
    tellUs: ['Your letters use too many long words', 'I did not understand the text I got'],
  },
};
const THEME_OF = new Map<string, string>();
for (const [theme, texts] of Object.entries(THEMES)) for (const text of [...texts.good, ...texts.better, ...texts.tellUs]) THEME_OF.set(text, theme);
const ALL_GOOD = Object.values(THEMES).flatMap((t) => t.good);
const ALL_BETTER = Object.values(THEMES).flatMap((t) => t.better);
const ALL_TELL_US = Object.values(THEMES).flatMap((t) => t.tellUs);
const COMPLAINTS = ['I waited an hour in reception and nobody came', 'My appointment was cancelled without telling me', 'A member of staff was rude to my mum', 'I was told something private in front of others'];
const VICTIM_COMMENTS = ['The victim worker kept me informed all the way through', 'I would have liked to know what happened in the end', 'Meeting the young person helped me move on', 'It took a long time before anyone contacted me'];
const ALERT_ACTIONS = ['Spoke with the young person the same day; safety plan updated with them.', 'Home visit the next morning; referral made to children’s social care.', 'Called the young person and their carer; worries about a peer group discussed and plan agreed.'];

// Reporting details from the one list each field has (server/cases/reporting-details.ts).
const ETHNICITY = [['White', 68], ['Mixed or Multiple ethnic groups', 9], ['Black, Black British, Black Welsh, Caribbean or African', 9], ['Asian, Asian British or Asian Welsh', 9], ['Other ethnic group', 2], [null, 3]] as const;
const GENDER = [['Male', 78], ['Female', 19], ['Another gender', 1], [null, 2]] as const;
const AGE_BAND = [['10-13', 8], ['14-15', 26], ['16-17', 64], ['18+', 2]] as const;
const CARE = [['Looked after', 14], ['Care leaver', 2], ['Not in care', 80], [null, 4]] as const;
const SEND = [['EHC plan', 12], ['SEN support', 26], ['No identified SEN', 58], [null, 4]] as const;

// How good each area's experience is (share of positive answers), rising a little each quarter.
const AREA_QUALITY: Record<string, number> = { northbrook: 0.86, eastmoor: 0.78, southvale: 0.9, westfield: 0.82 };
// Westfield is small: its numbers show how suppression looks in shared reports.
const AREA_SIZE: Record<string, [number, number]> = { northbrook: [11, 15], eastmoor: [9, 13], southvale: [8, 12], westfield: [5, 8] };

const EOOQ_STATEMENTS = { yesNo: ['asked_what_helps', 'helped_take_part', 'change_possible', 'less_likely'], frequency: ['views_taken_seriously', 'easy_to_talk', 'treated_fairly'] };
const LIFE_AREAS = ['home', 'school_work', 'family', 'friends', 'health', 'feelings', 'substance_use', 'money', 'keeping_safe', 'staying_out_of_trouble'];
const SATISFACTION = ['sat_contact', 'sat_information', 'sat_questions_answered', 'sat_listened', 'sat_safe_respected', 'sat_harm_repaired', 'sat_told_outcome', 'sat_overall'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SeedContext {
  db: Database;
  demo: DemoService;
  rng: Rng;
  zone: string;
  now: Date;
  staff: (email: string) => string;
}

/** A moment on a weekday between 9am and 6pm (local) in [start, end). */
function workingMoment(rng: Rng, start: Date, end: Date, zone: string): Date {
  for (let i = 0; i < 20; i++) {
    const d = DateTime.fromMillis(start.getTime() + rng.next() * (end.getTime() - start.getTime()), { zone });
    if (d.weekday > 5) continue;
    const t = d.set({ hour: rng.int(9, 17), minute: rng.int(0, 59) });
    if (t.toMillis() >= start.getTime() && t.toMillis() < end.getTime()) return t.toJSDate();
  }
  return new Date(start.getTime() + (end.getTime() - start.getTime()) / 2);
}

/**
 * Everything to write, planned first so cases and invitations go in as a few multi-row inserts;
 * only the submissions go one by one (through the pipeline, as they must).
 */
class Plan {
  readonly cases: (typeof cases.$inferInsert)[] = [];
  readonly invitations: { caseIndex: number; row: Omit<typeof invitations.$inferInsert, 'caseId'> }[] = [];
  readonly submissions: { at: Date; caseIndex?: number; invitationIndex?: number; submission: Omit<Submission, 'responseId' | 'serviceId' | 'caseId' | 'invitationId'> }[] = [];

  constructor(private readonly ctx: SeedContext) {}

  child(kind: 'child' | 'victim', areaSlug: string, ownerId: string | null): number {
    const { rng, demo } = this.ctx;
    const isChild = kind === 'child';
    this.cases.push({
      serviceId: demo.serviceId,
      areaId: demo.areaIds[areaSlug]!,
      kind,
      caseReference: `${isChild ? 'CV' : 'VL'}${String(100001 + this.cases.length)}`,
      ownerId,
      ageBand: isChild ? rng.weighted(AGE_BAND) : null,
      gender: isChild ? rng.weighted(GENDER) : null,
      ethnicity: isChild ? rng.weighted(ETHNICITY) : null,
      careStatus: isChild ? rng.weighted(CARE) : null,
      specialNeeds: isChild ? rng.weighted(SEND) : null,
    });
    return this.cases.length - 1;
  }

  invite(caseIndex: number, row: Omit<typeof invitations.$inferInsert, 'caseId'>): number {
    this.invitations.push({ caseIndex, row });
    return this.invitations.length - 1;
  }

  async write(): Promise<void> {
    const { db, rng, demo } = this.ctx;
    const caseIds: string[] = [];
    for (let i = 0; i < this.cases.length; i += 200) {
      const rows = await db.insert(cases).values(this.cases.slice(i, i + 200)).returning({ id: cases.id });
      caseIds.push(...rows.map((r) => r.id));
    }
    const invitationIds: string[] = [];
    for (let i = 0; i < this.invitations.length; i += 200) {
      const rows = await db
        .insert(invitations)
        .values(this.invitations.slice(i, i + 200).map((inv) => ({ ...inv.row, caseId: caseIds[inv.caseIndex]! })))
        .returning({ id: invitations.id });
      invitationIds.push(...rows.map((r) => r.id));
    }
    for (const s of this.submissions) {
      await submitResponse(
        { db, clock: manualClock(s.at) },
        {
          ...s.submission,
          serviceId: demo.serviceId,
          responseId: rng.uuid(),
          caseId: s.caseIndex === undefined ? null : caseIds[s.caseIndex]!,
          invitationId: s.invitationIndex === undefined ? null : invitationIds[s.invitationIndex]!,
        },
      );
    }
  }
}

function endOfOrderAnswers(rng: Rng, quality: number): Answers {
  const a: Answers = {};
  const skip = () => rng.chance(0.04);
  for (const id of EOOQ_STATEMENTS.yesNo) if (!skip()) a[id] = rng.chance(0.04) ? 'not_sure' : rng.chance(quality) ? 'yes' : 'no';
  for (const id of EOOQ_STATEMENTS.frequency) if (!skip()) a[id] = rng.chance(quality) ? rng.pick(['all', 'most', 'all']) : rng.pick(['some', 'some', 'never']);
  if (!skip()) a.service_good = rng.chance(quality) ? rng.pick(['5', '4']) : rng.pick(['3', '3', '2', '1']);
  a.feel_safe = rng.weighted([
    ['yes', 93],
    ['not_sure', 3],
    ['no', 4],
  ]);
  if (rng.chance(0.45)) a.really_good = rng.pick(ALL_GOOD);
  if (rng.chance(0.3)) a.could_be_better = rng.pick(ALL_BETTER);
  return a;
}

function victimAnswers(rng: Rng): Answers {
  const a: Answers = { contacted: rng.chance(0.92) ? 'yes' : 'no' };
  for (const id of SATISFACTION) {
    if (rng.chance(0.05)) continue;
    const good = rng.chance(id === 'sat_told_outcome' ? 0.55 : 0.76);
    a[id] = good ? rng.pick(['very_satisfied', 'satisfied']) : rng.pick(['neither', 'dissatisfied', 'very_dissatisfied']);
  }
  a.rj_offered = rng.chance(0.62) ? 'yes' : 'no';
  if (a.rj_offered === 'yes') {
    a.rj_taken_up = rng.chance(0.45) ? 'yes' : 'no';
    if (a.rj_taken_up === 'yes') a.sat_rj = rng.chance(0.8) ? 'satisfied' : 'neither';
  }
  a.still_unsafe = rng.chance(0.05) ? 'yes' : 'no';
  if (rng.chance(0.3)) a.comments = rng.pick(VICTIM_COMMENTS);
  return a;
}

const clampScore = (n: number) => Math.min(3, Math.max(1, n));

/** The seed step: see the top of this file. */
export async function seedDemoResponses(db: Database, demo: DemoService, clock: Clock): Promise<void> {
  const [service] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, demo.serviceId));
  const zone = resolveSettings(service?.settings).timeZone;
  const now = clock.now();
  const staffByEmail = (email: string) => demo.staffIds[email]!;
  const ctx: SeedContext = { db, demo, rng: prng(20_250_401), zone, now, staff: staffByEmail };
  const { rng } = ctx;
  const version = async (slug: string) => (await latestVersion(db, demo.serviceId, slug))!;
  const [eooq, selfAssessment, tellUs, victims] = await Promise.all([version('end-of-order'), version('self-assessment'), version('tell-us'), version('victim-satisfaction')]);
  const owners: Record<string, string | null> = { northbrook: staffByEmail('case@riverside.example'), eastmoor: staffByEmail('case2@riverside.example'), southvale: null, westfield: null };
  const victimLiaison = staffByEmail('victims@riverside.example');
  const current = quarterOf(now, zone);
  const quarters = [-4, -3, -2, -1, 0].map((k) => boundsOf(shiftQuarter(current, k), zone));
  const latest = new Date(now.getTime() - 2 * DAY);
  const plan = new Plan(ctx);
  let invitationNumber = 0;

  for (const [qi, q] of quarters.entries()) {
    const end = q.end < latest ? q.end : latest;
    if (end <= q.start) continue;
    const partial = q.end > latest ? (end.getTime() - q.start.getTime()) / (q.end.getTime() - q.start.getTime()) : 1;
    for (const area of Object.keys(AREA_QUALITY)) {
      const areaId = demo.areaIds[area]!;
      const quality = Math.min(0.97, AREA_QUALITY[area]! + qi * 0.015);
      // End of Order: invitations, about four in five answered within a fortnight.
      const [lo, hi] = AREA_SIZE[area]!;
      const sent = Math.round(rng.int(lo, hi) * partial);
      for (let i = 0; i < sent; i++) {
        const caseIndex = plan.child('child', area, owners[area]!);
        const invitedAt = workingMoment(rng, q.start, end, zone);
        const codeHash = createHash('sha256').update(`demo-invitation-${++invitationNumber}-${rng.next()}`).digest('hex');
        const invitationIndex = plan.invite(caseIndex, { serviceId: demo.serviceId, areaId, questionnaireId: eooq.questionnaireId, stage: 'end', codeHash, createdBy: owners[area], createdAt: invitedAt, expiresAt: new Date(invitedAt.getTime() + 28 * DAY) });
        const answeredAt = new Date(invitedAt.getTime() + rng.int(2, 14 * 24) * HOUR);
        if (!rng.chance(0.8) || answeredAt >= latest) continue;
        plan.submissions.push({ at: answeredAt, invitationIndex, submission: { questionnaireVersionId: eooq.versionId, channel: 'personal_link', mode: rng.chance(0.4) ? 'chat' : 'form', answers: endOfOrderAnswers(rng, quality) } });
      }
      // Tell Us from the cards and posters.
      const items = Math.round(rng.int(area === 'westfield' ? 1 : 2, area === 'westfield' ? 3 : 5) * partial);
      for (let i = 0; i < items; i++) {
        const type = rng.weighted([
          ['comment', 35],
          ['compliment', 30],
          ['idea', 17],
          ['complaint', 18],
        ]);
        const message = type === 'complaint' ? rng.pick(COMPLAINTS) : rng.pick(ALL_TELL_US);
        const answers = { feedback_type: type, message, tell_my_worker: rng.chance(0.4) ? 'yes' : 'no', wants_reply: 'no' };
        plan.submissions.push({ at: workingMoment(rng, q.start, end, zone), submission: { questionnaireVersionId: tellUs.versionId, channel: 'open_link', areaId, answers } });
      }
      // Victim surveys after contact by the victim liaison officer.
      const surveys = Math.round(rng.int(1, area === 'westfield' ? 2 : 4) * partial);
      for (let i = 0; i < surveys; i++) {
        const caseIndex = plan.child('victim', area, victimLiaison);
        plan.submissions.push({ at: workingMoment(rng, q.start, end, zone), caseIndex, submission: { questionnaireVersionId: victims.versionId, channel: 'open_link', areaId, answers: victimAnswers(rng) } });
      }
    }
  }

  // Self-assessments: children starting in the first three quarters, some reviewed, most ended.
  const scored = (s: Record<string, number>): Answers => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]));
  for (const area of Object.keys(AREA_QUALITY)) {
    for (let i = 0; i < (area === 'westfield' ? 4 : 8); i++) {
      const caseIndex = plan.child('child', area, owners[area]!);
      const q = quarters[rng.int(0, 2)]!;
      const startAt = workingMoment(rng, q.start, q.end, zone);
      const start: Record<string, number> = {};
      for (const d of LIFE_AREAS) start[d] = d === 'keeping_safe' ? rng.weighted([[1, 6], [2, 60], [3, 34]]) : rng.weighted([[1, 35], [2, 45], [3, 20]]);
      const keyedIn = { questionnaireVersionId: selfAssessment.versionId, channel: 'paper' as const, enteredBy: owners[area] };
      plan.submissions.push({ at: startAt, caseIndex, submission: { ...keyedIn, stage: 'start', answers: scored(start) } });
      const middle: Record<string, number> = Object.fromEntries(Object.entries(start).map(([k, v]) => [k, clampScore(v + rng.weighted([[1, 35], [0, 55], [-1, 10]]))]));
      const reviewAt = new Date(startAt.getTime() + rng.int(40, 60) * DAY);
      if (rng.chance(0.6) && reviewAt < latest) plan.submissions.push({ at: reviewAt, caseIndex, submission: { ...keyedIn, stage: 'review', answers: scored(middle) } });
      const endAt = new Date(startAt.getTime() + rng.int(100, 170) * DAY);
      const final: Record<string, number> = Object.fromEntries(Object.entries(middle).map(([k, v]) => [k, clampScore(v + rng.weighted([[1, 30], [0, 60], [-1, 10]]))]));
      if (final.keeping_safe === 1) final.keeping_safe = 2;
      if (endAt < latest) plan.submissions.push({ at: endAt, caseIndex, submission: { ...keyedIn, stage: 'end', answers: scored(final) } });
    }
  }
  await plan.write();
  await seedVictimContacts(
    db,
    demo,
    victimLiaison,
    quarters.filter((q) => q.start < latest).map((q) => ({ start: q.start, end: q.end < latest ? q.end : latest, share: q.end > latest ? (latest.getTime() - q.start.getTime()) / (q.end.getTime() - q.start.getTime()) : 1 })),
    now,
  );

  await actOnAlerts(ctx);
  await handleComplaints(ctx);
  await themeAndApproveComments(ctx);
  await recordChangesMade(ctx, quarters);
  // The emails these would have sent went out at the time.
  await db.update(outbox).set({ sentAt: now }).where(and(eq(outbox.serviceId, demo.serviceId), isNull(outbox.sentAt)));
}

/** Acknowledged after 10 minutes to 3 hours, one in ten only after going to a manager; closed within days. */
async function actOnAlerts(ctx: SeedContext) {
  const { db, rng, demo } = ctx;
  const rows = await db.select().from(alerts).where(eq(alerts.serviceId, demo.serviceId));
  for (const [i, a] of rows.entries()) {
    const escalated = rng.chance(0.1);
    const acknowledgedAt = new Date(a.raisedAt.getTime() + (escalated ? rng.int(250, 420) : rng.int(10, 180)) * 60_000);
    const closedAt = new Date(acknowledgedAt.getTime() + rng.int(4, 72) * HOUR);
    const by = a.assignedTo ?? ctx.staff(a.areaId === demo.areaIds.northbrook ? 'manager@riverside.example' : 'admin@riverside.example');
    await db
      .update(alerts)
      .set({ acknowledgedAt, acknowledgedBy: by, escalationLevel: escalated ? 1 : 0, nextEscalationAt: null, closedAt: closedAt < ctx.now ? closedAt : null, closedBy: closedAt < ctx.now ? by : null, actionTaken: closedAt < ctx.now ? rng.pick(ALERT_ACTIONS) : null, outcome: closedAt < ctx.now ? DEFAULT_ALERT_OUTCOMES[i % DEFAULT_ALERT_OUTCOMES.length]! : null })
      .where(eq(alerts.id, a.id));
  }
}

/** Older complaints acknowledged (mostly on time), answered and closed; recent ones in progress. */
async function handleComplaints(ctx: SeedContext) {
  const { db, rng, demo, now } = ctx;
  const rows = await db.select().from(complaints).where(eq(complaints.serviceId, demo.serviceId));
  for (const c of rows) {
    const onTime = rng.chance(0.82);
    const acknowledgedAt = onTime ? new Date(c.receivedAt.getTime() + rng.int(2, 40) * HOUR) : new Date(c.acknowledgeDueAt.getTime() + rng.int(1, 4) * DAY);
    if (acknowledgedAt >= now) continue;
    const respondedAt = rng.chance(0.75) ? new Date(c.receivedAt.getTime() + rng.int(5, 20) * DAY) : new Date(c.respondDueAt.getTime() + rng.int(2, 10) * DAY);
    const answered = respondedAt < now;
    await db
      .update(complaints)
      .set({
        status: answered ? 'closed' : 'investigating',
        ownerId: ctx.staff('manager@riverside.example'),
        acknowledgedAt,
        respondedAt: answered ? respondedAt : null,
        closedAt: answered ? respondedAt : null,
        outcome: answered ? rng.pick(['upheld', 'partly_upheld', 'not_upheld'] as const) : null,
      })
      .where(eq(complaints.id, c.id));
  }
}

/** Six in ten comments reviewed and given their theme; three in four of those approved for sharing. */
async function themeAndApproveComments(ctx: SeedContext) {
  const { db, rng, demo } = ctx;
  const themeRows = await db
    .insert(themes)
    .values(Object.keys(THEMES).map((name) => ({ serviceId: demo.serviceId, name })))
    .returning({ id: themes.id, name: themes.name });
  const themeId = new Map(themeRows.map((t) => [t.name, t.id]));
  const approver = ctx.staff('participation@riverside.example');
  const textAnswers = await db
    .select({ id: answers.id, text: answers.textValue, at: responses.submittedAt })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(and(eq(responses.serviceId, demo.serviceId), isNotNull(answers.textValue), inArray(answers.questionId, ['really_good', 'could_be_better'])));
  const items = await db
    .select({ id: tellUsItems.id, text: tellUsItems.body, at: tellUsItems.receivedAt })
    .from(tellUsItems)
    .where(and(eq(tellUsItems.serviceId, demo.serviceId), ne(tellUsItems.type, 'complaint')));
  const victimComments = await db
    .select({ id: answers.id, text: answers.textValue, at: responses.submittedAt })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(and(eq(responses.serviceId, demo.serviceId), eq(answers.questionId, 'comments')));
  const reviews: (typeof commentReviews.$inferInsert)[] = [];
  const tags: { index: number; theme: string }[] = [];
  const add = (ref: { answerId?: number; tellUsItemId?: string }, at: Date, theme: string | undefined) => {
    if (!rng.chance(0.6)) return;
    const approved = rng.chance(0.75);
    const reviewedAt = new Date(at.getTime() + rng.int(3, 20) * DAY);
    reviews.push({ serviceId: demo.serviceId, ...ref, approvedForSharingAt: approved && reviewedAt < ctx.now ? reviewedAt : null, approvedBy: approved ? approver : null, updatedAt: reviewedAt < ctx.now ? reviewedAt : ctx.now });
    if (theme) tags.push({ index: reviews.length - 1, theme });
  };
  for (const a of textAnswers) add({ answerId: a.id }, a.at, THEME_OF.get(a.text ?? ''));
  for (const i of items) add({ tellUsItemId: i.id }, i.at, THEME_OF.get(i.text));
  for (const v of victimComments) add({ answerId: v.id }, v.at, v.text?.includes('informed') || v.text?.includes('what happened') ? 'Letters and information' : undefined);
  if (reviews.length === 0) return;
  const inserted = await db.insert(commentReviews).values(reviews).returning({ id: commentReviews.id });
  const links = tags.map((t) => ({ commentReviewId: inserted[t.index]!.id, themeId: themeId.get(t.theme)! }));
  if (links.length > 0) await db.insert(commentThemes).values(links);
}

/** "You said, we did": changes made because of feedback, spread over the year. */
async function recordChangesMade(ctx: SeedContext, quarters: { start: Date; end: Date }[]) {
  const { db, demo, now } = ctx;
  const themeIds = new Map((await db.select({ id: themes.id, name: themes.name }).from(themes).where(eq(themes.serviceId, demo.serviceId))).map((t) => [t.name, t.id]));
  const changes = [
    { q: 0, area: null, theme: 'Letters and information', youSaid: 'Our letters were hard to understand.', weDid: 'Young people from the Participation Group rewrote every standard letter in plain English.', whatNext: 'We will check new letters with the group before we send them.' },
    { q: 1, area: 'northbrook', theme: 'Times and places', youSaid: 'Appointments in school time were hard to get to.', weDid: 'Northbrook now offers sessions until 7pm on Tuesdays and Thursdays.', whatNext: null },
    { q: 1, area: 'eastmoor', theme: 'Times and places', youSaid: 'The office is a long way to travel to.', weDid: 'Eastmoor workers now meet young people at two youth centres closer to home.', whatNext: 'We are asking about a third place in the north of the area.' },
    { q: 2, area: null, theme: 'Activities', youSaid: 'You wanted more sport and less sitting and talking.', weDid: 'A weekly football and boxing session now runs in every area.', whatNext: null },
    { q: 3, area: 'southvale', theme: 'Staff and workers', youSaid: 'Having to tell your story again when your worker changed.', weDid: 'When a worker changes, the old and new worker now meet you together first.', whatNext: null },
    { q: 3, area: null, theme: 'Being listened to', youSaid: 'You did not always get a say before decisions were made.', weDid: 'Every plan now has a section you write yourself, and reviews start with it.', whatNext: 'We will ask about this in the End of Order questionnaire.' },
  ];
  const rows = changes
    .map((c) => {
      const q = quarters[c.q]!;
      const happenedOn = new Date(q.start.getTime() + (q.end.getTime() - q.start.getTime()) * 0.6);
      return {
        serviceId: demo.serviceId,
        areaId: c.area ? demo.areaIds[c.area]! : null,
        themeId: themeIds.get(c.theme) ?? null,
        youSaid: c.youSaid,
        weDid: c.weDid,
        whatNext: c.whatNext,
        happenedOn,
        publishedAt: new Date(Math.min(happenedOn.getTime() + 7 * DAY, now.getTime())),
        createdBy: ctx.staff('participation@riverside.example'),
      };
    })
    .filter((r) => r.happenedOn < now);
  if (rows.length > 0) await db.insert(youSaidWeDid).values(rows);
}
