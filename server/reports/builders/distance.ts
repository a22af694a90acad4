// (d) Self-assessment distance travelled: for the board, how children's own view of each life
// area moved between their start and end self-assessments; for a case manager, one child's
// start, reviews and end side by side.
import { requestLanguage } from '../../i18n/request-language.ts';
import { formatDayShort } from '../../time/format.ts';
import { eq } from 'drizzle-orm';
import { cases } from '../../../db/schema.ts';
import { ApiError, errorText } from '../../http/errors.ts';
import { localise, optionsOf } from '../../questionnaire/options.ts';
import { countCell, countOf, countsAcross, measureOver, textCell } from '../cells.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { ReportModel, Section } from '../model.ts';
import { caseAssessments, distanceTravelled } from '../queries/distance.ts';
import { responseCounts } from '../queries/statements.ts';
import { notesFor, scopeLabel } from './notes.ts';
import { isId } from '../../http/ids.ts';

const STAGE_ORDER = ['start', 'review', 'end'] as const;

function domainsOf(ctx: ReportContext) {
  return ctx.questionnaire.statements.filter((s) => s.domain !== null).map((s) => ({ domain: s.domain!, questionId: s.questionId, label: s.label }));
}

export async function buildDistanceReport(ctx: ReportContext): Promise<ReportModel> {
  const d = ctx.disclosure;
  const [changes, byStage] = await Promise.all([distanceTravelled(ctx.db, scopeOf(ctx, ctx.bounds, { stage: null })), responseCounts(ctx.db, scopeOf(ctx, ctx.bounds, { stage: null }), { by: 'stage' })]);
  const domains = domainsOf(ctx);
  const children = Math.max(0, ...changes.map((c) => c.children));
  const rows = domains.map((dom) => {
    const c = changes.find((x) => x.domain === dom.domain) ?? { children: 0, startMean: null, endMean: null, improved: 0, same: 0, worse: 0 };
    const moved = countsAcross([c.improved, c.same, c.worse], d);
    return {
      dom,
      startMean: measureOver(c.startMean, c.children, d),
      endMean: measureOver(c.endMean, c.children, d),
      cells: [
        countCell(moved.total),
        { type: 'measure' as const, value: measureOver(c.startMean, c.children, d), unit: 'score' as const },
        { type: 'measure' as const, value: measureOver(c.endMean, c.children, d), unit: 'score' as const },
        ...moved.cells.map(countCell),
      ],
    };
  });
  const stageCounts = STAGE_ORDER.map((s) => byStage.find((b) => b.group === s)?.n ?? 0);
  const stageCells = countsAcross(stageCounts, d);
  const shown = rows.filter((r) => r.startMean !== null && r.endMean !== null);
  const section: Section = {
    id: 'distance',
    title: tr('sections.distance'),
    intro: tr('intro.distance'),
    chart:
      domains.length > 0
        ? {
            title: tr('charts.distanceTitle', { period: ctx.bounds.label }),
            summary:
              shown.length === 0
                ? tr('charts.nothingShown')
                : tr('charts.distanceSummary', { list: shown.map((r) => tr('charts.distanceItem', { label: r.dom.label, start: r.startMean!.toFixed(2), end: r.endMean!.toFixed(2) })).join('; ') }),
            chart: { type: 'grouped-bars', unit: 'score', max: 3, series: [tr('columns.startMean'), tr('columns.endMean')], groups: rows.map((r) => ({ label: r.dom.label, values: [r.startMean, r.endMean] })) },
          }
        : undefined,
    tables: [
      {
        caption: tr('tables.distance', { period: ctx.bounds.label }),
        columns: [
          { key: 'area', label: tr('columns.lifeArea') },
          { key: 'children', label: tr('columns.children') },
          { key: 'startMean', label: tr('columns.startMean') },
          { key: 'endMean', label: tr('columns.endMean') },
          { key: 'improved', label: tr('columns.improved') },
          { key: 'same', label: tr('columns.same') },
          { key: 'worse', label: tr('columns.worse') },
        ],
        rows: rows.map((r) => ({ header: r.dom.label, cells: r.cells })),
      },
    ],
  };
  const received: Section = {
    id: 'received',
    title: tr('sections.received'),
    tables: [
      {
        caption: tr('tables.received', { period: ctx.bounds.label }),
        columns: [
          { key: 'stage', label: tr('columns.stage') },
          { key: 'count', label: tr('columns.received') },
        ],
        rows: [...STAGE_ORDER.map((s, i) => ({ header: tr(`stages.${s}`), cells: [countCell(stageCells.cells[i]!)] })), { header: tr('columns.total'), cells: [countCell(stageCells.total)], total: true }],
      },
    ],
  };
  return {
    ...modelHeader(ctx, tr('titles.distance', { scope: scopeLabel(ctx), period: ctx.bounds.label })),
    stage: null,
    scopeLabel: scopeLabel(ctx),
    headlines: [{ label: tr('headlines.childrenCompared'), cell: countCell(countOf(children, d)) }],
    sections: [section, received],
    notes: [...notesFor(ctx), tr('notes.distance')],
  };
}

/** One child's self-assessments side by side, for their case manager (never shared beyond the team). */
export async function buildCaseDistanceReport(ctx: ReportContext): Promise<ReportModel> {
  const caseId = ctx.params.caseId;
  const [child] = isId(caseId) ? await ctx.db.select().from(cases).where(eq(cases.id, caseId)) : [];
  if (!child || child.serviceId !== ctx.service.id || child.kind !== 'child') throw new ApiError(404, 'not_found', errorText('notFound.case'));
  const scores = await caseAssessments(ctx.db, ctx.service.id, child.id, [ctx.questionnaire.id]);
  const assessments = [...new Map(scores.map((s) => [s.responseId, s])).values()];
  const day = (d: Date) => formatDayShort(d, ctx.zone);
  const headers = assessments.map((a) => tr('distance.assessment', { stage: tr(`stages.${a.stage}`), date: day(a.submittedAt) }));
  const questions = new Map(ctx.questionnaire.definition.questions.map((q) => [q.id, q]));
  const domains = domainsOf(ctx);
  const scoreOf = (responseId: string, questionId: string) => scores.find((s) => s.responseId === responseId && s.questionId === questionId)?.score ?? null;
  const labelOf = (questionId: string, score: number) => {
    const q = questions.get(questionId);
    const o = q ? optionsOf(q).find((x) => x.value === String(score)) : undefined;
    return o ? tr('distance.score', { label: localise(o.label, requestLanguage()), score }) : String(score);
  };
  const first = assessments[0];
  const last = assessments.at(-1);
  const rows = domains.map((dom) => {
    const from = first ? scoreOf(first.responseId, dom.questionId) : null;
    const to = last && last !== first ? scoreOf(last.responseId, dom.questionId) : null;
    const change = from !== null && to !== null ? to - from : null;
    return {
      header: dom.label,
      cells: [
        ...assessments.map((a) => {
          const s = scoreOf(a.responseId, dom.questionId);
          return textCell(s === null ? tr('distance.skipped') : labelOf(dom.questionId, s));
        }),
        textCell(change === null ? tr('numbers.noComparison') : change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '0'),
      ],
    };
  });
  const section: Section = {
    id: 'child',
    title: tr('sections.childDistance'),
    intro: tr('intro.childDistance'),
    chart:
      assessments.length > 0
        ? {
            title: tr('charts.childTitle', { reference: child.caseReference }),
            summary: tr('charts.childSummary', {
              list: domains
                .map((dom) => `${dom.label}: ${assessments.map((a, i) => `${headers[i]} ${scoreOf(a.responseId, dom.questionId) ?? tr('distance.skipped')}`).join(', ')}`)
                .join('; '),
            }),
            chart: { type: 'grouped-bars', unit: 'score', max: 3, series: headers, groups: domains.map((dom) => ({ label: dom.label, values: assessments.map((a) => scoreOf(a.responseId, dom.questionId)) })) },
          }
        : undefined,
    tables:
      assessments.length > 0
        ? [
            {
              caption: tr('tables.child', { reference: child.caseReference }),
              columns: [{ key: 'area', label: tr('columns.lifeArea') }, ...headers.map((h, i) => ({ key: `assessment-${i + 1}`, label: h })), { key: 'change', label: tr('columns.changeScore') }],
              rows,
            },
          ]
        : [],
    empty: assessments.length === 0 ? tr('empty.noAssessments') : undefined,
  };
  return {
    ...modelHeader(ctx, tr('titles.childDistance', { reference: child.caseReference })),
    period: { text: 'all', label: tr('distance.allTime'), from: first ? first.submittedAt.toISOString().slice(0, 10) : '', to: last ? last.submittedAt.toISOString().slice(0, 10) : '' },
    stage: null,
    area: ctx.areas.find((a) => a.id === child.areaId) ?? null,
    scopeLabel: tr('distance.case', { reference: child.caseReference }),
    headlines: [{ label: tr('headlines.assessments'), cell: countCell({ value: assessments.length, status: 'shown' }) }],
    sections: [section],
    notes: [tr('notes.team'), tr('notes.distance')],
  };
}
