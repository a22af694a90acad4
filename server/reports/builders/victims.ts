// (c) The Victims Board report: the contact funnel and the national indicator from the case
// records, satisfaction against the 70% mark, contact and restorative justice as victims
// reported them, and victims' comments approved for sharing.
import { countCell } from '../cells.ts';
import { modelHeader, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { ReportModel } from '../model.ts';
import { alertsSection } from '../sections/activity.ts';
import { victimFunnelSection } from '../sections/victim-funnel.ts';
import { commentsSection } from '../sections/comments.ts';
import { statementsSection } from '../sections/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

const CONTACT_AND_RJ = ['contacted', 'rj_offered', 'rj_taken_up'];
export const VICTIM_TARGET = 70;

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
  // What the case records say, for every victim identified — not only those who answered.
  const funnel = await victimFunnelSection(ctx);
  headlines.push({ label: tr('headlines.victimsIdentified'), cell: countCell(funnel.identifiedCell) });
  const contactStatements = all.filter((s) => CONTACT_AND_RJ.includes(s.questionId));
  const sections = [satisfaction.section, funnel.section];
  if (contactStatements.length > 0) {
    const contact = await statementsSection(ctx, { id: 'contact-rj', title: tr('sections.contactRj'), intro: tr('intro.contactRj'), statements: contactStatements });
    delete contact.section.chart;
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
