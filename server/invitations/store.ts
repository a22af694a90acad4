// Personal invitations, staff side: issue one for a case (the code is shown once, only its
// hash is kept), list a case's invitations with where each has got to, and withdraw one.
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { cases, drafts, invitations, type Stage } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { findCase, type CaseDetail, type Deps } from '../cases/store.ts';
import { listQuestionnaires } from '../questionnaire/store.ts';
import { generateInvitationCode, hashCode, normaliseCode } from '../respond/codes.ts';
import { visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { Language } from '../questionnaire/definition.ts';
import { MESSAGE_LANGUAGES, type MessageLanguage } from './message.ts';
import { DEFAULT_EXPIRY_DAYS, expiryOf, invitationStatus, isOutstanding, MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS, type InvitationStatus } from './status.ts';
import { isId } from '../http/ids.ts';
import { createOnce, earlierResult, formKeyOf } from '../staff/form-once.ts';
import { sendsForInvitations, type SendListItem } from './send.ts';

export interface InvitableQuestionnaire {
  id: string;
  slug: string;
  kind: string;
  title: string;
  /** Self-assessments: asked at the start, at reviews and at the end. */
  staged: boolean;
  /** The languages the questionnaire is written in that an invitation can also be sent in. */
  languages: MessageLanguage[];
  titles: Partial<Record<Language, string>>;
}

/** Questionnaires a case can be invited to: children to children's, victims to victims'; never archived ones or Tell Us (an open link). */
export async function invitableQuestionnaires(db: Queryable, serviceId: string, caseKind: 'child' | 'victim'): Promise<InvitableQuestionnaire[]> {
  const all = await listQuestionnaires(db, serviceId);
  return all
    .filter((q) => !q.archived && q.kind !== 'tell_us' && q.audience === caseKind)
    .map((q) => ({
      id: q.questionnaireId,
      slug: q.slug,
      kind: q.kind,
      title: q.definition.title.en,
      staged: q.definition.staged === true,
      languages: MESSAGE_LANGUAGES.filter((l) => q.definition.languages.includes(l)),
      titles: q.definition.title,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

const IssueFields = z.object({
  questionnaireId: z.string().max(100).optional(),
  stage: z.string().max(20).optional(),
  expiresInDays: z.string().max(10).optional(),
  language: z.string().max(10).optional(),
});

export type IssueField = 'questionnaireId' | 'stage' | 'expiresInDays' | 'language';
export interface IssueFormValues {
  questionnaireId: string;
  stage: string;
  expiresInDays: string;
  language: string;
}
export type IssueOutcome =
  | { ok: true; invitationId: string; code: string; questionnaire: InvitableQuestionnaire; stage: Stage; expiresAt: Date; language: MessageLanguage }
  | { ok: false; values: IssueFormValues; errors: { field: IssueField; key: string }[] }
  /** The same form sent again (a reload, a second press): the first invitation stands, no second one. */
  | { ok: 'repeat'; invitationId: string };

export const blankIssueForm = (): IssueFormValues => ({ questionnaireId: '', stage: '', expiresInDays: String(DEFAULT_EXPIRY_DAYS), language: 'en' });

/** Issues an invitation for an open case this person may see. The code in the result is never stored. */
export async function issueInvitation(deps: Deps, p: StaffPrincipal, found: CaseDetail, body: Record<string, unknown>): Promise<IssueOutcome> {
  const formKey = formKeyOf(body);
  // A repeat is a repeat even if the form would no longer pass (the case closed since).
  const earlier = await earlierResult(deps.db, p, formKey);
  if (earlier) return { ok: 'repeat', invitationId: earlier };
  const raw = IssueFields.safeParse(body);
  const values: IssueFormValues = {
    questionnaireId: (raw.success ? raw.data.questionnaireId : undefined) ?? '',
    stage: (raw.success ? raw.data.stage : undefined) ?? '',
    expiresInDays: ((raw.success ? raw.data.expiresInDays : undefined) ?? '').trim(),
    language: (raw.success ? raw.data.language : undefined) || 'en',
  };
  const errors: { field: IssueField; key: string }[] = [];
  const choices = await invitableQuestionnaires(deps.db, p.serviceId, found.kind);
  const questionnaire = choices.find((q) => q.id === values.questionnaireId);
  if (!questionnaire) errors.push({ field: 'questionnaireId', key: 'errors.questionnaireMissing' });
  let stage: Stage = 'none';
  if (questionnaire?.staged) {
    if (values.stage === 'start' || values.stage === 'review' || values.stage === 'end') stage = values.stage;
    else errors.push({ field: 'stage', key: 'errors.stageMissing' });
  }
  const days = values.expiresInDays === '' ? DEFAULT_EXPIRY_DAYS : /^\d{1,3}$/.test(values.expiresInDays) ? Number(values.expiresInDays) : NaN;
  if (!(days >= MIN_EXPIRY_DAYS && days <= MAX_EXPIRY_DAYS)) errors.push({ field: 'expiresInDays', key: 'errors.expiryRange' });
  const language = MESSAGE_LANGUAGES.find((l) => l === values.language);
  if (!language || (questionnaire && !questionnaire.languages.includes(language))) errors.push({ field: 'language', key: 'errors.languageMissing' });
  if (found.closedAt) errors.unshift({ field: 'questionnaireId', key: 'errors.caseClosed' });
  if (errors.length > 0 || !questionnaire || !language) return { ok: false, values, errors };
  // Two presses at once: the second finds the first's claim once it has committed (form-once.ts).
  const once = await createOnce(deps.db, p, formKey, deps.clock.now(), (db) => writeInvitation({ db, clock: deps.clock }, p, found, questionnaire.id, stage, days), (w) => w.invitationId);
  if (once.again) return { ok: 'repeat', invitationId: once.result };
  const { invitationId, code, expiresAt } = once.made;
  return { ok: true, invitationId, code, questionnaire, stage, expiresAt, language };
}

/** Writes a new invitation and its audit row; the code returned is never stored. */
export async function writeInvitation(deps: { db: Queryable; clock: Deps['clock'] }, p: StaffPrincipal, found: Pick<CaseDetail, 'id' | 'areaId'>, questionnaireId: string, stage: Stage, days: number) {
  const now = deps.clock.now();
  const expiresAt = expiryOf(now, days);
  const code = generateInvitationCode();
  const [row] = await deps.db
    .insert(invitations)
    .values({
      serviceId: p.serviceId,
      areaId: found.areaId,
      caseId: found.id,
      questionnaireId,
      stage,
      codeHash: hashCode(code),
      createdBy: p.id,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: invitations.id });
  await recordAudit(deps.db, deps.clock, {
    actor: p,
    action: 'invitation.issue',
    subjectType: 'invitation',
    subjectId: row!.id,
    detail: { caseId: found.id, questionnaireId, stage, expiresAt: expiresAt.toISOString() },
  });
  return { invitationId: row!.id, code, expiresAt };
}

export interface InvitationListItem {
  id: string;
  questionnaireId: string;
  questionnaireTitle: string;
  stage: Stage;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  submittedAt: Date | null;
  revokedAt: Date | null;
  status: InvitationStatus;
  /** Texts and emails sent for it (masked contacts), newest first. */
  sends: SendListItem[];
}

// Written with table names in full: drizzle leaves columns unqualified in a one-table select,
// and inside this subquery a bare "id" would be the draft's.
const col = (table: typeof drafts | typeof invitations, name: string) => sql`${table}.${sql.identifier(name)}`;
const hasAnswers = sql<boolean>`exists (select 1 from ${drafts} where ${col(drafts, 'invitation_id')} = ${col(invitations, 'id')} and ${col(drafts, 'answers')} <> '{}'::jsonb)`;

/** A case's invitations, newest first, with their status. The case must already have been found for this person. */
export async function invitationsForCase(db: Queryable, found: Pick<CaseDetail, 'id'>, serviceId: string, now: Date): Promise<InvitationListItem[]> {
  const rows = await db
    .select({
      id: invitations.id,
      questionnaireId: invitations.questionnaireId,
      stage: invitations.stage,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      openedAt: invitations.openedAt,
      submittedAt: invitations.submittedAt,
      revokedAt: invitations.revokedAt,
      hasAnswers,
    })
    .from(invitations)
    .where(and(eq(invitations.caseId, found.id), eq(invitations.serviceId, serviceId)))
    .orderBy(desc(invitations.createdAt));
  const titles = new Map((await listQuestionnaires(db, serviceId)).map((q) => [q.questionnaireId, q.definition.title.en]));
  const sends = await sendsForInvitations(db, serviceId, rows.map((r) => r.id));
  return rows.map(({ hasAnswers: answered, ...r }) => ({
    ...r,
    sends: sends.filter((s) => s.invitationId === r.id),
    questionnaireTitle: titles.get(r.questionnaireId) ?? '',
    status: invitationStatus({ ...r, hasAnswers: Boolean(answered) }, now),
  }));
}

/** An invitation on a case this person may see, or undefined. */
async function findInvitation(db: Queryable, p: StaffPrincipal, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await db
    .select({ invitation: invitations, hasAnswers })
    .from(invitations)
    .innerJoin(cases, eq(cases.id, invitations.caseId))
    .where(and(eq(invitations.id, id), eq(invitations.serviceId, p.serviceId), visibleCases(p)));
  return row;
}

export type RevokeOutcome = { kind: 'revoked' | 'not_outstanding'; caseId: string } | undefined;

/** Withdraws an invitation still waiting for an answer; its link then says it is no longer in use. */
export async function revokeInvitation(deps: Deps, p: StaffPrincipal, id: string): Promise<RevokeOutcome> {
  const row = await findInvitation(deps.db, p, id);
  if (!row) return undefined;
  const now = deps.clock.now();
  const { invitation } = row;
  if (!isOutstanding(invitationStatus({ ...invitation, hasAnswers: Boolean(row.hasAnswers) }, now))) return { kind: 'not_outstanding', caseId: invitation.caseId };
  await deps.db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.id, invitation.id), sql`${invitations.submittedAt} is null`));
  await recordAudit(deps.db, deps.clock, { actor: p, action: 'invitation.revoke', subjectType: 'invitation', subjectId: invitation.id, detail: { caseId: invitation.caseId } });
  return { kind: 'revoked', caseId: invitation.caseId };
}

export interface WithdrawalDetails {
  invitationId: string;
  caseId: string;
  questionnaireTitle: string;
  /** The languages a replacement code's message can be written in. */
  languages: MessageLanguage[];
  createdAt: Date;
  expiresAt: Date;
}

/** What the "withdraw this invitation?" page names; undefined when it is not found or no longer waiting. */
export async function withdrawalFor(db: Queryable, p: StaffPrincipal, id: string, now: Date): Promise<WithdrawalDetails | 'not_outstanding' | undefined> {
  const row = await findInvitation(db, p, id);
  if (!row) return undefined;
  const { invitation } = row;
  if (!isOutstanding(invitationStatus({ ...invitation, hasAnswers: Boolean(row.hasAnswers) }, now))) return 'not_outstanding';
  const questionnaire = (await listQuestionnaires(db, p.serviceId)).find((q) => q.questionnaireId === invitation.questionnaireId);
  return {
    invitationId: invitation.id,
    caseId: invitation.caseId,
    questionnaireTitle: questionnaire?.definition.title.en ?? '',
    languages: MESSAGE_LANGUAGES.filter((l) => questionnaire?.definition.languages.includes(l)),
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

export type ReissueOutcome =
  | { kind: 'reissued'; caseId: string; invitationId: string; code: string; expiresAt: Date; questionnaire: InvitableQuestionnaire; stage: Stage }
  | { kind: 'not_outstanding'; caseId: string }
  | undefined;

/**
 * A lost code: withdraws the invitation and issues a new one for the same questionnaire and stage,
 * lasting as long as the first did, in one transaction. Pressing twice withdraws nothing more:
 * the second press finds the first invitation already withdrawn.
 */
export async function reissueInvitation(deps: Deps, p: StaffPrincipal, id: string): Promise<ReissueOutcome> {
  return deps.db.transaction(async (tx) => {
    const row = await findInvitation(tx, p, id);
    if (!row) return undefined;
    const now = deps.clock.now();
    const { invitation } = row;
    const found = await findCase(tx, p, invitation.caseId);
    const questionnaire = found && (await invitableQuestionnaires(tx, p.serviceId, found.kind)).find((q) => q.id === invitation.questionnaireId);
    const outstanding = isOutstanding(invitationStatus({ ...invitation, hasAnswers: Boolean(row.hasAnswers) }, now));
    if (!found || !questionnaire || found.closedAt || !outstanding) return { kind: 'not_outstanding', caseId: invitation.caseId };
    const withdrawn = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitation.id), sql`${invitations.submittedAt} is null`, sql`${invitations.revokedAt} is null`))
      .returning({ id: invitations.id });
    if (withdrawn.length === 0) return { kind: 'not_outstanding', caseId: invitation.caseId };
    await recordAudit(tx, deps.clock, { actor: p, action: 'invitation.revoke', subjectType: 'invitation', subjectId: invitation.id, detail: { caseId: invitation.caseId, reissued: true } });
    const lasted = Math.round((invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / (24 * 60 * 60 * 1000));
    const days = Math.min(MAX_EXPIRY_DAYS, Math.max(MIN_EXPIRY_DAYS, lasted));
    const issued = await writeInvitation({ db: tx, clock: deps.clock }, p, found, questionnaire.id, invitation.stage, days);
    return { kind: 'reissued', caseId: found.id, questionnaire, stage: invitation.stage, ...issued };
  });
}

export interface SlipData {
  invitationId: string;
  code: string;
  caseId: string;
  caseKind: 'child' | 'victim';
  questionnaireTitle: string;
  questionnaireTitles: Partial<Record<Language, string>>;
  expiresAt: Date;
}

/**
 * The printable slip needs the code, which Heard does not keep: the page that showed it once
 * sends it back, and it is only accepted when it matches this invitation's hash.
 */
export async function slipFor(db: Queryable, p: StaffPrincipal, id: string, rawCode: string): Promise<SlipData | undefined> {
  const code = normaliseCode(rawCode);
  if (!code) return undefined;
  const row = await findInvitation(db, p, id);
  if (!row || row.invitation.codeHash !== hashCode(code)) return undefined;
  const found = await findCase(db, p, row.invitation.caseId);
  if (!found) return undefined;
  const titles = new Map((await listQuestionnaires(db, p.serviceId)).map((q) => [q.questionnaireId, q.definition.title]));
  const title = titles.get(row.invitation.questionnaireId);
  return {
    invitationId: row.invitation.id,
    code,
    caseId: found.id,
    caseKind: found.kind,
    questionnaireTitle: title?.en ?? '',
    questionnaireTitles: title ?? {},
    expiresAt: row.invitation.expiresAt,
  };
}

/**
 * What the send form needs, given the code the page that showed it sends back (accepted only when
 * it matches this invitation and the invitation is still waiting for an answer).
 */
export async function sendableFor(db: Queryable, p: StaffPrincipal, id: string, rawCode: string) {
  const slip = await slipFor(db, p, id, rawCode);
  if (!slip) return undefined;
  const [row] = await db.select({ stage: invitations.stage, questionnaireId: invitations.questionnaireId, revokedAt: invitations.revokedAt, submittedAt: invitations.submittedAt }).from(invitations).where(eq(invitations.id, id));
  if (!row || row.revokedAt || row.submittedAt) return undefined;
  const questionnaire = (await invitableQuestionnaires(db, p.serviceId, slip.caseKind)).find((q) => q.id === row.questionnaireId);
  if (!questionnaire) return undefined;
  return { invitationId: slip.invitationId, caseId: slip.caseId, code: slip.code, expiresAt: slip.expiresAt, stage: row.stage, questionnaire };
}
