// The questionnaire builder over HTTP, on a real database: who may build, a five-question
// questionnaire built from blank, errors next to the field, branching only backwards, Welsh by
// CSV, the publish check in the builder's words, publishing a version, and what respondents are
// then offered (only the languages the questionnaire has).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, questionnaireDrafts, questionnaireVersions, questionnaires } from '../../db/schema.ts';
import { Definition } from '../../server/questionnaire/definition.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { Respondent, location } from '../support/respond.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let serviceId: string;
let serviceSlug: string;
let lead: StaffClient;
const B = '/staff/builder';
const M = `${B}/magistrates-feedback`;

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeService(t.deps.db);
  serviceId = made.service.id;
  serviceSlug = made.service.slug;
  lead = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'participation_lead'));
});
afterAll(() => t.close());

const html = async (res: Response) => res.text();
const decode = (s: string) => s.replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");

async function draftDef() {
  const [row] = await t.deps.db.select().from(questionnaireDrafts).where(and(eq(questionnaireDrafts.serviceId, serviceId), eq(questionnaireDrafts.slug, 'magistrates-feedback')));
  return row?.definition as { questions: { id: string; type: string; showIf?: unknown; title: Record<string, string> }[]; languages: string[] } | undefined;
}

describe('the questionnaire builder', () => {
  it('lets participation leads and service admins in, and nobody else', async () => {
    expect((await lead.get(B)).status).toBe(200);
    const admin = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'service_admin'));
    expect((await admin.get(`${B}/new`)).status).toBe(200);
    const board = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'board_member'));
    expect((await board.get(B)).status).toBe(403);
    expect((await board.post(`${B}/new`, { title: 'x', from: 'blank' })).status).toBe(403);
  });

  it('starts a blank draft that nobody can answer yet', async () => {
    const missing = await lead.post(`${B}/new`, { title: '', from: 'blank' });
    expect(missing.status).toBe(400);
    expect(await html(missing)).toContain('Enter a name for the questionnaire');
    const res = await lead.post(`${B}/new`, { title: "Magistrates' feedback on court reports", slug: 'magistrates-feedback', from: 'blank' });
    expect(res.status).toBe(303);
    expect(location(res)).toBe(`${M}?done=created`);
    expect(await t.deps.db.select().from(questionnaires).where(eq(questionnaires.slug, 'magistrates-feedback'))).toHaveLength(0);
    const tasks = decode(await html(await lead.get(M)));
    expect(tasks).toContain('Add and edit questions');
    expect(tasks).toContain('There is 1 thing to fix before you can publish.');
  });

  it('starts a draft as a copy of a built-in or of one of the service’s questionnaires', async () => {
    expect(location(await lead.post(`${B}/new`, { title: 'Parent and carer survey 2027', from: 'builtin:parent-carer' }))).toBe(`${B}/parent-and-carer-survey-2027?done=created`);
    const [copy] = await t.deps.db.select().from(questionnaireDrafts).where(and(eq(questionnaireDrafts.serviceId, serviceId), eq(questionnaireDrafts.slug, 'parent-and-carer-survey-2027')));
    const def = copy!.definition as { title: Record<string, string>; questions: unknown[]; audience: string };
    expect(copy!.basedOn).toBe('parent-carer');
    expect(def.questions.length).toBeGreaterThan(3);
    expect(def.audience).toBe('parent_carer');
    // Renamed, so the built-in's translated titles no longer fit and are not kept.
    expect(def.title).toEqual({ en: 'Parent and carer survey 2027' });
    await makeQuestionnaire(t.deps.db, serviceId, { ...MINI_EOOQ, slug: 'ours' });
    expect(location(await lead.post(`${B}/new`, { title: MINI_EOOQ.title.en, slug: 'ours-again', from: 'questionnaire:ours' }))).toBe(`${B}/ours-again?done=created`);
    const taken = await lead.post(`${B}/new`, { title: 'Anything', slug: 'ours', from: 'blank' });
    expect(taken.status).toBe(409);
    expect(decode(await html(taken))).toContain('Your service already has a questionnaire or draft with the short name “ours”');
  });

  it('asks a rating for its end labels, naming the question in the error next to the field', async () => {
    const res = await lead.post(`${M}/questions/new/rating`, { title: 'How useful was the report?', min: '1', max: '5', minLabel: '', maxLabel: 'Very useful' });
    expect(res.status).toBe(400);
    const page = decode(await html(res));
    expect(page).toContain('<a href="#minLabel">Enter the words for the lowest number of “How useful was the report?”</a>');
    expect(page).toContain('id="minLabel-error"');
    expect((await draftDef())!.questions).toHaveLength(0);
  });

  it('builds five questions: two ratings, yes/no and two free texts', async () => {
    const add = async (type: string, form: Record<string, string | string[]>) => {
      const res = await lead.post(`${M}/questions/new/${type}`, form);
      expect(res.status, await res.clone().text()).toBe(303);
    };
    await add('rating', { title: 'How useful was the report?', min: '1', max: '5', minLabel: 'Not at all useful', maxLabel: 'Very useful', positiveFrom: '4' });
    await add('rating', { title: 'How clear was the report?', min: '1', max: '5', minLabel: 'Not at all clear', maxLabel: 'Very clear', positiveFrom: '4' });
    await add('yes_no', { title: 'Did the report help you decide?', rows: '3', 'option-0-value': 'yes', 'option-0-positive': 'yes', 'option-1-value': 'no', 'option-2-value': 'not_sure', 'option-2-exclude': 'yes' });
    await add('long_text', { title: 'What was good about the report?' });
    await add('long_text', { title: 'What could be better?', showIf: 'did_the_report_help_you_decide:no' });
    const def = (await draftDef())!;
    expect(def.questions.map((q) => q.type)).toEqual(['rating', 'rating', 'yes_no', 'long_text', 'long_text']);
    expect(def.questions[4]!.showIf).toEqual({ questionId: 'did_the_report_help_you_decide', anyOf: ['no'] });
    const suggested = def.questions[0] as unknown as { report: { statement: { en: string } } };
    expect(suggested.report.statement.en).toBe('gave 4 or more out of 5 to “How useful was the report?”');
    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.serviceId, serviceId), eq(auditLog.action, 'builder.question_add')));
    expect(audit).toMatchObject({ actorKind: 'staff', subjectType: 'questionnaire_draft' });
  });

  it('offers branching only on earlier questions, and refuses moves that would break it', async () => {
    const form = decode(await html(await lead.get(`${M}/questions/did_the_report_help_you_decide`)));
    expect(form).toContain('The answer to “How useful was the report?” is');
    expect(form).not.toContain('The answer to “What could be better?” is');
    const forward = await lead.post(`${M}/questions/how_useful_was_the_report`, { title: 'How useful was the report?', min: '1', max: '5', minLabel: 'Not at all useful', maxLabel: 'Very useful', showIf: 'did_the_report_help_you_decide:yes' });
    expect(forward.status).toBe(400);
    expect(decode(await html(forward))).toContain('“How useful was the report?” can only depend on answers to questions before it');
    // Moving "What could be better?" above the question it depends on is refused.
    await lead.post(`${M}/questions/what_could_be_better/move`, { direction: 'up' });
    const refused = await lead.post(`${M}/questions/what_could_be_better/move`, { direction: 'up' });
    expect(refused.status).toBe(409);
    expect(decode(await html(refused))).toContain('“What could be better?” cannot move past “Did the report help you decide?”');
    const refusedDelete = await lead.post(`${M}/questions/did_the_report_help_you_decide/delete`);
    expect(refusedDelete.status).toBe(409);
    // Put it back at the end.
    expect((await lead.post(`${M}/questions/what_could_be_better/move`, { direction: 'down' })).status).toBe(303);
    expect((await draftDef())!.questions.at(-1)!.id).toBe('what_could_be_better');
  });

  it('duplicates and deletes a question', async () => {
    expect((await lead.post(`${M}/questions/what_was_good_about_the_report/duplicate`)).status).toBe(303);
    let def = (await draftDef())!;
    expect(def.questions[4]!.title.en).toBe('What was good about the report? (copy)');
    expect((await lead.post(`${M}/questions/${def.questions[4]!.id}/delete`)).status).toBe(303);
    def = (await draftDef())!;
    expect(def.questions).toHaveLength(5);
  });

  it('is for professionals, who answer by form only', async () => {
    expect((await lead.post(`${M}/audience`, { audience: 'professional' })).status).toBe(400);
    expect((await lead.post(`${M}/audience`, { audience: 'professional', modes: 'form' })).status).toBe(303);
    expect((await lead.post(`${M}/links`, { openLink: 'on' })).status).toBe(303);
  });

  it('adds Welsh, and takes a translator’s CSV back only after checking it', async () => {
    expect((await lead.post(`${M}/languages`, { language: 'cy' })).status).toBe(303);
    const problems = decode(await html(await lead.get(`${M}/publish`)));
    expect(problems).toMatch(/Welsh \(Cymraeg\): \d+ texts are not translated yet/);
    const csv = await (await lead.get(`${M}/languages/cy/texts.csv`)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('key,where,en,cy');
    const filled = [lines[0], ...lines.slice(1).map((l) => `${l.replace(/,$/, '')},CY ${l.split(',')[0]}`)].join('\r\n');
    const bad = filled.replace('questions.0.title,', 'questions.99.title,');
    const upload = (text: string) => {
      const body = new FormData();
      body.append('_csrf', lead.csrf);
      body.append('file', new File([text], 'cy.csv', { type: 'text/csv' }));
      return t.app.request(`${M}/languages/cy/import`, { method: 'POST', body, headers: { cookie: lead.cookie, origin: 'http://heard.test' } });
    };
    const refused = await upload(bad);
    expect(refused.status).toBe(400);
    const refusedText = decode(await refused.text());
    expect(refusedText, refusedText.slice(refusedText.indexOf('<main'))).toContain('Row 5 is not one of this questionnaire’s texts (questions.99.title)');
    expect(refusedText).toContain('Row 5 is not one of this questionnaire’s texts (questions.99.title)');
    expect((await draftDef())!.questions[0]!.title.cy).toBeUndefined();
    expect((await upload(filled)).status).toBe(303);

    expect((await draftDef())!.questions[0]!.title.cy).toBe('CY questions.0.title');
    const page = decode(await html(await lead.get(`${M}/languages/cy`)));
    expect(page).toContain('Every text is translated into Welsh (Cymraeg).');
  });

  it('previews a question as a respondent would, storing nothing', async () => {
    const page = decode(await html(await lead.get(`${M}/preview/step/how_useful_was_the_report?lang=cy&mode=form`)));
    expect(page).toContain('<html lang="cy"');
    expect(page).toContain('CY questions.0.title');
    expect(page).toContain('Preview: nothing you enter is saved.');
    // Only the questionnaire's languages, no easy-read switch (no easy-read text), no chat switch.
    expect(page).not.toContain('hreflang="pl"');
    expect(page).not.toContain('?mode=chat');
    const next = await lead.post(`${M}/preview/step/how_useful_was_the_report?lang=cy&mode=form&easy=0`, { answer: '4' });
    expect(location(next)).toBe(`${M}/preview/step/how_clear_was_the_report?lang=cy&mode=form&easy=0`);
  });

  it('publishes version 1, then a reworded version 2 with a page of what changed', async () => {
    const check = decode(await html(await lead.get(`${M}/publish`)));
    expect(check).toContain('Publish');
    const res = await lead.post(`${M}/publish`);
    expect(location(res)).toBe(`${M}/published/1`);
    const [q] = await t.deps.db.select().from(questionnaires).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'magistrates-feedback')));
    expect(q).toMatchObject({ audience: 'professional', kind: 'custom' });
    expect(await draftDef()).toBeUndefined();
    // A magistrate reading Welsh is addressed formally ("chi"), offered English and Welsh only, and no chat.
    const magistrate = new Respondent(t);
    const intro = decode(await (await magistrate.get(`/s/${serviceSlug}/magistrates-feedback?lang=cy`)).text());
    expect(intro).toContain('<html lang="cy"');
    expect(intro).toContain('Gallwch chi hepgor unrhyw gwestiwn nad ydych chi eisiau ei ateb.');
    expect(intro).not.toContain('Gelli di');
    expect(intro).toContain('hreflang="en"');
    expect(intro).not.toContain('hreflang="pl"');
    // A new draft of the published questionnaire; reword a question and publish again.
    expect(location(await lead.post(`${M}/edit`))).toBe(M);
    await lead.post(`${M}/questions/how_clear_was_the_report`, { title: 'How easy to read was the report?', min: '1', max: '5', minLabel: 'Not at all clear', maxLabel: 'Very clear' });
    const untranslated = decode(await html(await lead.get(`${M}/publish`)));
    expect(untranslated).toContain('Welsh (Cymraeg): 1 text is not translated yet');
    await lead.post(`${M}/languages/cy`, { 'text:questions.1.title': 'Pa mor hawdd oedd darllen yr adroddiad?' });
    expect(location(await lead.post(`${M}/publish`))).toBe(`${M}/published/2`);
    const changes = decode(await html(await lead.get(`${M}/changes/1`)));
    expect(changes).toContain('“How clear was the report?” is now “How easy to read was the report?”');
    const versions = await t.deps.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, q!.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('edits the same draft as JSON, the advanced route, and publishes the same kind of definition', async () => {
    const [latest] = await t.deps.db.select().from(questionnaireVersions).innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId)).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'magistrates-feedback'), eq(questionnaireVersions.version, 2)));
    // What the builder published is exactly a definition as the JSON editor and the API take it.
    expect(Definition.parse(latest!.questionnaire_versions.definition)).toEqual(latest!.questionnaire_versions.definition);
    await lead.post(`${M}/edit`);
    const page = decode(await html(await lead.get(`${M}/json`)));
    expect(page).toContain('&quot;how_useful_was_the_report&quot;'.replace(/&quot;/g, '"'));
    const notJson = await lead.post(`${M}/json`, { definition: '{"slug": "magistrates-feedback",' });
    expect(notJson.status).toBe(400);
    const edited = structuredClone(latest!.questionnaire_versions.definition) as { slug: string; questions: { title: Record<string, string> }[] };
    const renamed = await lead.post(`${M}/json`, { definition: JSON.stringify({ ...edited, slug: 'another' }) });
    expect(decode(await html(renamed))).toContain('The slug must stay “magistrates-feedback”');
    edited.questions[3]!.title = { en: 'What was most useful?', cy: 'Beth oedd fwyaf defnyddiol?' };
    expect(location(await lead.post(`${M}/json`, { definition: JSON.stringify(edited) }))).toBe(`${M}/publish`);
    expect(location(await lead.post(`${M}/publish`))).toBe(`${M}/published/3`);
    expect(decode(await html(await lead.get(`${M}/changes/2`)))).toContain('“What was good about the report?” is now “What was most useful?”');
    // A draft begun from version 3 is not published over a version 4 published another way.
    await lead.post(`${M}/edit`);
    const admin = await signInAs(t, await makeStaff(t.deps.db, serviceId, 'service_admin'));
    const v3 = (await t.deps.db.select().from(questionnaireVersions).innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId)).where(and(eq(questionnaires.serviceId, serviceId), eq(questionnaires.slug, 'magistrates-feedback'), eq(questionnaireVersions.version, 3))))[0]!.questionnaire_versions.definition;
    expect((await admin.post('/staff/questionnaires/magistrates-feedback/versions', { definition: JSON.stringify(v3) })).status).toBe(303);
    const outdated = await lead.post(`${M}/publish`);
    expect(outdated.status).toBe(409);
    expect(decode(await html(outdated))).toContain('Version 4 was published after this draft started from version 3');
    expect(decode(await html(await lead.get(`${M}/publish`)))).toContain('Version 4 was published after this draft started from version 3');
    await lead.post(`${M}/discard`);
  });

  it('reports a broken definition in the builder’s words (a rating without its highest number)', async () => {
    const broken = structuredClone(MINI_EOOQ) as unknown as { slug: string; questions: Record<string, unknown>[] };
    broken.slug = 'broken-one';
    broken.questions = [{ id: 'score', type: 'rating', title: { en: 'Score the session' }, min: 1 }];
    await t.deps.db.insert(questionnaireDrafts).values({ serviceId, slug: 'broken-one', definition: broken });
    const page = decode(await html(await lead.get(`${B}/broken-one/publish`)));
    expect(page).toContain('“Score the session” needs its highest number (5 or 10)');
    expect(page).not.toContain('not a recognised question');
  });
});

describe('what respondents are offered', () => {
  it('offers only the languages a questionnaire is written in', async () => {
    await makeQuestionnaire(t.deps.db, serviceId, { ...MINI_EOOQ, slug: 'english-only' }, true);
    const r = new Respondent(t);
    const page = await (await r.get(`/s/${serviceSlug}/english-only?lang=pl`)).text();
    expect(page).toContain('<html lang="en"');
    expect(page).not.toContain('hreflang="pl"');
    expect(page).not.toContain('hreflang="ur"');
  });
});

describe('the register respondents are addressed in', () => {
  it('stays informal for children', async () => {
    const welshChild = { ...MINI_EOOQ, slug: 'child-welsh', audience: 'child' as const, languages: ['en' as const, 'cy' as const] };
    const withCy = JSON.parse(JSON.stringify(welshChild), (k, v) => (v && typeof v === 'object' && !Array.isArray(v) && typeof v.en === 'string' ? { ...v, cy: v.en } : v));
    await makeQuestionnaire(t.deps.db, serviceId, withCy, true);
    const page = decode(await (await new Respondent(t).get(`/s/${serviceSlug}/child-welsh?lang=cy`)).text());
    expect(page).toContain('Gelli di hepgor unrhyw gwestiwn');
  });
});
