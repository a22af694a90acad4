// Keying in a paper questionnaire or a phone call on someone's behalf. The answers go through
// submitResponse like any online answer, so alerts, Tell Us items and complaints are raised
// exactly the same way; the response records the channel and who entered it.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { areas, responses, type Stage } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { findCase, type CaseDetail, type Deps } from '../cases/store.ts';
import { listQuestionnaires, type StoredVersion } from '../questionnaire/store.ts';
import { caseKindsFor, scopeOf, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { submitResponse } from '../submission/submit.ts';
import { parseEntry, type EntryError } from './entry-form.ts';

/** Audiences each role may key in answers for: victims' answers only by those who may read them. */
function audiencesFor(p: StaffPrincipal): string[] | 'all' {
  const kinds = caseKindsFor(p);
  if (kinds.includes('child') && kinds.includes('victim')) return 'all';
  if (kinds.includes('victim')) return ['victim'];
  return ['child', 'parent_carer', 'staff', 'other'];
}

/** Questionnaires this person may key in: for a case, those for its kind of person. */
export async function enterableQuestionnaires(db: Queryable, p: StaffPrincipal, forCase: CaseDetail | undefined): Promise<StoredVersion[]> {
  const allowed = audiencesFor(p);
  return (await listQuestionnaires(db, p.serviceId))
    .filter((q) => !q.archived)
    .filter((q) => (forCase ? q.audience === forCase.kind : allowed === 'all' || allowed.includes(q.audience)))
    .sort((a, b) => a.definition.title.en.localeCompare(b.definition.title.en));
}

const Meta = z.object({
  questionnaire: z.string().max(100).optional(),
  case: z.string().max(100).optional(),
  area: z.string().max(100).optional(),
  channel: z.string().max(20).optional(),
  stage: z.string().max(20).optional(),
});

export type MetaField = 'questionnaire' | 'case' | 'area' | 'channel' | 'stage';
export interface EntryMetaValues {
  questionnaire: string;
  case: string;
  area: string;
  channel: string;
  stage: string;
}
/** Everything about the entry except the answers, checked. */
export interface EntryContext {
  values: EntryMetaValues;
  version: StoredVersion;
  forCase: CaseDetail | undefined;
  /** null: the whole service (anonymous entries by service-wide roles). */
  areaId: string | null;
  areaName: string | null;
  channel: 'paper' | 'phone';
  stage: Stage;
}
export type MetaOutcome = { ok: true; context: EntryContext } | { ok: false; values: EntryMetaValues; errors: { field: MetaField; key: string }[]; forCase: CaseDetail | undefined; notFound?: boolean };

/** The whole service, for service-wide roles entering an anonymous response. */
export const WHOLE_SERVICE = 'service';

/** Checks who the entry is for (a case, or an area when anonymous), which questionnaire, how it came in. */
export async function checkEntryMeta(db: Queryable, p: StaffPrincipal, input: Record<string, unknown>): Promise<MetaOutcome> {
  const raw = Meta.safeParse(input);
  const d = raw.success ? raw.data : {};
  const values: EntryMetaValues = { questionnaire: d.questionnaire ?? '', case: d.case ?? '', area: d.area ?? '', channel: d.channel ?? '', stage: d.stage ?? '' };
  const errors: { field: MetaField; key: string }[] = [];
  let forCase: CaseDetail | undefined;
  if (values.case) {
    forCase = await findCase(db, p, values.case);
    if (!forCase) return { ok: false, values, errors: [], forCase: undefined, notFound: true };
  }
  const choices = await enterableQuestionnaires(db, p, forCase);
  const version = choices.find((q) => q.questionnaireId === values.questionnaire);
  if (!version) errors.push({ field: 'questionnaire', key: 'errors.questionnaireMissing' });
  let areaId: string | null = null;
  let areaName: string | null = null;
  if (forCase) {
    areaId = forCase.areaId;
    areaName = forCase.areaName;
  } else {
    // A team or case manager without an area keys into no area at all (never "any area").
    const scope = scopeOf(p, 'responses.enter');
    const wanted = scope.kind === 'area' ? scope.areaId : scope.kind === 'service' ? values.area : '';
    if (wanted === WHOLE_SERVICE && scope.kind === 'service') areaId = null;
    else {
      const [area] = z.uuid().safeParse(wanted).success ? await db.select({ id: areas.id, name: areas.name }).from(areas).where(and(eq(areas.id, wanted), eq(areas.serviceId, p.serviceId))) : [];
      if (area) {
        areaId = area.id;
        areaName = area.name;
      } else errors.push({ field: 'area', key: 'errors.areaMissing' });
    }
  }
  const channel = values.channel === 'paper' || values.channel === 'phone' ? values.channel : undefined;
  if (!channel) errors.push({ field: 'channel', key: 'errors.channelMissing' });
  let stage: Stage = 'none';
  if (version?.definition.staged) {
    if (values.stage === 'start' || values.stage === 'review' || values.stage === 'end') stage = values.stage;
    else errors.push({ field: 'stage', key: 'errors.stageMissing' });
  }
  if (errors.length > 0 || !version || !channel) return { ok: false, values, errors, forCase };
  return { ok: true, context: { values, version, forCase, areaId, areaName, channel, stage } };
}

/** The date the form was filled in: today (now) or an earlier day within the last year. */
export function receivedAt(raw: string, now: Date, zone: string): Date | 'invalid' {
  const text = raw.trim();
  if (text === '') return now;
  const day = DateTime.fromISO(text, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !day.isValid) return 'invalid';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (day > today || day < today.minus({ years: 1 })) return 'invalid';
  return day.hasSame(today, 'day') ? now : day.set({ hour: 12 }).toJSDate();
}

export const EntryFields = z.object({ responseId: z.string().max(100).optional(), receivedOn: z.string().max(20).optional() });

export type EntryOutcome =
  | { ok: true; responseId: string; alerts: number; complaint: boolean; visible: boolean }
  | { ok: false; errors: EntryError[]; dateInvalid: boolean; given: Record<string, unknown> };

/** Parses the answers and stores them once (the form's response id makes a second press a replay). */
export async function enterResponse(deps: Deps, p: StaffPrincipal, ctx: EntryContext, body: Record<string, unknown>, zone: string): Promise<EntryOutcome> {
  const fields = EntryFields.safeParse(body);
  const responseId = fields.success && fields.data.responseId && z.uuid().safeParse(fields.data.responseId).success ? fields.data.responseId : randomUUID();
  const when = receivedAt((fields.success ? fields.data.receivedOn : undefined) ?? '', deps.clock.now(), zone);
  const parsed = parseEntry(ctx.version.definition, body);
  if (parsed.errors.length > 0 || when === 'invalid') return { ok: false, errors: parsed.errors, dateInvalid: when === 'invalid', given: parsed.given };
  const result = await submitResponse(deps, {
    responseId,
    serviceId: p.serviceId,
    areaId: ctx.areaId,
    questionnaireVersionId: ctx.version.versionId,
    answers: parsed.answers,
    channel: ctx.channel,
    caseId: ctx.forCase?.id ?? null,
    stage: ctx.stage,
    language: 'en',
    mode: 'staff',
    enteredBy: p.id,
    submittedAt: when,
  });
  if (result.status === 'created') {
    await recordAudit(deps.db, deps.clock, {
      actor: p,
      action: 'response.enter',
      subjectType: 'response',
      subjectId: result.responseId,
      detail: { channel: ctx.channel, caseId: ctx.forCase?.id ?? null, questionnaireId: ctx.version.questionnaireId },
    });
  }
  const [visible] = await deps.db.select({ id: responses.id }).from(responses).where(and(eq(responses.id, result.responseId), visibleResponses(p)));
  return { ok: true, responseId: result.responseId, alerts: result.alertIds.length, complaint: Boolean(result.complaintId), visible: visible !== undefined };
}
