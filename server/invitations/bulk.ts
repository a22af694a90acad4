// Inviting many children at once from a list of case references (pasted, or a CSV exported from
// the case management system: the first column that looks like a reference on each line). First
// a preview says who gets what and what is wrong; nothing is issued unless every line is right,
// and then all in one transaction (all or nothing).
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { cases, type Stage } from '../../db/schema.ts';
import { normaliseCaseReference } from '../cases/reference.ts';
import type { Deps } from '../cases/store.ts';
import { visibleCases } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { MESSAGE_LANGUAGES, type MessageLanguage } from './message.ts';
import { MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from './status.ts';
import { invitableQuestionnaires, writeInvitation, type InvitableQuestionnaire } from './store.ts';

export const MAX_BULK = 200;

export const BulkForm = z.object({
  references: z.string().max(20_000).catch(''),
  questionnaireId: z.string().max(100).catch(''),
  stage: z.enum(['none', 'start', 'review', 'end']).catch('none'),
  language: z.enum(MESSAGE_LANGUAGES).catch('en'),
  expiresInDays: z.coerce.number().int().min(MIN_EXPIRY_DAYS).max(MAX_EXPIRY_DAYS).catch(28),
});
export type BulkInput = z.infer<typeof BulkForm>;

export type LineProblem = 'notReference' | 'unknown' | 'closed' | 'repeated';
export interface PlanLine {
  reference: string;
  caseId?: string;
  problem?: LineProblem;
}
export interface BulkPlan {
  lines: PlanLine[];
  questionnaire?: InvitableQuestionnaire;
  stage: Stage;
  language: MessageLanguage;
  expiresInDays: number;
  /** Problems with the whole list (no questionnaire, too many, none). */
  problems: ('questionnaire' | 'stage' | 'language' | 'empty' | 'tooMany')[];
}

/** "Orders ending": this month or next, in the service's time zone. */
export const ENDING = ['this-month', 'next-month'] as const;
export type Ending = (typeof ENDING)[number];

/** The first day of the month `ending` names and of the one after it, as YYYY-MM-DD. */
export function monthOf(ending: Ending, today: string): { from: string; to: string } {
  const start = DateTime.fromISO(today, { zone: 'utc' }).startOf('month').plus({ months: ending === 'this-month' ? 0 : 1 });
  return { from: start.toISODate()!, to: start.plus({ months: 1 }).toISODate()! };
}

/** Open children's cases this person may see whose order ends in [from, to), by reference. */
export async function casesWithOrdersEnding(db: Queryable, p: StaffPrincipal, month: { from: string; to: string }): Promise<string[]> {
  const rows = await db
    .select({ reference: cases.caseReference })
    .from(cases)
    .where(and(eq(cases.serviceId, p.serviceId), eq(cases.kind, 'child'), isNull(cases.closedAt), gte(cases.orderEndsOn, month.from), lt(cases.orderEndsOn, month.to), visibleCases(p)))
    .orderBy(cases.orderEndsOn, cases.caseReference)
    .limit(MAX_BULK + 1);
  return rows.map((r) => r.reference);
}

/** The references in pasted text or a CSV: per line, the first cell that is a case reference. */
export function referencesIn(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '')))
    .map((cells) => cells.find((c) => normaliseCaseReference(c)) ?? cells.find((c) => c !== '') ?? '')
    .filter((c) => c !== '' && !/^case.?ref/i.test(c));
}

export async function planBulk(db: Queryable, p: StaffPrincipal, input: BulkInput): Promise<BulkPlan> {
  const questionnaire = (await invitableQuestionnaires(db, p.serviceId, 'child')).find((q) => q.id === input.questionnaireId);
  const problems: BulkPlan['problems'] = [];
  if (!questionnaire) problems.push('questionnaire');
  if (questionnaire?.staged && input.stage === 'none') problems.push('stage');
  if (questionnaire && !questionnaire.languages.includes(input.language)) problems.push('language');
  const raw = referencesIn(input.references);
  if (raw.length === 0) problems.push('empty');
  if (raw.length > MAX_BULK) problems.push('tooMany');
  const refs = raw.slice(0, MAX_BULK).map((r) => ({ raw: r, ref: normaliseCaseReference(r) }));
  const wanted = refs.flatMap((r) => (r.ref ? [r.ref] : []));
  const found = wanted.length
    ? await db
        .select({ id: cases.id, reference: cases.caseReference, closedAt: cases.closedAt })
        .from(cases)
        .where(and(eq(cases.serviceId, p.serviceId), eq(cases.kind, 'child'), inArray(cases.caseReference, wanted), visibleCases(p)))
    : [];
  const byRef = new Map(found.map((c) => [c.reference, c]));
  const seen = new Set<string>();
  const lines = refs.map(({ raw: r, ref }): PlanLine => {
    if (!ref) return { reference: r, problem: 'notReference' };
    if (seen.has(ref)) return { reference: ref, problem: 'repeated' };
    seen.add(ref);
    const c = byRef.get(ref);
    if (!c) return { reference: ref, problem: 'unknown' };
    if (c.closedAt) return { reference: ref, caseId: c.id, problem: 'closed' };
    return { reference: ref, caseId: c.id };
  });
  return { lines, questionnaire, stage: questionnaire?.staged ? input.stage : 'none', language: input.language, expiresInDays: input.expiresInDays, problems };
}

export const planIsGood = (plan: BulkPlan) => plan.problems.length === 0 && plan.lines.every((l) => !l.problem);

export interface BulkIssued {
  reference: string;
  invitationId: string;
  code: string;
  expiresAt: Date;
}

/** Issues every line of a good plan in one transaction, or nothing. */
export async function issueBulk(deps: Deps, p: StaffPrincipal, plan: BulkPlan, alsoInTransaction?: (tx: Queryable, firstInvitationId: string) => Promise<void>): Promise<BulkIssued[] | undefined> {
  if (!planIsGood(plan) || !plan.questionnaire) return undefined;
  const questionnaireId = plan.questionnaire.id;
  return deps.db.transaction(async (tx) => {
    const out: BulkIssued[] = [];
    for (const line of plan.lines) {
      const [c] = await tx.select({ id: cases.id, areaId: cases.areaId }).from(cases).where(eq(cases.id, line.caseId!));
      const w = await writeInvitation({ db: tx, clock: deps.clock }, p, c!, questionnaireId, plan.stage, plan.expiresInDays);
      out.push({ reference: line.reference, ...w });
    }
    if (alsoInTransaction && out[0]) await alsoInTransaction(tx, out[0].invitationId);
    return out;
  });
}
