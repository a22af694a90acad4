// Assisted mode: a worker hands their own phone or tablet to the child. The staff session on the
// device is marked with the child's draft, which locks every staff page (see requireStaff) until
// the worker gives their password again; giving it back also cuts the device off the draft, so
// the worker cannot go back into what the child wrote.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { drafts, invitations, staffSessions } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { rotateDraftToken } from '../respond/drafts.ts';
import { openInvitationById, type OpenedInvitation } from '../respond/invitation.ts';
import { sha256Hex } from '../security/tokens.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

/** Opens the invitation's questionnaire on this device and locks the staff session to it. */
export async function handOver(db: Database, clock: Clock, p: StaffPrincipal, sessionToken: string, invitation: { id: string; caseId: string }): Promise<OpenedInvitation> {
  const now = clock.now();
  const opened = await openInvitationById(db, invitation.id, now);
  if (opened.kind !== 'open') return opened;
  await db.update(staffSessions).set({ assistedDraftId: opened.draftId, assistedSince: now }).where(eq(staffSessions.idHash, sha256Hex(sessionToken)));
  await recordAudit(db, clock, { actor: p, action: 'assisted.start', subjectType: 'invitation', subjectId: invitation.id, detail: { caseId: invitation.caseId } });
  return opened;
}

export interface HandedBack {
  caseId: string | null;
  /** Whether the child sent their answers before giving the device back. */
  sent: boolean;
}

/** Unlocks the session after the worker's password, and takes the draft away from this device. */
export async function handBack(db: Database, clock: Clock, p: StaffPrincipal, sessionToken: string, draftId: string): Promise<HandedBack> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ submittedAt: drafts.submittedAt, invitationId: drafts.invitationId, caseId: invitations.caseId })
      .from(drafts)
      .leftJoin(invitations, eq(invitations.id, drafts.invitationId))
      .where(eq(drafts.id, draftId));
    // The cookie this device holds stops working; the child's own link still opens the draft.
    if (draft && !draft.submittedAt) await rotateDraftToken(tx, draftId);
    await tx.update(staffSessions).set({ assistedDraftId: null, assistedSince: null }).where(eq(staffSessions.idHash, sha256Hex(sessionToken)));
    const sent = Boolean(draft?.submittedAt);
    await recordAudit(tx, clock, { actor: p, action: 'assisted.end', subjectType: 'invitation', subjectId: draft?.invitationId ?? undefined, detail: { caseId: draft?.caseId ?? null, sent } });
    return { caseId: draft?.caseId ?? null, sent };
  });
}
