// (a) The quarterly area report for the area team and the Participation Group.
import { countCell } from '../cells.ts';
import { modelHeader, type ReportContext } from '../context.ts';
import { tr } from '../format.ts';
import type { ReportModel } from '../model.ts';
import { alertsSection, complaintsSection, tellUsSection } from '../sections/activity.ts';
import { changesSection } from '../sections/changes.ts';
import { commentsSection } from '../sections/comments.ts';
import { questionsSection } from '../sections/questions.ts';
import { statementsSection } from '../sections/statements.ts';
import { responseHeadlines } from './headline.ts';
import { notesFor, scopeLabel } from './notes.ts';

/** Who answered, in the words a report uses for them; anyone else is "people". */
const AUDIENCE_WORDS = ['child', 'victim', 'parent_carer', 'professional', 'staff'] as const;
export const reportAudience = (audience: string): (typeof AUDIENCE_WORDS)[number] | 'other' =>
  (AUDIENCE_WORDS as readonly string[]).includes(audience) ? (audience as (typeof AUDIENCE_WORDS)[number]) : 'other';

export async function buildAreaReport(ctx: ReportContext): Promise<ReportModel> {
  // Tell Us, complaints and safeguarding alerts come from children: they belong in the report on a
  // children's questionnaire, not in one on magistrates' or parents' feedback.
  const audience = reportAudience(ctx.questionnaire.audience);
  const childReport = audience === 'child' && ctx.questionnaire.kind !== 'victim_satisfaction';
  const { headlines } = await responseHeadlines(ctx);
  const statements = await statementsSection(ctx, { id: 'statements', title: tr(`audiences.${audience}.statements`), intro: tr('intro.statements', { questionnaire: ctx.questionnaire.title }) });
  const questions = await questionsSection(ctx);
  const comments = await commentsSection(ctx, childReport);
  const sections = [statements.section, questions, comments.section];
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
