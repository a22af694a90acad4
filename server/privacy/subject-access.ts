// Subject access and erasure for one case reference: everything Heard holds about a child or
// a victim, exported whole, or erased whole in one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { alerts, answers, cases, commentReviews, complaintNotes, complaints, complaintStages, contactDetails, drafts, invitations, responses, tellUsItems } from '../../db/schema.ts';

export interface CaseKey {
  serviceId: string;
  caseReference: string;
  kind: 'child' | 'victim';
}

export async function findCase(db: Database, key: CaseKey) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.serviceId, key.serviceId), eq(cases.caseReference, key.caseReference), eq(cases.kind, key.kind)));
  return row;
}

/** Everything held about one case, as plain data for a subject access request. Undefined when there is no such case. */
export async function subjectAccessExport(db: Database, key: CaseKey) {
  const caseRow = await findCase(db, key);
  if (!caseRow) return undefined;
  const responseRows = await db.select().from(responses).where(eq(responses.caseId, caseRow.id));
  const ids = responseRows.map((r) => r.id);
  const none = ids.length === 0;
  const [answerRows, contactRows, alertRows, itemRows, invitationRows] = await Promise.all([
    none ? [] : db.select().from(answers).where(inArray(answers.responseId, ids)),
    none ? [] : db.select().from(contactDetails).where(inArray(contactDetails.responseId, ids)),
    db.select().from(alerts).where(eq(alerts.caseId, caseRow.id)),
    db.select().from(tellUsItems).where(eq(tellUsItems.caseId, caseRow.id)),
    db.select({ id: invitations.id, stage: invitations.stage, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, openedAt: invitations.openedAt, submittedAt: invitations.submittedAt, revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.caseId, caseRow.id)),
  ]);
  const complaintRows = itemRows.length ? await db.select().from(complaints).where(inArray(complaints.tellUsItemId, itemRows.map((i) => i.id))) : [];
  const complaintIds = complaintRows.map((c) => c.id);
  const [noteRows, stageRows] = complaintIds.length
    ? await Promise.all([db.select().from(complaintNotes).where(inArray(complaintNotes.complaintId, complaintIds)), db.select().from(complaintStages).where(inArray(complaintStages.complaintId, complaintIds))])
    : [[], []];
  const complaintOf = (itemId: string) => {
    const c = complaintRows.find((r) => r.tellUsItemId === itemId);
    return c ? { ...c, earlierStages: stageRows.filter((s) => s.complaintId === c.id), notes: noteRows.filter((n) => n.complaintId === c.id) } : null;
  };
  return {
    case: caseRow,
    invitations: invitationRows,
    responses: responseRows.map((r) => ({
      ...r,
      answers: answerRows.filter((a) => a.responseId === r.id).map(({ questionId, optionValue, numericValue, textValue }) => ({ questionId, optionValue, numericValue, textValue })),
      contactDetails: contactRows.find((c) => c.responseId === r.id)?.details ?? null,
    })),
    alerts: alertRows,
    tellUs: itemRows.map((i) => ({ ...i, complaint: complaintOf(i.id) })),
  };
}

/** Erases one case and everything linked to it. Returns false when there is no such case. */
export async function eraseCase(db: Database, key: CaseKey): Promise<boolean> {
  const caseRow = await findCase(db, key);
  if (!caseRow) return false;
  await db.transaction(async (tx) => {
    const responseIds = (await tx.select({ id: responses.id }).from(responses).where(eq(responses.caseId, caseRow.id))).map((r) => r.id);
    const invitationIds = (await tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.caseId, caseRow.id))).map((r) => r.id);
    const itemIds = (await tx.select({ id: tellUsItems.id }).from(tellUsItems).where(eq(tellUsItems.caseId, caseRow.id))).map((r) => r.id);
    if (itemIds.length) {
      await tx.delete(commentReviews).where(inArray(commentReviews.tellUsItemId, itemIds)); // themes and links cascade
      await tx.delete(complaints).where(inArray(complaints.tellUsItemId, itemIds));
      await tx.delete(tellUsItems).where(inArray(tellUsItems.id, itemIds));
    }
    await tx.delete(alerts).where(eq(alerts.caseId, caseRow.id));
    if (responseIds.length) {
      await tx.delete(alerts).where(inArray(alerts.responseId, responseIds));
      const linkedItems = (await tx.select({ id: tellUsItems.id }).from(tellUsItems).where(inArray(tellUsItems.responseId, responseIds))).map((r) => r.id);
      if (linkedItems.length) {
        await tx.delete(commentReviews).where(inArray(commentReviews.tellUsItemId, linkedItems));
        await tx.delete(complaints).where(inArray(complaints.tellUsItemId, linkedItems));
        await tx.delete(tellUsItems).where(inArray(tellUsItems.id, linkedItems));
      }
      await tx.delete(drafts).where(inArray(drafts.responseId, responseIds));
      await tx.delete(responses).where(inArray(responses.id, responseIds)); // answers and contact details cascade
    }
    if (invitationIds.length) {
      await tx.delete(drafts).where(inArray(drafts.invitationId, invitationIds));
      await tx.delete(invitations).where(inArray(invitations.id, invitationIds));
    }
    await tx.delete(cases).where(eq(cases.id, caseRow.id));
  });
  return true;
}
