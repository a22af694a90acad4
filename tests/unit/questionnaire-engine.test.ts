import { describe, expect, it } from 'vitest';
import type { Definition, Question } from '../../server/questionnaire/definition.ts';
import { answersOnRoute, isReachable, missingRequired, nextQuestion, parseAnswer, previousQuestion, routeOf } from '../../server/questionnaire/engine.ts';

const en = (s: string) => ({ en: s });
const opts = (...values: string[]) => values.map((v) => ({ value: v, label: en(v) }));

const DEF: Definition = {
  schemaVersion: 1,
  slug: 'routing',
  kind: 'custom',
  audience: 'child',
  languages: ['en'],
  title: en('Routing'),
  intro: en('Intro'),
  thanks: en('Thanks'),
  questions: [
    { id: 'feel_safe', type: 'yes_no', title: en('Do you feel safe?') },
    { id: 'why_not', type: 'long_text', title: en('Tell us more'), showIf: { questionId: 'feel_safe', anyOf: ['no', 'not_sure'] } },
    { id: 'who', type: 'multiple_choice', title: en('Who could help?'), options: opts('worker', 'family', 'teacher'), showIf: { questionId: 'feel_safe', anyOf: ['no'] } },
    { id: 'family_contact', type: 'short_text', title: en('How do we reach them?'), showIf: { questionId: 'who', anyOf: ['family'] } },
    { id: 'overall', type: 'faces', title: en('Overall?'), required: true },
  ],
};

const ids = (qs: Question[]) => qs.map((q) => q.id);
const q = (id: string) => DEF.questions.find((x) => x.id === id)!;

describe('the route through a questionnaire', () => {
  it('shows a follow-up only when the earlier answer matches, and chains conditions', () => {
    expect(ids(routeOf(DEF, {}))).toEqual(['feel_safe', 'overall']);
    expect(ids(routeOf(DEF, { feel_safe: 'yes' }))).toEqual(['feel_safe', 'overall']);
    expect(ids(routeOf(DEF, { feel_safe: 'not_sure' }))).toEqual(['feel_safe', 'why_not', 'overall']);
    expect(ids(routeOf(DEF, { feel_safe: 'no' }))).toEqual(['feel_safe', 'why_not', 'who', 'overall']);
    expect(ids(routeOf(DEF, { feel_safe: 'no', who: ['worker', 'family'] }))).toEqual(['feel_safe', 'why_not', 'who', 'family_contact', 'overall']);
  });

  it('a skipped question (null) shows none of its follow-ups', () => {
    expect(ids(routeOf(DEF, { feel_safe: null }))).toEqual(['feel_safe', 'overall']);
  });

  it('drops answers to questions that are no longer on the route, and to unknown questions', () => {
    const changedMind = { feel_safe: 'yes', why_not: 'someone follows me', who: ['family'], family_contact: 'mum', overall: '4', injected: 'x' };
    expect(answersOnRoute(DEF, changedMind)).toEqual({ feel_safe: 'yes', overall: '4' });
  });

  it('a hidden answer cannot switch on a later question (conditions read only answers on the route)', () => {
    // "who" is hidden because feel_safe is yes, so its stale "family" must not reveal family_contact.
    expect(ids(routeOf(DEF, { feel_safe: 'yes', who: ['family'] }))).not.toContain('family_contact');
  });

  it('the next question is the first on the route not yet answered or skipped', () => {
    expect(nextQuestion(DEF, {})!.id).toBe('feel_safe');
    expect(nextQuestion(DEF, { feel_safe: 'no' })!.id).toBe('why_not');
    expect(nextQuestion(DEF, { feel_safe: 'no', why_not: null })!.id).toBe('who');
    expect(nextQuestion(DEF, { feel_safe: 'yes', overall: '5' })).toBeUndefined();
  });

  it('refuses deep links to steps not yet reachable, or not on the route at all', () => {
    expect(isReachable(DEF, {}, 'feel_safe')).toBe(true);
    expect(isReachable(DEF, {}, 'overall')).toBe(false);
    expect(isReachable(DEF, { feel_safe: 'yes' }, 'overall')).toBe(true);
    expect(isReachable(DEF, { feel_safe: 'yes' }, 'why_not')).toBe(false);
    expect(isReachable(DEF, { feel_safe: 'no' }, 'who')).toBe(false); // why_not not done yet
    expect(isReachable(DEF, { feel_safe: 'no', why_not: null }, 'who')).toBe(true);
    expect(isReachable(DEF, { feel_safe: 'no' }, 'no_such_question')).toBe(false);
  });

  it('the back link goes to the previous question on the route', () => {
    expect(previousQuestion(DEF, { feel_safe: 'yes' }, 'overall')!.id).toBe('feel_safe');
    expect(previousQuestion(DEF, { feel_safe: 'no', why_not: null, who: ['worker'] }, 'overall')!.id).toBe('who');
    expect(previousQuestion(DEF, {}, 'feel_safe')).toBeUndefined();
  });

  it('lists required questions still missing, only those on the route', () => {
    expect(ids(missingRequired(DEF, { feel_safe: 'yes' }))).toEqual(['overall']);
    expect(ids(missingRequired(DEF, { feel_safe: 'yes', overall: null }))).toEqual(['overall']);
    expect(missingRequired(DEF, { feel_safe: 'yes', overall: '3' })).toEqual([]);
  });
});

describe('parsing one answer', () => {
  const required = (x: Question): Question => ({ ...x, required: true }) as Question;

  it('empty means skipped, unless the question is required', () => {
    for (const raw of [undefined, null, '', []]) {
      expect(parseAnswer(q('feel_safe'), raw)).toEqual({ ok: true, value: null });
      expect(parseAnswer(required(q('feel_safe')), raw)).toEqual({ ok: false, error: 'required' });
    }
    expect(parseAnswer(required(q('why_not')), '   \n ')).toEqual({ ok: false, error: 'required' });
  });

  it('single choices accept only their options (preset ones for yes/no, frequency and faces)', () => {
    expect(parseAnswer(q('feel_safe'), 'no')).toEqual({ ok: true, value: 'no' });
    expect(parseAnswer(q('feel_safe'), 'maybe')).toEqual({ ok: false, error: 'invalid_option' });
    expect(parseAnswer(q('feel_safe'), ['yes', 'no'])).toEqual({ ok: false, error: 'invalid' });
    expect(parseAnswer(q('feel_safe'), { yes: 1 })).toEqual({ ok: false, error: 'invalid' });
    expect(parseAnswer(q('overall'), '5')).toEqual({ ok: true, value: '5' });
    expect(parseAnswer(q('overall'), 5)).toEqual({ ok: true, value: '5' });
    expect(parseAnswer(q('overall'), '6')).toEqual({ ok: false, error: 'invalid_option' });
    const freq: Question = { id: 'f', type: 'frequency', title: en('How often?') };
    expect(parseAnswer(freq, 'most')).toEqual({ ok: true, value: 'most' });
    expect(parseAnswer(freq, 'always')).toEqual({ ok: false, error: 'invalid_option' });
  });

  it('multiple choice keeps the definition’s order, drops repeats, and respects maxChoices', () => {
    expect(parseAnswer(q('who'), ['teacher', 'worker', 'teacher'])).toEqual({ ok: true, value: ['worker', 'teacher'] });
    expect(parseAnswer(q('who'), 'family')).toEqual({ ok: true, value: ['family'] });
    expect(parseAnswer(q('who'), ['worker', 'police'])).toEqual({ ok: false, error: 'invalid_option' });
    const limited = { ...q('who'), maxChoices: 2 } as Question;
    expect(parseAnswer(limited, ['worker', 'family', 'teacher'])).toEqual({ ok: false, error: 'too_many' });
    expect(parseAnswer(limited, ['worker', 'family', 'worker'])).toEqual({ ok: true, value: ['worker', 'family'] });
  });

  it('ratings become numbers within their range', () => {
    const rating: Question = { id: 'r', type: 'rating', min: 1, max: 5, title: en('Rate') };
    expect(parseAnswer(rating, '4')).toEqual({ ok: true, value: 4 });
    expect(parseAnswer(rating, '0')).toEqual({ ok: false, error: 'invalid_option' });
    expect(parseAnswer(rating, '4.5')).toEqual({ ok: false, error: 'invalid_option' });
  });

  it('text is trimmed, line endings unified, and its length counted in characters a person sees (code points), not UTF-16 units', () => {
    const short: Question = { id: 's', type: 'short_text', maxLength: 5, title: en('Name') };
    expect(parseAnswer(short, '  Jo \r\n')).toEqual({ ok: true, value: 'Jo' });
    expect(parseAnswer(q('why_not'), 'a\r\nb\rc')).toEqual({ ok: true, value: 'a\nb\nc' });
    // Five emoji are ten UTF-16 units but five characters.
    expect(parseAnswer(short, '😀😀😀😀😀')).toEqual({ ok: true, value: '😀😀😀😀😀' });
    expect(parseAnswer(short, '😀😀😀😀😀😀')).toEqual({ ok: false, error: 'too_long' });
    expect(parseAnswer(short, 'abcdef')).toEqual({ ok: false, error: 'too_long' });
    expect(parseAnswer(short, 42)).toEqual({ ok: false, error: 'invalid' });
    const long: Question = { id: 'l', type: 'long_text', title: en('More') };
    expect(parseAnswer(long, 'x'.repeat(2000))).toMatchObject({ ok: true });
    expect(parseAnswer(long, 'x'.repeat(2001))).toEqual({ ok: false, error: 'too_long' });
  });

  it('contact details keep only the fields asked for, trimmed; none given is a skip', () => {
    const contact: Question = { id: 'contact', type: 'contact', fields: ['name', 'phone'], title: en('How can we reach you?') };
    expect(parseAnswer(contact, { name: ' Jo ', phone: '07700 900123', email: 'x@example.org' })).toEqual({ ok: true, value: { name: 'Jo', phone: '07700 900123' } });
    expect(parseAnswer(contact, { name: '', phone: '' })).toEqual({ ok: true, value: null });
    expect(parseAnswer({ ...contact, required: true } as Question, { name: '' })).toEqual({ ok: false, error: 'required' });
    expect(parseAnswer(contact, 'Jo')).toEqual({ ok: false, error: 'invalid' });
    expect(parseAnswer(contact, ['Jo'])).toEqual({ ok: false, error: 'invalid' });
    expect(parseAnswer(contact, { name: 7 })).toEqual({ ok: false, error: 'invalid' });
    expect(parseAnswer(contact, { name: 'x'.repeat(201) })).toEqual({ ok: false, error: 'too_long' });
  });

  it('an information step has no answer to give', () => {
    const info: Question = { id: 'about', type: 'info', title: en('About this'), body: en('Read me') };
    expect(parseAnswer(info, 'anything')).toEqual({ ok: true, value: null });
  });
});

describe('preset scales', () => {
  it('speak every supported language, so a service’s own Welsh or Urdu questionnaire needs no English labels', async () => {
    const { PRESET_OPTIONS } = await import('../../server/questionnaire/options.ts');
    const { LANGUAGES } = await import('../../server/questionnaire/definition.ts');
    for (const options of Object.values(PRESET_OPTIONS)) {
      for (const o of options) for (const lang of LANGUAGES) expect((o.label as Record<string, string>)[lang], `${o.value} ${lang}`).toBeTruthy();
    }
  });
});
