// Issuing a personal invitation by case reference, for integrations (API, and anything else
// that knows a case only by its reference): the case is recorded if Heard does not know it yet,
// and the invitation is written in the same transaction. The code is returned once and never
// stored. Errors name the field at fault, so the API can answer 400/409 with issues.
//
// The staff pages issue through `issueInvitation` (store.ts), which takes a case already found
// for a signed-in person; this one also serves principals that are not staff rows (API tokens),
// so it never writes their id into created_by or owner_id.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { areas, cases, invitations, type Stage } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { normaliseCaseReference } from '../cases/reference.ts';
import type { Clock } from '../clock.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { generateInvitationCode, hashCode } from '../respond/codes.ts';
import { caseKindsFor } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { expiryOf, MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from './status.ts';
import { invitableQuestionnaires, type InvitableQuestionnaire } from './store.ts';

export interface InvitationRequest {
  caseReference: string;
  kind: 'child' | 'victim';
  /** The area's slug (areas belong to one service). */
  area: string;
  /** The questionnaire's slug in the principal's service. */
  questionnaire: string;
  /** Required (start, review or end) for staged questionnaires; 'none' or absent otherwise. */
  stage?: Stage;
  expiresInDays: number;
}

export interface IssuedInvitation {
  invitationId: string;
  /** Shown once; only its hash is kept. */
  code: string;
  expiresAt: Date;
  stage: Stage;
  questionnaire: InvitableQuestionnaire;
  case: { id: string; reference: string; created: boolean };
}

const refused = (status: 400 | 409, path: string, message: string) =>
  new ApiError(status, status === 400 ? 'invalid_input' : 'conflict', status === 400 ? errorText('invalidInput') : message, [{ path, message }]);

const personId = (p: StaffPrincipal) => (p.kind === 'staff' ? p.id : null);

export async function issueInvitationByReference(deps: { db: Database; clock: Clock }, p: StaffPrincipal, input: InvitationRequest): Promise<IssuedInvitation> {
  const { db, clock } = deps;
  const reference = normaliseCaseReference(input.caseReference);
  if (!reference) throw refused(400, 'caseReference', 'a case reference is letters, digits, - and /, with at least one digit (3 to 30 characters)');
  if (!caseKindsFor(p).includes(input.kind)) throw refused(400, 'kind', `you cannot issue invitations for ${input.kind} cases`);
  if (!(input.expiresInDays >= MIN_EXPIRY_DAYS && input.expiresInDays <= MAX_EXPIRY_DAYS)) {
    throw refused(400, 'expiresInDays', `between ${MIN_EXPIRY_DAYS} and ${MAX_EXPIRY_DAYS} days`);
  }
  const [area] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.slug, input.area), eq(areas.serviceId, p.serviceId)));
  if (!area) throw refused(400, 'area', `this service has no area "${input.area}"`);
  const questionnaire = (await invitableQuestionnaires(db, p.serviceId, input.kind)).find((q) => q.slug === input.questionnaire);
  if (!questionnaire) throw refused(400, 'questionnaire', `this service has no questionnaire "${input.questionnaire}" to invite a ${input.kind} to`);
  const stage: Stage = input.stage ?? 'none';
  if (questionnaire.staged && stage === 'none') throw refused(400, 'stage', `"${questionnaire.slug}" is asked at a stage: give start, review or end`);
  if (!questionnaire.staged && stage !== 'none') throw refused(400, 'stage', `"${questionnaire.slug}" has no stages: leave stage out`);

  return db.transaction(async (tx) => {
    const now = clock.now();
    // Two requests for a new case at once: one inserts, the other finds it.
    const inserted = await tx
      .insert(cases)
      .values({ serviceId: p.serviceId, areaId: area.id, kind: input.kind, caseReference: reference, ownerId: personId(p), createdAt: now })
      .onConflictDoNothing()
      .returning({ id: cases.id });
    const [kase] = await tx
      .select({ id: cases.id, areaId: cases.areaId, closedAt: cases.closedAt })
      .from(cases)
      .where(and(eq(cases.serviceId, p.serviceId), eq(cases.kind, input.kind), eq(cases.caseReference, reference)));
    if (!kase) throw new Error('case missing after insert');
    const created = inserted.length > 0;
    if (created) await recordAudit(tx, clock, { actor: p, action: 'case.create', subjectType: 'case', subjectId: kase.id, detail: { kind: input.kind } });
    if (kase.closedAt) throw refused(409, 'caseReference', `case ${reference} is closed: reopen it before inviting`);
    if (kase.areaId !== area.id) throw refused(409, 'area', `case ${reference} belongs to another area of this service`);

    const code = generateInvitationCode();
    const expiresAt = expiryOf(now, input.expiresInDays);
    const [row] = await tx
      .insert(invitations)
      .values({ serviceId: p.serviceId, areaId: area.id, caseId: kase.id, questionnaireId: questionnaire.id, stage, codeHash: hashCode(code), createdBy: personId(p), createdAt: now, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, clock, {
      actor: p,
      action: 'invitation.issue',
      subjectType: 'invitation',
      subjectId: row!.id,
      detail: { caseId: kase.id, questionnaireId: questionnaire.id, stage, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: row!.id, code, expiresAt, stage, questionnaire, case: { id: kase.id, reference, created } };
  });
}
