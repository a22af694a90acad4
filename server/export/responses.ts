// Responses as CSV in the importer's format (so an export imports back), streamed a chunk of
// responses at a time: the ids are read first (in the order they were sent), then each chunk's
// responses and answers, so memory stays flat however many there are. Every cell is neutralised
// against spreadsheet formulas.
import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { csvText } from '../csv/writer.ts';
import type { Queryable } from '../../db/index.ts';
import { answers, areas, cases, questionnaires, responses, services } from '../../db/schema.ts';
import { FIXED_COLUMNS, joinChoices } from '../import/format.ts';
import type { Definition } from '../questionnaire/definition.ts';
import { versionById, versionsOf } from '../questionnaire/store.ts';
import { resolveSettings } from '../services/settings.ts';
import { scopeIncludes, scopeOf, visibleResponses } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { exportWindow, type ExportFilter } from './filter.ts';

export interface ExportPlan {
  serviceId: string;
  questionnaireSlug: string;
  /** Question ids, newest version's order first, then any only older versions asked. */
  columns: string[];
  multiple: Set<string>;
  where: SQL;
  caseReferences: boolean;
}

const ANSWERLESS = new Set(['info', 'contact']);

function columnsOf(definitions: Definition[]): { columns: string[]; multiple: Set<string> } {
  const columns: string[] = [];
  const multiple = new Set<string>();
  for (const def of definitions) {
    for (const q of def.questions) {
      if (ANSWERLESS.has(q.type) || columns.includes(q.id)) continue;
      columns.push(q.id);
      if (q.type === 'multiple_choice') multiple.add(q.id);
    }
  }
  return { columns, multiple };
}

/**
 * What an export for this person and filter covers, or undefined when the questionnaire or area
 * is not theirs to export (another service's, or another area's for an area-scoped role).
 */
export async function planExport(db: Queryable, p: StaffPrincipal, f: ExportFilter): Promise<ExportPlan | undefined> {
  const [q] = await db.select({ id: questionnaires.id }).from(questionnaires).where(and(eq(questionnaires.serviceId, p.serviceId), eq(questionnaires.slug, f.questionnaire)));
  if (!q) return undefined;
  const scope = scopeOf(p, 'responses.export');
  if (scope.kind === 'none') return undefined;
  if (f.area) {
    const [area] = await db.select({ id: areas.id }).from(areas).where(and(eq(areas.id, f.area), eq(areas.serviceId, p.serviceId)));
    if (!area || !scopeIncludes(scope, area.id)) return undefined;
  }
  const [service] = await db.select({ settings: services.settings }).from(services).where(eq(services.id, p.serviceId));
  const { start, end } = exportWindow(f, resolveSettings(service?.settings).timeZone);
  const versions = await versionsOf(db, q.id);
  const definitions: Definition[] = [];
  for (const v of [...versions].reverse()) {
    const stored = await versionById(db, v.versionId);
    if (stored) definitions.push(stored.definition);
  }
  return {
    serviceId: p.serviceId,
    questionnaireSlug: f.questionnaire,
    ...columnsOf(definitions),
    caseReferences: f.caseReferences,
    where: and(
      visibleResponses(p),
      eq(responses.questionnaireId, q.id),
      f.area ? eq(responses.areaId, f.area) : undefined,
      start ? gte(responses.submittedAt, start) : undefined,
      end ? lt(responses.submittedAt, end) : undefined,
      f.stage ? eq(responses.stage, f.stage) : undefined,
    )!,
  };
}

/** The ids of the responses an export takes, oldest first. */
export async function exportIds(db: Queryable, plan: ExportPlan): Promise<string[]> {
  const rows = await db.select({ id: responses.id }).from(responses).where(plan.where).orderBy(asc(responses.submittedAt), asc(responses.id));
  return rows.map((r) => r.id);
}

export function headerLine(plan: ExportPlan): string[] {
  return [...FIXED_COLUMNS, ...plan.columns];
}

/** One chunk of responses as CSV records (the writer neutralises them). */
export async function exportRecords(db: Queryable, plan: ExportPlan, ids: string[]): Promise<string[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: responses.id,
      submittedAt: responses.submittedAt,
      stage: responses.stage,
      channel: responses.channel,
      area: areas.slug,
      caseReference: cases.caseReference,
      ageBand: responses.ageBand,
      gender: responses.gender,
      ethnicity: responses.ethnicity,
      careStatus: responses.careStatus,
      specialNeeds: responses.specialNeeds,
    })
    .from(responses)
    .leftJoin(areas, eq(areas.id, responses.areaId))
    .leftJoin(cases, eq(cases.id, responses.caseId))
    .where(and(inArray(responses.id, ids), plan.where));
  const given = await db
    .select({ responseId: answers.responseId, questionId: answers.questionId, optionValue: answers.optionValue, textValue: answers.textValue })
    .from(answers)
    .where(inArray(answers.responseId, ids))
    .orderBy(asc(answers.id));
  const cells = new Map<string, Map<string, string[]>>();
  for (const a of given) {
    const byQuestion = cells.get(a.responseId) ?? new Map<string, string[]>();
    cells.set(a.responseId, byQuestion);
    const list = byQuestion.get(a.questionId) ?? [];
    list.push(a.textValue ?? a.optionValue ?? '');
    byQuestion.set(a.questionId, list);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((r) => {
      const answered = cells.get(r.id) ?? new Map<string, string[]>();
      const fixed = [
        plan.questionnaireSlug,
        r.area ?? '',
        r.submittedAt.toISOString(),
        r.stage,
        r.channel === 'paper' ? 'paper' : 'import',
        plan.caseReferences ? (r.caseReference ?? '') : '',
        r.ageBand ?? '',
        r.gender ?? '',
        r.ethnicity ?? '',
        r.careStatus ?? '',
        r.specialNeeds ?? '',
      ];
      const questions = plan.columns.map((id) => {
        const values = answered.get(id) ?? [];
        return plan.multiple.has(id) ? joinChoices(values) : (values[0] ?? '');
      });
      return [...fixed, ...questions];
    });
}


/** The whole export as a stream: header first, then `chunkSize` responses at a time. */
export function exportStream(db: Queryable, plan: ExportPlan, ids: string[], chunkSize = 500): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvText([headerLine(plan)], { bom: true })));
    },
    async pull(controller) {
      if (offset >= ids.length) {
        controller.close();
        return;
      }
      const chunk = ids.slice(offset, offset + chunkSize);
      offset += chunkSize;
      const records = await exportRecords(db, plan, chunk);
      if (records.length > 0) controller.enqueue(encoder.encode(csvText(records)));
    },
  });
}
