// (c) The Victims Board report: satisfaction against the 70% mark, contact and restorative
// justice offered and taken up, and victims' comments approved for sharing.
import { changeBetween, countCell, shareCell, textCell } from '../cells.ts';
import { modelHeader, scopeOf, type ReportContext } from '../context.ts';
import { changeText, intervalText, statementSentence, tr } from '../format.ts';
import type { ReportModel, Section } from '../model.ts';
import { jointCount } from '../queries/statements.ts';
import { alertsSection, atomWindows } from '../sections/activity.ts';
import { shareOfAtoms } from '../disclosure/atoms.ts';
import { commentsSection } from '../sections/comments.ts';
import { statementsSection } from '../sections/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

const CONTACT_AND_RJ = ['contacted', 'rj_offered', 'rj_taken_up'];
export const VICTIM_TARGET = 70;

/** Victims who took part in restorative justice out of those who were contacted, both periods. */
async function indicatorRow(ctx: ReportContext, section: Section) {
  const first = { questionId: 'contacted', value: 'yes' };
  const second = { questionId: 'rj_taken_up', value: 'yes' };
  // One joint count per area-and-quarter atom (shared), so the indicator follows the family rule.
  const atomsOf = (bounds: { start: Date; end: Date }) =>
    Promise.all(
      atomWindows({ ...ctx, bounds: { ...ctx.bounds, start: bounds.start, end: bounds.end } }).map((w) =>
        jointCount(ctx.db, scopeOf(ctx, w, { areaId: w.areaId, noArea: w.noArea }), first, second),
      ),
    );
  const [now, before] = await Promise.all([atomsOf(ctx.bounds), atomsOf(ctx.previous)]);
  const share = shareOfAtoms(now.map((a) => ({ positive: a.both, base: a.first })), ctx.disclosure);
  const previous = shareOfAtoms(before.map((a) => ({ positive: a.both, base: a.first })), ctx.disclosure);
  const change = changeBetween(share, previous);
  section.tables[0]!.rows.push({ header: tr('victims.indicator'), cells: [shareCell(share), textCell(intervalText(share)), shareCell(previous), { type: 'change', points: change }] });
  const sentence = statementSentence(share, tr('victims.indicatorStatement'), ctx.threshold);
  section.sentences!.push(change === null ? sentence : tr('sentences.withChange', { sentence, change: changeText(change), previous: ctx.previous.label }));
}

export async function buildVictimsReport(ctx: ReportContext): Promise<ReportModel> {
  const { headlines } = await responseHeadlines(ctx);
  const all = ctx.questionnaire.statements;
  const satisfaction = await statementsSection(ctx, {
    id: 'satisfaction',
    title: tr('sections.satisfaction'),
    intro: tr('intro.satisfaction', { target: VICTIM_TARGET }),
    statements: all.filter((s) => !CONTACT_AND_RJ.includes(s.questionId)),
    target: VICTIM_TARGET,
  });
  const contactStatements = all.filter((s) => CONTACT_AND_RJ.includes(s.questionId));
  const sections = [satisfaction.section];
  if (contactStatements.length > 0) {
    const contact = await statementsSection(ctx, { id: 'contact-rj', title: tr('sections.contactRj'), intro: tr('intro.contactRj'), statements: contactStatements });
    delete contact.section.chart;
    if (contactStatements.some((s) => s.questionId === 'contacted') && contactStatements.some((s) => s.questionId === 'rj_taken_up')) await indicatorRow(ctx, contact.section);
    sections.push(contact.section);
  }
  const comments = await commentsSection(ctx, false);
  const alerts = await alertsSection(ctx, 'victim');
  sections.push(comments.section, alerts.section);
  headlines.push({ label: tr('headlines.victimAlerts'), cell: countCell(alerts.raisedCell) });
  return {
    ...modelHeader(ctx, tr('titles.victims', { scope: scopeLabel(ctx), period: ctx.bounds.label })),
    scopeLabel: scopeLabel(ctx),
    comparedWith: { label: ctx.previous.label },
    headlines,
    sections,
    notes: notesFor(ctx),
  };
}
