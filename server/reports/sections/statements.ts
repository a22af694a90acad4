// "89% (75 of 84) said staff took their views seriously all or most of the time", with the
// change since the period before: one query over both periods.
import { changeBetween, shareCell, textCell } from '../cells.ts';
import { shareOfAtoms } from '../disclosure/atoms.ts';
import { areaFilter, shareAtomsFor } from '../disclosure/gather.ts';
import { slicesFor, slicesWithin } from '../disclosure/slices.ts';
import { scopeOf, type ReportContext } from '../context.ts';
import { changeText, intervalText, statementSentence, tr, wholePercent } from '../format.ts';
import type { Section, Share } from '../model.ts';
import { statementCounts } from '../queries/statements.ts';
import type { ReportedStatement } from '../statements.ts';

export interface StatementResult {
  section: Section;
  current: Map<string, Share>;
}

export interface StatementOptions {
  id: string;
  title: string;
  intro?: string;
  statements?: ReportedStatement[];
  /** A share to reach, in percent (the Victims Board's 70%). */
  target?: number;
}

export async function statementsSection(ctx: ReportContext, opts: StatementOptions): Promise<StatementResult> {
  const statements = opts.statements ?? ctx.questionnaire.statements;
  // Figures are built from area-and-quarter atoms (shared) so they agree with every other report.
  const window = { start: ctx.previous.start, end: ctx.bounds.end };
  const slices = slicesFor(ctx, [ctx.previous, ctx.bounds]);
  const rows = await statementCounts(ctx.db, scopeOf(ctx, window), statements.map((s) => s.questionId), { by: 'area-period', starts: slices.starts });
  const inArea = areaFilter(ctx.area?.id ?? null);
  const nowSlices = slicesWithin(slices, ctx.bounds);
  const beforeSlices = slicesWithin(slices, ctx.previous);
  const current = new Map<string, Share>();
  const sentences: string[] = [];
  const tableRows = statements.map((s) => {
    const share = shareOfAtoms(shareAtomsFor(rows, s.questionId, inArea, nowSlices), ctx.disclosure);
    const previous = shareOfAtoms(shareAtomsFor(rows, s.questionId, inArea, beforeSlices), ctx.disclosure);
    const change = changeBetween(share, previous);
    current.set(s.questionId, share);
    const sentence = statementSentence(share, s.statement, ctx.threshold);
    sentences.push(change === null ? sentence : tr('sentences.withChange', { sentence, change: changeText(change), previous: ctx.previous.label }));
    const cells = [shareCell(share), textCell(intervalText(share)), shareCell(previous), { type: 'change' as const, points: change }];
    if (opts.target !== undefined) {
      cells.push(textCell(share.percent === null ? tr('numbers.notShown') : share.percent >= opts.target ? tr('target.met') : tr('target.notMet')));
    }
    return { header: s.label, cells };
  });
  const columns = [
    { key: 'statement', label: tr('columns.statement') },
    { key: 'current', label: ctx.bounds.label },
    { key: 'interval', label: tr('columns.interval') },
    { key: 'previous', label: ctx.previous.label },
    { key: 'change', label: tr('columns.change') },
  ];
  if (opts.target !== undefined) columns.push({ key: 'target', label: tr('columns.target', { target: opts.target }) });
  const bars = statements.map((s) => ({ label: s.label, value: current.get(s.questionId)!.percent }));
  const shown = bars.filter((b) => b.value !== null);
  const summary =
    shown.length === 0
      ? tr('charts.nothingShown')
      : tr('charts.barsSummary', { period: ctx.bounds.label, list: shown.map((b) => `${b.label} ${wholePercent(b.value!)}`).join('; ') });
  return {
    current,
    section: {
      id: opts.id,
      title: opts.title,
      intro: opts.intro,
      sentences,
      chart: statements.length > 0 ? { title: tr('charts.statementsTitle', { period: ctx.bounds.label }), summary, chart: { type: 'bars', unit: 'percent', max: 100, bars } } : undefined,
      tables: [{ caption: tr('tables.statements', { title: opts.title, period: ctx.bounds.label, previous: ctx.previous.label }), columns, rows: tableRows }],
      empty: statements.length === 0 ? tr('empty.noStatements') : undefined,
    },
  };
}
