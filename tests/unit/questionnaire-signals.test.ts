import { describe, expect, it } from 'vitest';
import { EndOfOrderQuestionnaire, SelfAssessment, VictimSatisfaction } from '../../server/questionnaire/builtin/index.ts';
import type { Definition } from '../../server/questionnaire/definition.ts';
import { safeguardingPhrases } from '../../server/questionnaire/phrases.ts';
import { foldText, matchesPhrase, signalsOf } from '../../server/questionnaire/signals.ts';

const en = (s: string) => ({ en: s });
const phrases = safeguardingPhrases();

describe('safeguarding phrase lists', () => {
  it('merge every language, each phrase a non-empty string', () => {
    expect(phrases.length).toBeGreaterThan(100);
    for (const p of ['scared', 'anniogel', 'boję się', 'mi-e frică', 'خودکشی']) expect(phrases).toContain(p);
    expect(phrases.every((p) => foldText(p).length >= 3)).toBe(true);
  });
});

describe('matching free text against the phrases', () => {
  it('ignores case, accents and punctuation', () => {
    expect(matchesPhrase("I'm SCARED!!", phrases)).toBe(true);
    expect(matchesPhrase('I dont feel safe at all', phrases)).toBe(true);
    expect(matchesPhrase('I don’t feel safe', phrases)).toBe(true);
    expect(matchesPhrase('Self-harm', phrases)).toBe(true);
    expect(matchesPhrase('self harm', phrases)).toBe(true);
  });

  it('finds phrases in Welsh, Polish, Romanian and Urdu, typed with or without accents', () => {
    expect(matchesPhrase('Dw i ddim yn ddiogel gartref', phrases)).toBe(true);
    expect(matchesPhrase('Boję się wracać do domu', phrases)).toBe(true);
    expect(matchesPhrase('boje sie wracac do domu', phrases)).toBe(true);
    expect(matchesPhrase('Tata uderzyl mnie wczoraj', phrases)).toBe(true); // ł typed as l
    expect(matchesPhrase('Mi-e frică de el', phrases)).toBe(true);
    expect(matchesPhrase('mi e frica de el', phrases)).toBe(true);
    expect(matchesPhrase('Nu ma simt in siguranta acasa', phrases)).toBe(true);
    expect(matchesPhrase('میں گھر میں محفوظ نہیں ہوں۔', phrases)).toBe(true);
    // The same Urdu typed on an Arabic keyboard (Arabic yeh and kaf).
    expect(matchesPhrase('وہ مجھے دھمكي دیتا ہے', phrases)).toBe(true);
  });

  it('does not match inside other words', () => {
    expect(matchesPhrase('We played a game of scaredy cats', ['scared'])).toBe(false);
    expect(matchesPhrase('She sat on the white meat', ['hit me'])).toBe(false);
    expect(matchesPhrase('The abuser word is not here, only abusers', ['abuse'])).toBe(false);
    expect(matchesPhrase('My worker was brilliant and the sessions helped me a lot', phrases)).toBe(false);
    expect(matchesPhrase('Mulțumesc pentru tot ajutorul', phrases)).toBe(false);
    expect(matchesPhrase('Dziękuję za pomoc, było super', phrases)).toBe(false);
  });
});

describe('signals a set of answers raises', () => {
  it('a concern option raises a concern; free text with a phrase asks a person to read it', () => {
    const s = signalsOf(EndOfOrderQuestionnaire, { feel_safe: 'no', safe_tell_more: 'someone keeps hitting me', really_good: 'my worker' }, phrases);
    expect(s).toEqual({ concern: ['feel_safe'], pleaseReview: ['safe_tell_more'] });
  });

  it('answers that are fine raise nothing, and a skipped question raises nothing', () => {
    expect(signalsOf(EndOfOrderQuestionnaire, { feel_safe: 'yes', really_good: 'Everything' }, phrases)).toEqual({ concern: [], pleaseReview: [] });
    expect(signalsOf(EndOfOrderQuestionnaire, { feel_safe: null }, phrases)).toEqual({ concern: [], pleaseReview: [] });
    // "not sure" is not a concern by itself, though it opens the follow-up.
    expect(signalsOf(EndOfOrderQuestionnaire, { feel_safe: 'not_sure' }, phrases).concern).toEqual([]);
  });

  it('text answered to a question no longer on the route raises nothing', () => {
    expect(signalsOf(EndOfOrderQuestionnaire, { feel_safe: 'yes', safe_tell_more: 'I am scared' }, phrases)).toEqual({ concern: [], pleaseReview: [] });
  });

  it('"keeping safe" not going well on the self-assessment, and a victim still feeling unsafe, raise concerns', () => {
    expect(signalsOf(SelfAssessment, { home: '1', keeping_safe: '1' }, phrases).concern).toEqual(['keeping_safe']);
    expect(signalsOf(SelfAssessment, { keeping_safe: '2' }, phrases).concern).toEqual([]);
    expect(signalsOf(VictimSatisfaction, { still_unsafe: 'yes' }, phrases).concern).toEqual(['still_unsafe']);
    expect(signalsOf(VictimSatisfaction, { still_unsafe: 'no' }, phrases).concern).toEqual([]);
  });

  it('ratings at or below the concern mark raise a concern; multiple choice raises one when any chosen option is a concern', () => {
    const def: Definition = {
      schemaVersion: 1, slug: 'r', kind: 'custom', audience: 'child', languages: ['en'], title: en('R'), intro: en('I'), thanks: en('T'),
      questions: [
        { id: 'mood', type: 'rating', min: 0, max: 10, concernAtOrBelow: 2, title: en('Mood') },
        { id: 'worries', type: 'multiple_choice', title: en('Worries'), options: [{ value: 'school', label: en('School') }, { value: 'hurt', label: en('Someone hurting me'), concern: true }] },
      ],
    };
    expect(signalsOf(def, { mood: 2 }, []).concern).toEqual(['mood']);
    expect(signalsOf(def, { mood: 3 }, []).concern).toEqual([]);
    expect(signalsOf(def, { mood: 0, worries: ['school', 'hurt'] }, []).concern).toEqual(['mood', 'worries']);
    expect(signalsOf(def, { worries: ['school'] }, []).concern).toEqual([]);
  });
});
