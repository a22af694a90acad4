// Opening a personal link: the code in /r/{code} is exchanged for a draft and a cookie, so
// the code need not stay in the address bar (or in history, or a screenshot).
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { drafts, invitations } from '../../db/schema.ts';
import { hashCode, normaliseCode } from './codes.ts';
import { createDraft, rotateDraftToken } from './drafts.ts';
import { latestVersionId, loadVersion } from '../questionnaire/versions.ts';

export type OpenedInvitation =
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'revoked' }
  | { kind: 'submitted'; audience: string }
  | { kind: 'open'; draftId: string; token: string; resumed: boolean; expiresAt: Date };

export async function openInvitation(db: Database, rawCode: string, now: Date): Promise<OpenedInvitation> {
  const code = normaliseCode(rawCode);
  if (!code) return { kind: 'unknown' };
  return openWhere(db, eq(invitations.codeHash, hashCode(code)), now);
}

/**
 * The same for a worker handing their own device to the child (assisted mode), who has the
 * invitation's id but not its code. The caller has checked they may see the invitation.
 */
export function openInvitationById(db: Database, invitationId: string, now: Date): Promise<OpenedInvitation> {
  return openWhere(db, eq(invitations.id, invitationId), now);
}

async function openWhere(db: Database, which: SQL, now: Date): Promise<OpenedInvitation> {
  return db.transaction(async (tx) => {
    // Locked so two taps on the link at once make one draft, not two.
    const [inv] = await tx.select().from(invitations).where(which).for('update');
    if (!inv) return { kind: 'unknown' } as const;
    if (inv.submittedAt) {
      const version = await latestVersionId(tx, inv.questionnaireId);
      const loaded = version ? await loadVersion(tx, version) : undefined;
      return { kind: 'submitted', audience: loaded?.audience ?? 'child' } as const;
    }
    if (inv.revokedAt) return { kind: 'revoked' } as const;
    if (inv.expiresAt <= now) return { kind: 'expired' } as const;
    if (!inv.openedAt) await tx.update(invitations).set({ openedAt: now }).where(eq(invitations.id, inv.id));

    const [existing] = await tx
      .select({ id: drafts.id })
      .from(drafts)
      .where(and(eq(drafts.invitationId, inv.id), isNull(drafts.submittedAt)))
      .limit(1);
    if (existing) {
      const token = await rotateDraftToken(tx, existing.id);
      return { kind: 'open', draftId: existing.id, token, resumed: true, expiresAt: inv.expiresAt } as const;
    }
    const versionId = await latestVersionId(tx, inv.questionnaireId);
    if (!versionId) return { kind: 'unknown' } as const;
    const { draft, token } = await createDraft(tx, {
      serviceId: inv.serviceId,
      areaId: inv.areaId,
      invitationId: inv.id,
      questionnaireVersionId: versionId,
      expiresAt: inv.expiresAt,
      now,
    });
    return { kind: 'open', draftId: draft.id, token, resumed: false, expiresAt: inv.expiresAt } as const;
  });
}
