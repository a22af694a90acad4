// A questionnaire on paper for a child with no phone: every question and every answer of the
// paper-entry page, in the same order, in the language chosen; and only for staff who send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndOfOrderQuestionnaire, VictimSatisfaction } from '../../server/questionnaire/builtin/index.ts';
import { localise, optionsOf } from '../../server/questionnaire/options.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { caseIdFrom, setUpCasework, textOf, type Casework } from '../support/casework.ts';
import { makeQuestionnaire } from '../support/fixtures.ts';
import { signInAs, type StaffClient } from '../support/staff.ts';

let t: TestApp;
let w: Casework;
let cm: StaffClient;
let eooq: string;
let victim: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await setUpCasework(t);
  cm = await signInAs(t, w.people.caseManager);
  eooq = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...EndOfOrderQuestionnaire, slug: 'eooq-paper' })).questionnaire.id;
  victim = (await makeQuestionnaire(t.deps.db, w.serviceId, { ...VictimSatisfaction, slug: 'victim-paper' })).questionnaire.id;
});
afterAll(() => t.close());

/** The visible words in the order they appear, one string. */
const words = (html: string) => textOf(html.replace(/<style[\s\S]*?<\/style>/g, ''));

/** Each needle found after the one before it. */
function inOrder(haystack: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('the paper questionnaire', () => {
  it('has every question and answer of the paper-entry page, in the same order, with tick boxes and a box for the case reference', async () => {
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'PAPER-0001' }))!;
    const entry = words(await (await cm.get(`/staff/responses/enter/form?case=${caseId}&questionnaire=${eooq}&channel=paper`)).text());
    const res = await cm.get(`/staff/print/paper/${eooq}?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const paper = words(html);
    const expected: string[] = [];
    for (const q of EndOfOrderQuestionnaire.questions) {
      expected.push(localise(q.title, 'en'));
      for (const o of optionsOf(q)) if (q.type !== 'rating') expected.push(localise(o.label, 'en'));
    }
    inOrder(entry, expected);
    inOrder(paper, expected);
    const boxes = EndOfOrderQuestionnaire.questions.filter((q) => q.type !== 'rating').reduce((n, q) => n + optionsOf(q).length, 0);
    expect((html.match(/class="box"/g) ?? []).length).toBeGreaterThanOrEqual(boxes);
    expect(paper).toContain('Case reference:');
    expect(paper).toContain('Your worker will read this');
    expect(html).toContain('@page{size:A4');
  });

  it('prints in Welsh with the Welsh questions, answers and instructions', async () => {
    const html = await (await cm.get(`/staff/print/paper/${eooq}?lang=cy`)).text();
    expect(html).toContain('<html lang="cy"');
    const paper = words(html);
    inOrder(paper, EndOfOrderQuestionnaire.questions.map((q) => localise(q.title, 'cy')));
    expect(paper).toContain('Cyfeirnod yr achos:');
    expect(paper).toContain('Ticia un blwch.');
    expect(paper).not.toContain('Tick one box.');
  });

  it('refuses a language the questionnaire is not written in, and other services and the wrong kind of case', async () => {
    const englishOnly = w.questionnaires.eooq;
    expect((await cm.get(`/staff/print/paper/${englishOnly}?lang=cy`)).status).toBe(404);
    expect((await cm.get(`/staff/print/paper/${w.questionnaires.otherServiceEooq}?lang=en`)).status).toBe(404);
    // a case manager works with children: the victims' questionnaire is not theirs to print
    expect((await cm.get(`/staff/print/paper/${victim}?lang=en`)).status).toBe(404);
    expect((await cm.get('/staff/print/paper/not-an-id')).status).toBe(404);
    const board = await signInAs(t, w.people.boardMember);
    expect((await board.get(`/staff/print/paper/${eooq}?lang=en`)).status).toBe(403);
  });

  it('lists what this person can print, each in its languages, and the case page links to it', async () => {
    const list = await (await cm.get('/staff/print/paper')).text();
    expect(list).toContain(`href="/staff/print/paper/${eooq}?lang=cy"`);
    expect(list).not.toContain(victim);
    const caseId = caseIdFrom(await cm.post('/staff/cases', { caseReference: 'PAPER-0002' }))!;
    expect(await (await cm.get(`/staff/cases/${caseId}`)).text()).toContain('href="/staff/print/paper"');
  });
});
