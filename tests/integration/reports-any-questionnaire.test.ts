// A fair report for any questionnaire: a service's own "magistrates' feedback on court reports"
// gets every question summarised (ratings with their end labels, yes/no, multiple choice), is
// headed for the people who answered it, and carries no children's Tell Us, complaints or
// safeguarding alerts. Shared, a question is shown whole or not at all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { buildReport } from '../../server/reports/build.ts';
import { cellText } from '../../server/reports/format.ts';
import type { ReportModel } from '../../server/reports/model.ts';
import { parsePeriod } from '../../server/reports/period.ts';
import { submitResponse } from '../../server/submission/submit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, MINI_EOOQ } from '../support/fixtures.ts';

const en = (s: string) => ({ en: s });
const MAGISTRATES: Definition = {
  schemaVersion: 1,
  slug: 'magistrates-feedback',
  kind: 'custom',
  audience: 'professional',
  languages: ['en'],
  title: en("Magistrates' feedback on court reports"),
  intro: en('Thank you for giving your view.'),
  thanks: en('Thank you.'),
  questions: [
    { id: 'clear', type: 'rating', min: 1, max: 5, minLabel: en('Not at all clear'), maxLabel: en('Very clear'), positiveFrom: 4, title: en('How clear was the report?'), report: { statement: en('found the report clear') } },
    { id: 'useful', type: 'rating', min: 1, max: 5, minLabel: en('Not useful'), maxLabel: en('Very useful'), title: en('How useful was the proposal?') },
    { id: 'on_time', type: 'yes_no', title: en('Did the report arrive in time?') },
    { id: 'sections', type: 'multiple_choice', title: en('Which sections helped?'), options: [{ value: 'risk', label: en('Risk') }, { value: 'plan', label: en('Plan') }, { value: 'views', label: en("The child's views") }] },
    { id: 'better', type: 'long_text', title: en('What could be better?') },
    { id: 'else', type: 'long_text', title: en('Anything else?') },
  ],
};

let t: TestApp;
let serviceId: string;
const Q1 = parsePeriod('2025/26-Q1')!;
beforeAll(async () => {
  t = await createTestApp({ now: '2025-05-12T10:00:00Z' });
  const { service, north } = await makeService(t.deps.db);
  serviceId = service.id;
  const mags = await makeQuestionnaire(t.deps.db, service.id, MAGISTRATES);
  const child = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  const send = (versionId: string, answers: Record<string, unknown>) =>
    submitResponse(t.deps, { responseId: randomUUID(), serviceId, areaId: north.id, caseId: null, invitationId: null, questionnaireVersionId: versionId, channel: 'open_link', answers: answers as never });
  // Twelve magistrates: clarity 5×6, 4×6; usefulness spread; two said the report was late (a small group).
  for (let i = 0; i < 12; i++) {
    await send(mags.version.id, { clear: String(i < 6 ? 5 : 4), useful: String(i < 6 ? 5 : 3), on_time: i < 2 ? 'no' : 'yes', sections: i % 2 ? ['risk', 'plan'] : ['plan'], better: 'More on the plan' });
  }
  // A child in the same area says they are not safe: an alert, which is no business of the magistrates' report.
  await send(child.version.id, { views_taken_seriously: 'most', feel_safe: 'no' });
});
afterAll(() => t.close());

const report = (audience: 'team' | 'shared') =>
  buildReport(t.deps.db, { serviceId, kind: 'area', questionnaireSlug: 'magistrates-feedback', period: Q1, audience, now: new Date('2025-07-10T09:00:00Z') });

function questionRows(model: ReportModel, caption: RegExp): [string, string][] {
  const section = model.sections.find((s) => s.id === 'questions')!;
  const table = section.tables.find((tb) => caption.test(tb.caption));
  if (!table) throw new Error(`no table ${caption}`);
  return table.rows.map((r) => [r.header, cellText(r.cells[0]!, model.threshold)]);
}
const questionTable = (model: ReportModel, caption: RegExp) => new Map(questionRows(model, caption));

describe("a report on a service's own questionnaire", () => {
  it('speaks of the people who answered, and leaves out children\'s Tell Us, complaints and alerts', async () => {
    const model = await report('team');
    expect(model.sections.map((s) => s.title)).toContain('What professionals told us');
    expect(JSON.stringify(model)).not.toContain('What children told us');
    expect(model.sections.map((s) => s.id)).not.toEqual(expect.arrayContaining(['tell-us']));
    for (const id of ['tell-us', 'complaints', 'alerts']) expect(model.sections.map((s) => s.id)).not.toContain(id);
  });

  it('summarises every question with answers to choose from: ratings with their end labels, yes/no, multiple choice', async () => {
    const model = await report('team');
    const clear = questionRows(model, /How clear was the report/);
    expect(clear.map(([h]) => h)).toEqual(['1 (Not at all clear)', '2', '3', '4', '5 (Very clear)', 'Answered the question']);
    expect(new Map(clear).get('5 (Very clear)')).toMatch(/^50% \(6 of 12\)/);
    expect(new Map(clear).get('1 (Not at all clear)')).toMatch(/^0% \(0 of 12\)/);
    expect(questionTable(model, /How useful was the proposal/).get('3')).toMatch(/^50% \(6 of 12\)/);
    expect(questionTable(model, /arrive in time/).get('No')).toMatch(/^17% \(2 of 12\)/);
    const sections = questionTable(model, /Which sections helped\?” \(more than one answer/);
    expect(sections.get('Plan')).toMatch(/^100% \(12 of 12\)/);
    expect(sections.get('Risk')).toMatch(/^50% \(6 of 12\)/);
    expect(sections.get('Answered the question')).toBe('12');
  });

  it('shared beyond the team, shows a question whole or not at all', async () => {
    const model = await report('shared');
    // Two said "late": below the threshold of 5, so the whole question is withheld — the "yes" count and the total would give it back.
    const onTime = questionRows(model, /arrive in time/);
    expect(onTime.every(([, v]) => !/\d/.test(v))).toBe(true);
    // Nothing small in the usefulness question (6 and 6 and zeros): shown in full.
    expect(questionTable(model, /How useful was the proposal/).get('5 (Very useful)')).toMatch(/^50% \(6 of 12\)/);
  });
});
