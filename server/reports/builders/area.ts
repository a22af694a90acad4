// (a) The quarterly area report for the area team and the Participation Group.
import { countCell } from '../cells.ts';
import { modelHeader, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { ReportModel } from '../model.ts';
import { alertsSection, complaintsSection, tellUsSection } from '../sections/activity.ts';
import { changesSection } from '../sections/changes.ts';
import { commentsSection } from '../sections/comments.ts';
import { statementsSection } from '../sections/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

export async function buildAreaReport(ctx: ReportContext): Promise<ReportModel> {
  const childReport = ctx.questionnaire.audience !== 'victim' && ctx.questionnaire.kind !== 'victim_satisfaction';
  const { headlines } = await responseHeadlines(ctx);
  const statements = await statementsSection(ctx, { id: 'statements', title: tr('sections.statements'), intro: tr('intro.statements', { questionnaire: ctx.questionnaire.title }) });
  const comments = await commentsSection(ctx, childReport);
  const sections = [statements.section, comments.section];
  if (childReport) {
    const tellUs = await tellUsSection(ctx);
    const complaints = await complaintsSection(ctx);
    const alerts = await alertsSection(ctx, 'child');
    sections.push(tellUs.section, complaints.section, alerts.section);
    headlines.push({ label: tr('headlines.alerts'), cell: countCell(alerts.raisedCell) });
  }
  const changes = await changesSection(ctx);
  sections.push(changes.section);
  return {
    ...modelHeader(ctx, tr('titles.area', { scope: scopeLabel(ctx), period: ctx.bounds.label })),
    scopeLabel: scopeLabel(ctx),
    comparedWith: { label: ctx.previous.label },
    headlines,
    sections,
    notes: notesFor(ctx),
  };
}
