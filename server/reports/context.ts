// Everything a report builder needs, resolved once: the service and its settings, the area,
// the period and the one before it, the questionnaire and its statements. Unknown areas,
// questionnaires and cases — and those of another service — are "not found".
import { requestLanguage } from '../i18n/request-language.ts';
import { and, asc, eq, or } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, questionnaires, services, type QuestionnaireKind, type Stage } from '../../db/schema.ts';
import { ApiError, errorText } from '../http/errors.ts';
import type { Definition } from '../questionnaire/definition.ts';
import { localise } from '../questionnaire/options.ts';
import { latestVersion } from '../questionnaire/store.ts';
import { resolveSettings } from '../services/settings.ts';
import type { Disclosure } from './cells.ts';
import type { Audience, ReportKind } from './model.ts';
import type { ReportParams } from './params.ts';
import { boundsOf, formatPeriod, lastCompleteHalf, lastCompleteQuarter, previousPeriod, type Period, type PeriodBounds } from './period.ts';
import type { ResponseScope } from './queries/scope.ts';
import { reportedStatements, type ReportedStatement } from './statements.ts';

export interface ReportQuestionnaire {
  id: string;
  slug: string;
  kind: QuestionnaireKind;
  audience: string;
  title: string;
  definition: Definition;
  statements: ReportedStatement[];
}

export interface ReportContext {
  db: Queryable;
  kind: ReportKind;
  service: { id: string; name: string };
  areas: { id: string; name: string; slug: string }[];
  area: { id: string; name: string } | null;
  zone: string;
  threshold: number;
  audience: Audience;
  disclosure: Disclosure;
  now: Date;
  bounds: PeriodBounds;
  previous: PeriodBounds;
  periodText: string;
  stage: Stage | null;
  questionnaire: ReportQuestionnaire;
  params: ReportParams;
}

const notFound = (what: 'service' | 'questionnaire' | 'area') => new ApiError(404, 'not_found', errorText(`notFound.${what}`));

/** The questionnaire kind each report is about by default, and the built-in tried first. */
const DEFAULT_QUESTIONNAIRE: Record<ReportKind, { kind: QuestionnaireKind; slug: string }> = {
  area: { kind: 'end_of_order', slug: 'end-of-order' },
  board: { kind: 'end_of_order', slug: 'end-of-order' },
  disproportionality: { kind: 'end_of_order', slug: 'end-of-order' },
  victims: { kind: 'victim_satisfaction', slug: 'victim-satisfaction' },
  distance: { kind: 'self_assessment', slug: 'self-assessment' },
  'distance-case': { kind: 'self_assessment', slug: 'self-assessment' },
};

/** Reports that must be about one kind of questionnaire. */
const REQUIRED_KIND: Partial<Record<ReportKind, QuestionnaireKind>> = {
  victims: 'victim_satisfaction',
  distance: 'self_assessment',
  'distance-case': 'self_assessment',
};

async function resolveQuestionnaire(db: Queryable, serviceId: string, kind: ReportKind, slug: string | undefined): Promise<ReportQuestionnaire> {
  const wanted = DEFAULT_QUESTIONNAIRE[kind];
  let row: typeof questionnaires.$inferSelect | undefined;
  if (slug) {
    [row] = await db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, slug)));
  } else {
    const candidates = await db
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.serviceId, serviceId), or(eq(questionnaires.slug, wanted.slug), eq(questionnaires.kind, wanted.kind))))
      .orderBy(asc(questionnaires.createdAt));
    row = candidates.find((q) => q.slug === wanted.slug) ?? candidates.find((q) => q.kind === wanted.kind);
  }
  if (!row) throw notFound('questionnaire');
  const required = REQUIRED_KIND[kind];
  if (required && row.kind !== required) throw new ApiError(400, 'wrong_questionnaire', errorText('wrongQuestionnaire', { kind: required.replace(/_/g, ' ') }));
  const version = await latestVersion(db, serviceId, row.slug);
  if (!version) throw notFound('questionnaire');
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    audience: row.audience,
    title: localise(version.definition.title, requestLanguage()),
    definition: version.definition,
    statements: reportedStatements(version.definition),
  };
}

/**
 * What a shared report may be about (docs/reports.md, "Disclosure control"): whole financial
 * quarters, halves or years only (a custom range could differ from a whole period by one day and
 * give one child's answers away); no stage filter (the stages would split the same children two
 * ways); the disproportionality breakdown by half-year for the whole service only (nested periods
 * or areas would let a withheld group be found by subtraction). The team view has no such limits.
 */
function refuseUnsharable(kind: ReportKind, period: Period, stage: Stage | null, area: ReportContext['area'], ended: boolean): void {
  const refuse = (message: string) => {
    throw new ApiError(400, 'not_shareable', message, [{ path: 'view', message }]);
  };
  if (period.kind === 'range') refuse(errorText('shared.wholePeriod'));
  // A period still running grows day by day: two copies taken a day apart would differ by that
  // day's answers, as two periods a day apart would.
  if (!ended && kind !== 'distance-case') refuse(errorText('shared.ended'));
  if (stage !== null && kind !== 'distance-case') refuse(errorText('shared.allStages'));
  if (kind === 'disproportionality' && (period.kind !== 'half' || area !== null)) refuse(errorText('shared.groups'));
}

export const isVictimQuestionnaire = (q: { kind: string; audience: string }) => q.audience === 'victim' || q.kind === 'victim_satisfaction';

export async function resolveContext(db: Queryable, params: ReportParams): Promise<ReportContext> {
  const [service] = await db.select().from(services).where(eq(services.id, params.serviceId));
  if (!service) throw notFound('service');
  const settings = resolveSettings(service.settings);
  const serviceAreas = await db
    .select({ id: areas.id, name: areas.name, slug: areas.slug })
    .from(areas)
    .where(eq(areas.serviceId, service.id))
    .orderBy(asc(areas.name));
  let area: ReportContext['area'] = null;
  if (params.area && params.area !== 'all') {
    const found = serviceAreas.find((a) => a.id === params.area || a.slug === params.area);
    if (!found) throw notFound('area');
    area = { id: found.id, name: found.name };
  }
  const questionnaire = await resolveQuestionnaire(db, service.id, params.kind, params.questionnaireSlug);
  if (isVictimQuestionnaire(questionnaire) && params.allowVictims === false) throw notFound('questionnaire');

  const now = params.now ?? new Date();
  const zone = settings.timeZone;
  const period = params.period ?? (params.kind === 'disproportionality' ? lastCompleteHalf(now, zone) : lastCompleteQuarter(now, zone));
  const audience: Audience = params.kind === 'distance-case' ? 'team' : (params.audience ?? 'shared');
  const threshold = settings.suppressionThreshold;
  if (audience === 'shared') refuseUnsharable(params.kind, period, params.stage ?? null, area, boundsOf(period, zone).end <= now);
  return {
    db,
    kind: params.kind,
    service: { id: service.id, name: service.name },
    areas: serviceAreas,
    area,
    zone,
    threshold,
    audience,
    disclosure: { audience, threshold },
    now,
    bounds: boundsOf(period, zone),
    previous: boundsOf(previousPeriod(period, zone), zone),
    periodText: formatPeriod(period),
    stage: params.stage ?? null,
    questionnaire,
    params,
  };
}

/** The responses a report counts: this questionnaire, the area (if any), the stage (if any), a window. */
export function scopeOf(ctx: ReportContext, window: { start: Date; end: Date } = ctx.bounds, overrides: Partial<ResponseScope> = {}): ResponseScope {
  return {
    serviceId: ctx.service.id,
    questionnaireIds: [ctx.questionnaire.id],
    areaId: ctx.area?.id ?? null,
    stage: ctx.stage,
    start: window.start,
    end: window.end,
    ...overrides,
  };
}

/** The model's common header. */
export function modelHeader(ctx: ReportContext, title: string) {
  return {
    kind: ctx.kind,
    title,
    service: ctx.service,
    area: ctx.area,
    period: { text: ctx.periodText, label: ctx.bounds.label, from: ctx.bounds.from, to: ctx.bounds.to },
    questionnaire: { slug: ctx.questionnaire.slug, title: ctx.questionnaire.title },
    stage: ctx.stage,
    audience: ctx.audience,
    threshold: ctx.threshold,
    timeZone: ctx.zone,
    generatedAt: ctx.now.toISOString(),
  };
}
