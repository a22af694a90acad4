// Handling a complaint: assigning its owner, moving it through the procedure, recording that
// the reply was sent. Each finds the complaint through the access policy (not found otherwise),
// writes the audit trail, and queues any email in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { complaints, contactDetails, outbox, staffUsers, tellUsItems, type ComplaintStage } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { ApiError } from '../http/errors.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { can, visibleComplaints } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { checkMove, replyWanted, type MoveInput, type MoveRefusal } from './lifecycle.ts';
import { isUuid, settingsOf } from './queries.ts';
import { withClosingParagraph } from './signpost.ts';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
const t = pageTranslator('complaints');

export class ComplaintNotFound extends ApiError {
  constructor() {
    super(404, 'not_found', t('notFound'));
  }
}

/** Where on the page a refusal belongs: a field of one of its forms, or the step itself. */
export type RefusedField = 'owner' | 'to' | 'outcome' | 'reply' | 'sent' | 'note' | 'noteDay' | 'extendDay' | 'extendReason' | 'extend' | 'stageTwoDay' | 'stageTwoReason' | 'stageTwo';
const FORM_FIELDS = new Set<RefusedField>(['outcome', 'reply', 'note', 'noteDay', 'extendDay', 'extendReason', 'stageTwoDay', 'stageTwoReason']);

/** A change the procedure does not allow, with a sentence saying why and what to do instead. */
export class ComplaintRefused extends ApiError {
  constructor(
    readonly field: RefusedField,
    message: string,
  ) {
    // Something missing from the form is a 400; a step the procedure does not allow, a 409.
    super(FORM_FIELDS.has(field) ? 400 : 409, 'complaint_refused', message);
  }
}

export function refusalMessage(r: MoveRefusal): string {
  const status = (s: string) => t(`status.${s}`);
  switch (r.code) {
    case 'closed':
      return t('refusal.closed', { to: status(r.to) });
    case 'same':
      return t('refusal.same', { to: status(r.to) });
    case 'backwards':
    case 'skip':
      return t(`refusal.${r.code}`, { from: status(r.from), to: status(r.to), next: status(r.next) });
    default:
      return t(`refusal.${r.code}`);
  }
}

const link = (id: string) => `/staff/complaints/${id}`;

/** The complaint (locked for the change) and its Tell Us item, if this person may see it. */
export async function lockVisible(tx: Tx, p: StaffPrincipal, id: string) {
  if (!isUuid(id)) throw new ComplaintNotFound();
  const [row] = await tx
    .select({ complaint: complaints, item: { id: tellUsItems.id, wantsReply: tellUsItems.wantsReply, responseId: tellUsItems.responseId } })
    .from(complaints)
    .innerJoin(tellUsItems, eq(tellUsItems.id, complaints.tellUsItemId))
    .where(and(eq(complaints.id, id), visibleComplaints(p)))
    .for('update', { of: complaints });
  if (!row) throw new ComplaintNotFound();
  return row;
}

/** Deletes what the complainant left to be contacted by: once replied to, it has done its job. */
async function deleteContact(tx: Tx, responseId: string | null): Promise<number> {
  if (!responseId) return 0;
  return (await tx.delete(contactDetails).where(eq(contactDetails.responseId, responseId)).returning({ id: contactDetails.id })).length;
}

/** Makes `ownerId` the complaint's owner; they are emailed unless they assigned it to themselves. */
export async function assignOwner(db: Database, clock: Clock, p: StaffPrincipal, id: string, ownerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { complaint } = await lockVisible(tx, p, id);
    if (complaint.status === 'closed') throw new ComplaintRefused('owner', t('refusal.ownerClosed'));
    const [owner] = isUuid(ownerId)
      ? await tx.select().from(staffUsers).where(and(eq(staffUsers.id, ownerId), eq(staffUsers.serviceId, p.serviceId)))
      : [];
    if (!owner || owner.disabledAt || !can({ kind: 'staff', id: owner.id, serviceId: owner.serviceId, areaId: owner.areaId, role: owner.role, name: owner.name, email: owner.email }, 'complaints.handle')) {
      throw new ComplaintRefused('owner', t('refusal.ownerNotAllowed'));
    }
    if (complaint.ownerId === owner.id) return;
    const now = clock.now();
    await tx.update(complaints).set({ ownerId: owner.id }).where(eq(complaints.id, complaint.id));
    await recordAudit(tx, clock, { actor: p, action: 'complaint.assign', subjectType: 'complaint', subjectId: complaint.id, detail: { from: complaint.ownerId, to: owner.id } });
    if (owner.id !== p.id) {
      await tx.insert(outbox).values({
        serviceId: complaint.serviceId,
        kind: 'complaint_assigned',
        payload: { complaintId: complaint.id, ownerId: owner.id, link: link(complaint.id) },
        dedupeKey: `complaint_assigned:${complaint.id}:${owner.id}:${now.getTime()}`,
        createdAt: now,
        availableAt: now,
      });
    }
  });
}

/** Moves the complaint one step on (acknowledged → investigating → responded → closed). */
export async function moveComplaint(db: Database, clock: Clock, p: StaffPrincipal, id: string, input: MoveInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { complaint, item } = await lockVisible(tx, p, id);
    const stage = complaint.stage as ComplaintStage;
    const refusal = checkMove({ status: complaint.status, wantsReply: replyWanted(stage, item.wantsReply), replySentAt: complaint.replySentAt }, input);
    if (refusal) {
      const field = refusal.code === 'outcome_required' ? 'outcome' : refusal.code === 'reply_required' ? 'reply' : 'to';
      throw new ComplaintRefused(field, refusalMessage(refusal));
    }
    const now = clock.now();
    const changes: Partial<typeof complaints.$inferInsert> = { status: input.to };
    if (input.to === 'acknowledged') changes.acknowledgedAt = now;
    if (input.to === 'responded') {
      changes.respondedAt = now;
      changes.outcome = input.outcome!;
      changes.replyToChild = withClosingParagraph(input.reply ?? '', stage, (await settingsOf(tx, complaint.serviceId)).complaintOmbudsman);
    }
    let contactDeleted = 0;
    if (input.to === 'closed') {
      changes.closedAt = now;
      await tx.update(tellUsItems).set({ handledAt: now, handledBy: p.kind === 'staff' ? p.id : null }).where(eq(tellUsItems.id, item.id));
      contactDeleted = await deleteContact(tx, item.responseId);
    }
    await tx.update(complaints).set(changes).where(and(eq(complaints.id, complaint.id), eq(complaints.status, complaint.status)));
    await recordAudit(tx, clock, {
      actor: p,
      action: 'complaint.status',
      subjectType: 'complaint',
      subjectId: complaint.id,
      detail: { stage, from: complaint.status, to: input.to, ...(input.outcome && input.to === 'responded' ? { outcome: input.outcome } : {}), ...(contactDeleted ? { contactDeleted: true } : {}) },
    });
  });
}

/** Records that the reply went to the child, and deletes their contact details. */
export async function recordReplySent(db: Database, clock: Clock, p: StaffPrincipal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { complaint, item } = await lockVisible(tx, p, id);
    if (!replyWanted(complaint.stage as ComplaintStage, item.wantsReply)) throw new ComplaintRefused('sent', t('refusal.noReplyWanted'));
    if (complaint.replySentAt) return;
    if (complaint.status !== 'responded') throw new ComplaintRefused('sent', t('refusal.replyBeforeResponse'));
    await tx.update(complaints).set({ replySentAt: clock.now() }).where(eq(complaints.id, complaint.id));
    const deleted = await deleteContact(tx, item.responseId);
    await recordAudit(tx, clock, { actor: p, action: 'complaint.reply_sent', subjectType: 'complaint', subjectId: complaint.id, detail: { stage: complaint.stage, contactDeleted: deleted > 0 } });
  });
}
