import { describe, expect, it } from 'vitest';
import { SelfAssessment, TellUs } from '../../server/questionnaire/builtin/index.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { normaliseAnswers } from '../../server/questionnaire/normalise.ts';

const en = (s: string) => ({ en: s });
const DEF: Definition = {
  schemaVersion: 1, slug: 'n', kind: 'custom', audience: 'child', languages: ['en'], title: en('N'), intro: en('I'), thanks: en('T'),
  questions: [
    { id: 'about', type: 'info', title: en('About') },
    { id: 'seriously', type: 'frequency', title: en('Views taken seriously?') },
    { id: 'safe', type: 'yes_no', title: en('Safe?'), options: [{ value: 'yes', label: en('Yes'), positive: true }, { value: 'no', label: en('No'), concern: true }, { value: 'not_sure', label: en('Not sure'), excludeFromBase: true }] },
    { id: 'helped', type: 'multiple_choice', title: en('What helped?'), options: [{ value: 'talking', label: en('Talking') }, { value: 'sport', label: en('Sport') }, { value: 'music', label: en('Music') }] },
    { id: 'score', type: 'rating', min: 0, max: 10, positiveFrom: 7, title: en('Score') },
    { id: 'good', type: 'long_text', title: en('What was good?') },
    { id: 'why', type: 'long_text', title: en('Why?'), showIf: { questionId: 'safe', anyOf: ['no'] } },
    { id: 'contact', type: 'contact', fields: ['name', 'phone'], title: en('Contact') },
  ],
};

describe('turning answers into the rows reports read', () => {
  it('marks positive and concern from the definition, leaves "don’t know" out of the base, and keeps numbers', () => {
    const { rows } = normaliseAnswers(DEF, { seriously: 'some', safe: 'no', score: 8, why: 'scared' });
    expect(rows).toEqual([
      { questionId: 'seriously', optionValue: 'some', numericValue: null, textValue: null, positive: false, concern: false, domain: null },
      { questionId: 'safe', optionValue: 'no', numericValue: null, textValue: null, positive: false, concern: true, domain: null },
      { questionId: 'score', optionValue: '8', numericValue: 8, textValue: null, positive: true, concern: false, domain: null },
      { questionId: 'why', optionValue: null, numericValue: null, textValue: 'scared', positive: null, concern: false, domain: null },
    ]);
    expect(normaliseAnswers(DEF, { safe: 'not_sure' }).rows[0]).toMatchObject({ optionValue: 'not_sure', positive: null });
    expect(normaliseAnswers(DEF, { score: 6 }).rows[0]).toMatchObject({ numericValue: 6, positive: false });
  });

  it('a multiple choice becomes one row per chosen option; a question with no positive options has positive null', () => {
    const { rows } = normaliseAnswers(DEF, { helped: ['talking', 'music'] });
    expect(rows.map((r) => [r.questionId, r.optionValue, r.positive])).toEqual([
      ['helped', 'talking', null],
      ['helped', 'music', null],
    ]);
  });

  it('skipped questions, information steps and answers off the route make no rows', () => {
    expect(normaliseAnswers(DEF, { about: null, seriously: null, safe: 'yes', why: 'left over from before' }).rows.map((r) => r.questionId)).toEqual(['safe']);
  });

  it('contact details come out apart from the answers', () => {
    const { rows, contact } = normaliseAnswers(DEF, { good: 'all of it', contact: { name: 'Jo', phone: '07700 900123' } });
    expect(contact).toEqual({ name: 'Jo', phone: '07700 900123' });
    expect(rows.map((r) => r.questionId)).toEqual(['good']);
    expect(JSON.stringify(rows)).not.toContain('07700');
  });

  it('self-assessment answers carry their life area and a number for distance travelled', () => {
    const { rows } = normaliseAnswers(SelfAssessment, { home: '3', keeping_safe: '1' });
    expect(rows).toEqual([
      { questionId: 'home', optionValue: '3', numericValue: 3, textValue: null, positive: true, concern: false, domain: 'home' },
      { questionId: 'keeping_safe', optionValue: '1', numericValue: 1, textValue: null, positive: false, concern: true, domain: 'keeping_safe' },
    ]);
  });

  it('Tell Us contact details are only kept when a reply was wanted', () => {
    const base = { feedback_type: 'compliment', message: 'Thanks Sam' };
    expect(normaliseAnswers(TellUs, { ...base, wants_reply: 'yes', contact: { email: 'jo@example.org' } }).contact).toEqual({ email: 'jo@example.org' });
    expect(normaliseAnswers(TellUs, { ...base, wants_reply: 'no', contact: { email: 'jo@example.org' } }).contact).toBeNull();
  });
});
