// The only code that writes responses. One transaction stores the response, its normalised
// answers, contact details (apart), any safeguarding alerts, a Tell Us item and complaint, and
// the outbox rows that will tell people about them — so nothing can be half-written, and
// nothing about an alert can be lost between "saved" and "emailed".
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import {
  alerts,
  answers as answersTable,
  cases,
  complaints,
  contactDetails,
  drafts,
  invitations,
  outbox,
  responses,
  services,
  tellUsItems,
  type AlertConcern,
  type Stage,
} from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Definition } from '../questionnaire/definition.ts';
import { missingRequired, parseAnswer, routeOf, type Answers } from '../questionnaire/engine.ts';
import { normaliseAnswers, type AnswerRow } from '../questionnaire/normalise.ts';
import { safeguardingPhrases } from '../questionnaire/phrases.ts';
import { signalsOf } from '../questionnaire/signals.ts';
import { loadVersion } from '../questionnaire/versions.ts';
import { resolveSettings } from '../services/settings.ts';
import { fileTellUsItem } from '../tell-us/file.ts';
import { firstEscalationAt, isOutOfHours } from '../alerts/out-of-hours.ts';
import { SubmissionConflict, SubmissionInvalid, SubmissionRefused } from './errors.ts';

export type Channel = 'personal_link' | 'open_link' | 'paper' | 'phone' | 'email' | 'import';

export interface Demographics {
  ageBand?: string | null;
  gender?: string | null;
  ethnicity?: string | null;
  careStatus?: string | null;
  specialNeeds?: string | null;
}

export interface Submission {
  /** Chosen by the client (the draft, the importer): the idempotency key. */
  responseId: string;
  serviceId: string;
  areaId?: string | null;
  questionnaireVersionId: string;
  answers: Answers;
  channel: Channel;
  invitationId?: string | null;
  caseId?: string | null;
  stage?: Stage;
  language?: string;
  mode?: 'form' | 'chat' | 'staff';
  enteredBy?: string | null;
  submittedAt?: Date;
  /** For imports without a case: the reporting details from the file. */
  demographics?: Demographics;
}

export interface SubmitResult {
  status: 'created' | 'replayed';
  responseId: string;
  alertIds: string[];
  tellUsItemId?: string;
  complaintId?: string;
}

/** What an alert or complaint imported from earlier records says about how it was handled. */
export const HISTORY_NOTE = 'Imported from earlier records: handled outside Heard at the time.';

/** The version answered, or a clear refusal when there is no such version. */
async function versionOrRefuse(db: Queryable, versionId: string) {
  const version = await loadVersion(db, versionId);
  if (!version) throw new SubmissionInvalid([{ questionId: '', problem: 'unknown questionnaire version' }]);
  return version;
}

/** Checks every answer against the version: known, on the route, within the options, required ones given. */
export function checkAnswers(def: Definition, answers: Answers): Answers {
  const issues: { questionId: string; problem: string }[] = [];
  const onRoute = new Set(routeOf(def, answers).map((q) => q.id));
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const clean: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      issues.push({ questionId: id, problem: 'not a question in this questionnaire version' });
    } else if (!onRoute.has(id)) {
      issues.push({ questionId: id, problem: 'answer to a question that was not asked' });
    } else if (value !== null) {
      const parsed = parseAnswer(q, value);
      if (parsed.ok) clean[id] = parsed.value;
      else issues.push({ questionId: id, problem: parsed.error });
    } else if (q.required) {
      issues.push({ questionId: id, problem: 'required' });
    } else {
      clean[id] = null;
    }
  }
  for (const q of missingRequired(def, clean)) {
    if (!issues.some((i) => i.questionId === q.id)) issues.push({ questionId: q.id, problem: 'required' });
  }
  if (issues.length > 0) throw new SubmissionInvalid(issues);
  return clean;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function bodyHashOf(s: Submission, answers: Answers): string {
  const { questionnaireVersionId, invitationId, caseId, stage, channel, serviceId, areaId } = s;
  return createHash('sha256')
    .update(canonical({ questionnaireVersionId, invitationId: invitationId ?? null, caseId: caseId ?? null, stage: stage ?? 'none', channel, serviceId, areaId: areaId ?? null, answers }))
    .digest('hex');
}

async function existingResult(tx: Queryable, responseId: string, bodyHash: string): Promise<SubmitResult | undefined> {
  const [prior] = await tx.select({ bodyHash: responses.bodyHash }).from(responses).where(eq(responses.id, responseId));
  if (!prior) return undefined;
  if (prior.bodyHash !== bodyHash) throw new SubmissionConflict();
  const alertRows = await tx.select({ id: alerts.id }).from(alerts).where(eq(alerts.responseId, responseId));
  const [item] = await tx.select({ id: tellUsItems.id }).from(tellUsItems).where(eq(tellUsItems.responseId, responseId));
  const [complaint] = item ? await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.tellUsItemId, item.id)) : [];
  return { status: 'replayed', responseId, alertIds: alertRows.map((a) => a.id), tellUsItemId: item?.id, complaintId: complaint?.id };
}

const tellUsChannel = (c: Channel) => (c === 'personal_link' || c === 'open_link' ? 'web' : c === 'import' ? 'paper' : c);
/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { code?: string; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err.code === '23505') return true;
  }
  return false;
}

/**
 * A response's answers in one statement whose text is the same however many there are, so
 * PostgreSQL keeps it prepared: one array per column, not a row of parameters per answer (a
 * dozen answers as rows cost more to build than the rest of the submission).
 */
function insertAnswers(tx: Queryable, responseId: string, rows: AnswerRow[]) {
  // Every array goes as text and is cast in SQL: postgres.js would take an array of booleans for
  // a single boolean, and turns any boolean it does not recognise into false.
  const column = <K extends keyof AnswerRow>(key: K) => sql.param(rows.map((r) => (r[key] === null ? null : String(r[key]))));
  return tx.execute(sql`insert into ${answersTable} (response_id, question_id, option_value, numeric_value, text_value, positive, concern, domain)
    select ${responseId}::uuid, * from unnest(${column('questionId')}::text[], ${column('optionValue')}::text[], ${column('numericValue')}::text[]::integer[],
      ${column('textValue')}::text[], ${column('positive')}::text[]::boolean[], ${column('concern')}::text[]::boolean[], ${column('domain')}::text[])`);
}

/** Stores a submission exactly once. A replay of the same body returns the original result. */
export async function submitResponse(deps: { db: Database; clock: Clock }, s: Submission): Promise<SubmitResult> {
  // Without an invitation a replay is rare and the insert itself finds it (the primary key), so
  // the first try does not look first. With one, the invitation would refuse a replay as used:
  // look first, so the same body is answered as a replay.
  try {
    return await submitOnce(deps, s, !!s.invitationId);
  } catch (e) {
    // A replay, or two copies of one submission raced: the insert hit the primary key; now it
    // can see the stored row and answer as a replay (or a conflict).
    if (isUniqueViolation(e)) return submitOnce(deps, s, true);
    throw e;
  }
}

async function submitOnce({ db, clock }: { db: Database; clock: Clock }, s: Submission, lookFirst: boolean): Promise<SubmitResult> {
  const version = await versionOrRefuse(db, s.questionnaireVersionId);
  if (version.serviceId !== s.serviceId) throw new SubmissionInvalid([{ questionId: '', problem: 'questionnaire belongs to another service' }]);
  const answers = checkAnswers(version.definition, s.answers);
  const bodyHash = bodyHashOf(s, answers);

  return db.transaction(async (tx) => {
    const replay = lookFirst ? await existingResult(tx, s.responseId, bodyHash) : undefined;
    if (replay) return replay;
    const now = clock.now();

    let { areaId = null, caseId = null, stage = 'none' } = s;
    if (s.invitationId) {
      const [inv] = await tx.select().from(invitations).where(eq(invitations.id, s.invitationId)).for('update');
      if (!inv || inv.serviceId !== s.serviceId) throw new SubmissionRefused('wrong_service');
      if (inv.submittedAt) throw new SubmissionRefused('already_submitted');
      if (inv.revokedAt) throw new SubmissionRefused('revoked');
      if (inv.expiresAt <= now) throw new SubmissionRefused('expired');
      ({ areaId, caseId, stage } = inv);
    }
    // The invitation marked used and the child's case read in the same round trip.
    const [, [caseRow]] = await Promise.all([
      s.invitationId ? tx.update(invitations).set({ submittedAt: now }).where(eq(invitations.id, s.invitationId)) : undefined,
      caseId ? tx.select().from(cases).where(eq(cases.id, caseId)) : [],
    ]);
    if (caseId && (!caseRow || caseRow.serviceId !== s.serviceId)) throw new SubmissionRefused('wrong_service');
    areaId = areaId ?? caseRow?.areaId ?? null;
    const demographics: Demographics = caseRow ?? s.demographics ?? {};
    // The service's settings matter only to an alert or a Tell Us item: most responses never read them.
    let settingsRead: ReturnType<typeof resolveSettings> | undefined;
    const settingsOf = async () => {
      if (!settingsRead) {
        const [service] = await tx.select({ settings: services.settings }).from(services).where(eq(services.id, s.serviceId));
        settingsRead = resolveSettings(service?.settings);
      }
      return settingsRead;
    };

    const { rows, contact } = normaliseAnswers(version.definition, answers);
    // One round trip, not four: the statements go together and PostgreSQL runs them in this order
    // (each answer after its response) inside the transaction, so any failure still undoes all.
    await Promise.all([
      tx.insert(responses).values({
        id: s.responseId,
        serviceId: s.serviceId,
        areaId,
        questionnaireId: version.questionnaireId,
        questionnaireVersionId: s.questionnaireVersionId,
        invitationId: s.invitationId ?? null,
        caseId,
        stage,
        channel: s.channel,
        enteredBy: s.enteredBy ?? null,
        language: s.language ?? 'en',
        mode: s.mode ?? (s.enteredBy ? 'staff' : 'form'),
        bodyHash,
        submittedAt: s.submittedAt ?? now,
        ageBand: demographics.ageBand ?? null,
        gender: demographics.gender ?? null,
        ethnicity: demographics.ethnicity ?? null,
        careStatus: demographics.careStatus ?? null,
        specialNeeds: demographics.specialNeeds ?? null,
      }),
      rows.length > 0 ? insertAnswers(tx, s.responseId, rows) : undefined,
      contact ? tx.insert(contactDetails).values({ responseId: s.responseId, serviceId: s.serviceId, details: contact }) : undefined,
      tx.update(drafts).set({ submittedAt: now }).where(eq(drafts.responseId, s.responseId)),
    ]);

    const signals = signalsOf(version.definition, answers, safeguardingPhrases());
    // History brought in from another tool was dealt with at the time: its alerts are recorded
    // (reports count them) as already handled, and nobody is emailed or escalated to today.
    const history = s.channel === 'import';
    const at = s.submittedAt ?? now;
    const handledAlready = history ? { raisedAt: at, acknowledgedAt: at, closedAt: at, actionTaken: HISTORY_NOTE, nextEscalationAt: null } : undefined;
    // One alert per response, listing every concern it raised (answers and phrases): the case
    // manager reads and acknowledges it once.
    const concerns: AlertConcern[] = [
      ...signals.concern.map((questionId) => ({ kind: 'concern' as const, questionId })),
      ...signals.pleaseReview.map((questionId) => ({ kind: 'please_review' as const, questionId })),
    ];
    const alertIds: string[] = [];
    if (concerns.length > 0) {
      const settings = await settingsOf();
      const outOfHours = !history && isOutOfHours(now, settings);
      const [alert] = await tx
        .insert(alerts)
        .values({
          serviceId: s.serviceId,
          areaId,
          responseId: s.responseId,
          caseId,
          kind: signals.concern.length > 0 ? 'concern' : 'please_review',
          questionIds: [...new Set(concerns.map((c) => c.questionId))],
          concerns,
          outOfHours,
          assignedTo: caseRow?.ownerId ?? null,
          raisedAt: now,
          nextEscalationAt: firstEscalationAt(now, settings, outOfHours),
          ...handledAlready,
        })
        .returning({ id: alerts.id });
      alertIds.push(alert!.id);
      if (!history) await tx.insert(outbox).values({ serviceId: s.serviceId, kind: 'alert_raised', payload: { alertId: alert!.id }, dedupeKey: `alert_raised:${alert!.id}`, createdAt: now, availableAt: now });
    }

    let tellUsItemId: string | undefined;
    let complaintId: string | undefined;
    if (version.kind === 'tell_us') {
      const type = (['comment', 'compliment', 'complaint', 'idea'] as const).find((t) => t === answers.feedback_type) ?? 'comment';
      ({ tellUsItemId, complaintId } = await fileTellUsItem(tx, now, await settingsOf(), {
        serviceId: s.serviceId,
        areaId,
        responseId: s.responseId,
        caseId,
        type,
        body: typeof answers.message === 'string' ? answers.message : '',
        channel: tellUsChannel(s.channel),
        wantsReply: answers.wants_reply === 'yes',
        tellMyWorker: answers.tell_my_worker === 'yes',
        loggedBy: s.enteredBy ?? null,
        receivedAt: s.submittedAt ?? now,
        history,
      }));
    }

    return { status: 'created', responseId: s.responseId, alertIds, tellUsItemId, complaintId };
  });
}
