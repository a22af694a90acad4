// Dated entries on a complaint: a note on the investigation, a longer time to respond (with the
// reason), and stage 2 when the person who complained is not satisfied. Each goes through the
// access policy (not found otherwise), the rules in lifecycle.ts, the audit trail, and one
// transaction; stage 2 keeps stage 1 as it stood and starts fresh deadlines.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { complaintNotes, complaints, complaintStages, outbox, type ComplaintStage } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { addWorkingDays, dayOf, endOfWorkingDay, isWorkingDayOn, startOfDay } from '../time/working-time.ts';
import { ComplaintRefused, lockVisible, type RefusedField, type Tx } from './actions.ts';
import { checkExtension, checkNote, checkStageTwo, replyWanted, type EntryDays, type EntryRefusal } from './lifecycle.ts';
import { settingsOf } from './queries.ts';

const t = pageTranslator('complaints');

/** Which field a refusal belongs beside, per form. */
function refuse(code: EntryRefusal, fields: { day: RefusedField; text: RefusedField; step: RefusedField }, params: Record<string, string> = {}): never {
  const field = code === 'note_required' || code === 'reason_required' ? fields.text : code.startsWith('day') || code === 'extend_not_later' || code === 'extend_not_working_day' || code === 'stage_two_before_response_day' ? fields.day : fields.step;
  throw new ComplaintRefused(field, t(`refusal.${code}`, params));
}

async function begin(tx: Tx, p: StaffPrincipal, id: string, now: Date) {
  const row = await lockVisible(tx, p, id);
  const settings = await settingsOf(tx, row.complaint.serviceId);
  const zone = settings.timeZone;
  const stage = row.complaint.stage as ComplaintStage;
  const [started] = stage === 1 ? [] : await tx.select({ at: complaintNotes.happenedOn }).from(complaintNotes).where(and(eq(complaintNotes.complaintId, row.complaint.id), eq(complaintNotes.kind, 'stage_two')));
  const days: EntryDays = { today: dayOf(now, zone), stageStarted: dayOf(started?.at ?? row.complaint.receivedAt, zone) };
  return { ...row, settings, zone, stage, days };
}

export interface NoteInput {
  body: string;
  /** The day it happened, YYYY-MM-DD; undefined when missing or not a real date. */
  day: string | undefined;
}

/** A dated note on the investigation, by whoever handles the complaint. */
export async function addNote(db: Database, clock: Clock, p: StaffPrincipal, id: string, input: NoteInput): Promise<void> {
  await db.transaction(async (tx) => {
    const now = clock.now();
    const { complaint, zone, stage, days } = await begin(tx, p, id, now);
    const refusal = checkNote(complaint, input.body, input.day, days);
    if (refusal) refuse(refusal, { day: 'noteDay', text: 'note', step: 'note' });
    await tx.insert(complaintNotes).values({ complaintId: complaint.id, stage, kind: 'note', body: input.body.trim(), happenedOn: startOfDay(input.day!, zone), authorId: p.kind === 'staff' ? p.id : null, createdAt: now });
    await recordAudit(tx, clock, { actor: p, action: 'complaint.note', subjectType: 'complaint', subjectId: complaint.id, detail: { stage } });
  });
}

export interface ExtensionInput {
  reason: string;
  /** The new last day to respond, YYYY-MM-DD. */
  day: string | undefined;
}

/** More time to respond, with the reason; the new deadline is the end of that working day. */
export async function extendDeadline(db: Database, clock: Clock, p: StaffPrincipal, id: string, input: ExtensionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const now = clock.now();
    const { complaint, zone, stage, days } = await begin(tx, p, id, now);
    const newDue = input.day ? endOfWorkingDay(input.day, zone) : undefined;
    const refusal = checkExtension(complaint, input.reason, input.day, newDue, input.day ? isWorkingDayOn(input.day, zone) : false, days);
    if (refusal) refuse(refusal, { day: 'extendDay', text: 'extendReason', step: 'extend' });
    await tx.update(complaints).set({ respondDueAt: newDue! }).where(eq(complaints.id, complaint.id));
    await tx.insert(complaintNotes).values({
      complaintId: complaint.id,
      stage,
      kind: 'extension',
      body: input.reason.trim(),
      happenedOn: startOfDay(days.today, zone),
      previousDueAt: complaint.respondDueAt,
      newDueAt: newDue!,
      authorId: p.kind === 'staff' ? p.id : null,
      createdAt: now,
    });
    await recordAudit(tx, clock, { actor: p, action: 'complaint.extend', subjectType: 'complaint', subjectId: complaint.id, detail: { stage, from: complaint.respondDueAt.toISOString(), to: newDue!.toISOString() } });
  });
}

export interface StageTwoInput {
  /** What they are still unhappy about. */
  reason: string;
  /** The day they asked, YYYY-MM-DD. */
  day: string | undefined;
}

/**
 * Stage 2: stage 1 is kept as it stood (closed if it was not), and the complaint starts again
 * at "received" with fresh deadlines from the day they asked and nobody owning it yet, so a
 * manager chooses who looks at it afresh. The area's managers are emailed.
 */
export async function requestStageTwo(db: Database, clock: Clock, p: StaffPrincipal, id: string, input: StageTwoInput): Promise<void> {
  await db.transaction(async (tx) => {
    const now = clock.now();
    const { complaint, item, settings, zone, stage, days } = await begin(tx, p, id, now);
    const respondedDay = complaint.respondedAt ? dayOf(complaint.respondedAt, zone) : null;
    const refusal = checkStageTwo({ ...complaint, stage, wantsReply: replyWanted(stage, item.wantsReply), respondedDay }, input.reason, input.day, days);
    if (refusal) refuse(refusal, { day: 'stageTwoDay', text: 'stageTwoReason', step: 'stageTwo' });
    const asked = startOfDay(input.day!, zone);
    await tx.insert(complaintStages).values({
      complaintId: complaint.id,
      stage: 1,
      startedAt: complaint.receivedAt,
      ownerId: complaint.ownerId,
      acknowledgeDueAt: complaint.acknowledgeDueAt,
      respondDueAt: complaint.respondDueAt,
      acknowledgedAt: complaint.acknowledgedAt,
      respondedAt: complaint.respondedAt,
      closedAt: complaint.closedAt ?? now,
      outcome: complaint.outcome,
      replyToChild: complaint.replyToChild,
      replySentAt: complaint.replySentAt,
    });
    await tx
      .update(complaints)
      .set({
        stage: 2,
        status: 'received',
        ownerId: null,
        acknowledgeDueAt: addWorkingDays(asked, settings.complaintAcknowledgeWorkingDays, zone),
        respondDueAt: addWorkingDays(asked, settings.complaintStageTwoRespondWorkingDays, zone),
        acknowledgedAt: null,
        respondedAt: null,
        closedAt: null,
        outcome: null,
        replyToChild: null,
        replySentAt: null,
      })
      .where(eq(complaints.id, complaint.id));
    await tx.insert(complaintNotes).values({ complaintId: complaint.id, stage: 2, kind: 'stage_two', body: input.reason.trim(), happenedOn: asked, authorId: p.kind === 'staff' ? p.id : null, createdAt: now });
    await tx.insert(outbox).values({ serviceId: complaint.serviceId, kind: 'complaint_stage_two', payload: { complaintId: complaint.id, askedAt: asked.toISOString() }, dedupeKey: `complaint_stage_two:${complaint.id}`, createdAt: now, availableAt: now });
    await recordAudit(tx, clock, { actor: p, action: 'complaint.stage_two', subjectType: 'complaint', subjectId: complaint.id, detail: { from: stage, to: 2, stageOneClosedNow: complaint.closedAt === null } });
  });
}
