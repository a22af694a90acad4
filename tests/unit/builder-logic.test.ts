// The builder's pure pieces: edits that would break branching are refused, a reworded question
// loses its stale translations, changes between versions, and the chrome a version gets.
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../server/builder/changes.ts';
import { deleteQuestion, moveQuestion, newQuestionId, type DraftDefinition } from '../../server/builder/draft-edits.ts';
import { questionFrom, readForm, valuesOf } from '../../server/builder/question-form.ts';
import { completeLanguages, readTranslationCsv, translationCsv } from '../../server/builder/translations.ts';
import { chromeOf, fitPreferences } from '../../server/questionnaire/chrome.ts';
import type { Question } from '../../server/questionnaire/definition.ts';

const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;
const yesNo: Question = { id: 'helped', type: 'yes_no', title: { en: 'Did it help?', cy: 'A wnaeth helpu?' } };
const why: Question = { id: 'why_not', type: 'long_text', title: { en: 'Why not?', cy: 'Pam lai?' }, showIf: { questionId: 'helped', anyOf: ['no'] } };
const def: DraftDefinition = { schemaVersion: 1, slug: 's', kind: 'custom', audience: 'professional', languages: ['en', 'cy'], title: { en: 'T', cy: 'T cy' }, intro: { en: 'I', cy: 'I cy' }, thanks: { en: 'Th', cy: 'Th cy' }, questions: [yesNo, why] };

describe('builder edits', () => {
  it('refuses to move a question above the one it depends on, or to delete a question others depend on', () => {
    expect(moveQuestion(def, 'why_not', 'up')).toMatchObject({ ok: false, refusal: { refused: 'moves_past_condition' } });
    expect(moveQuestion(def, 'helped', 'down')).toMatchObject({ ok: false });
    expect(deleteQuestion(def, 'helped')).toMatchObject({ ok: false, refusal: { refused: 'dependents', dependents: [why] } });
    expect(deleteQuestion(def, 'why_not')).toMatchObject({ ok: true, definition: { questions: [yesNo] } });
  });

  it('makes unique ids from titles', () => {
    expect(newQuestionId(def, 'Did it help?')).toBe('did_it_help');
    expect(newQuestionId({ ...def, questions: [{ ...yesNo, id: 'did_it_help' }] }, 'Did it help?')).toBe('did_it_help_2');
  });

  it('keeps translations of unchanged words and drops those of reworded ones', () => {
    const same = questionFrom(t, def, valuesOf(why), why);
    expect(same).toMatchObject({ ok: true, question: { title: { en: 'Why not?', cy: 'Pam lai?' } } });
    const reworded = questionFrom(t, def, { ...valuesOf(why), title: 'Why did it not help?' }, why);
    expect(reworded).toMatchObject({ ok: true, question: { title: { en: 'Why did it not help?' } } });
    expect((reworded as { question: Question }).question.title.cy).toBeUndefined();
  });

  it('refuses a condition on a later question or on an answer it does not have', () => {
    const values = readForm('yes_no', { title: 'Did it help?', showIf: 'why_not:no' });
    expect(questionFrom(t, def, values, yesNo)).toMatchObject({ ok: false, errors: [{ id: 'showIf' }] });
    const madeUp = readForm('long_text', { title: 'Why not?', showIf: 'helped:maybe' });
    expect(questionFrom(t, def, madeUp, why)).toMatchObject({ ok: false, errors: [{ id: 'showIf' }] });
  });
});

describe('translations', () => {
  it('offers only complete languages, and round-trips through the translator’s CSV', () => {
    expect(completeLanguages(def)).toEqual(['en', 'cy']);
    const partial = { ...def, questions: [yesNo, { ...why, title: { en: 'Why not?' } }] };
    expect(completeLanguages(partial)).toEqual(['en']);
    const csv = translationCsv(partial, 'cy', () => 'where');
    const filled = csv.replace('Why not?,', 'Why not?,Pam lai?');
    const read = readTranslationCsv(partial, 'cy', filled);
    expect(read.ok && read.values.get('questions.1.title')).toBe('Pam lai?');
    const stale = readTranslationCsv({ ...partial, questions: [yesNo, { ...why, title: { en: 'Why?' } }] }, 'cy', filled);
    expect(stale).toMatchObject({ ok: false, problems: [{ problem: 'english_changed', key: 'questions.1.title' }] });
  });
});

describe('changes between versions', () => {
  it('lists added, removed and reworded questions', () => {
    const after = { ...def, questions: [{ ...yesNo, title: { en: 'Did the report help?' } }, { id: 'more', type: 'short_text', title: { en: 'More?' } } as Question] };
    const c = changesBetween(def, after);
    expect(c.added.map((q) => q.id)).toEqual(['more']);
    expect(c.removed.map((q) => q.id)).toEqual(['why_not']);
    expect(c.reworded.map((r) => r.after.id)).toEqual(['helped']);
  });
});

describe('respondent chrome', () => {
  it('gives professionals the formal register, only their languages and modes, and no easy read without easy-read text', () => {
    const chrome = chromeOf({ ...def, modes: ['form'] }, 'professional');
    expect(chrome).toEqual({ languages: ['en', 'cy'], easyRead: false, modes: ['form'], register: 'formal' });
    expect(fitPreferences({ lang: 'pl', mode: 'chat', easyRead: true }, chrome)).toEqual({ lang: 'en', mode: 'form', easyRead: false });
    expect(chromeOf({ ...def, questions: [{ ...yesNo, easyRead: { title: { en: 'Help?' } } }] }, 'child')).toMatchObject({ easyRead: true, modes: ['form', 'chat'], register: 'informal' });
  });
});
