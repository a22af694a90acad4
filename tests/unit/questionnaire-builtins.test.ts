import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFINITIONS, EndOfOrderQuestionnaire, ParentCarerFeedback, SelfAssessment, TellUs, VictimSatisfaction } from '../../server/questionnaire/builtin/index.ts';
import { Definition, LANGUAGES, type Question } from '../../server/questionnaire/definition.ts';
import { routeOf } from '../../server/questionnaire/engine.ts';
import { optionsOf } from '../../server/questionnaire/options.ts';

/** Every localised text in a definition, with where it is. */
function textsOf(value: unknown, path = ''): { path: string; text: Record<string, string> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsOf(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.en === 'string') return [{ path, text: obj as Record<string, string> }];
    return Object.entries(obj).flatMap(([k, v]) => textsOf(v, `${path}.${k}`));
  }
  return [];
}

const isScale = (q: Question) => ['single_choice', 'frequency', 'yes_no', 'faces', 'rating'].includes(q.type);
const byId = (def: Definition, id: string) => def.questions.find((q) => q.id === id)!;

describe('the built-in instruments', () => {
  it.each(BUILTIN_DEFINITIONS.map((d) => [d.slug, d] as const))('%s is a valid definition in all five languages', (_slug, def) => {
    const parsed = Definition.safeParse(def);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect([...def.languages].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(BUILTIN_DEFINITIONS.map((d) => [d.slug, d] as const))('%s is really translated, not English copied across', (_slug, def) => {
    for (const { path, text } of textsOf(def)) {
      for (const lang of LANGUAGES) expect(text[lang], `${def.slug}${path} ${lang}`).toBeTruthy();
      if (text.en!.length < 12) continue; // names and "OK" may be the same everywhere
      for (const lang of ['cy', 'pl', 'ro'] as const) expect(text[lang], `${def.slug}${path} ${lang}`).not.toBe(text.en);
      expect(text.ur, `${def.slug}${path} ur`).toMatch(/\p{Script=Arabic}/u);
      expect(text.ur, `${def.slug}${path} ur`).not.toMatch(/[a-z]{4,}/i);
    }
  });

  it.each(BUILTIN_DEFINITIONS.map((d) => [d.slug, d] as const))('%s gives its options for every choice explicitly (so a copy can reword them) and carries no markup', (_slug, def) => {
    for (const q of def.questions) {
      if (['single_choice', 'multiple_choice', 'frequency', 'yes_no', 'faces'].includes(q.type)) expect('options' in q && q.options, `${def.slug}.${q.id}`).toBeTruthy();
    }
    expect(JSON.stringify(def)).not.toMatch(/[<>]/);
  });

  it('child instruments offer easy-read wording for every question', () => {
    for (const def of BUILTIN_DEFINITIONS.filter((d) => d.audience === 'child')) {
      for (const q of def.questions) expect(q.easyRead?.title, `${def.slug}.${q.id}`).toBeDefined();
    }
  });

  it('every scale item says how reports should present it', () => {
    for (const def of [EndOfOrderQuestionnaire, SelfAssessment, VictimSatisfaction, ParentCarerFeedback]) {
      for (const q of def.questions.filter(isScale)) {
        expect(q.report?.statement?.en, `${def.slug}.${q.id}`).toBeTruthy();
        expect(q.report?.label, `${def.slug}.${q.id}`).toBeTruthy();
        expect(optionsOf(q).some((o) => o.positive), `${def.slug}.${q.id} has a positive answer`).toBe(true);
      }
    }
  });

  it('the End of Order Questionnaire covers the seven reported statements, feeling safe with a follow-up, and three open questions', () => {
    const statements = EndOfOrderQuestionnaire.questions.map((q) => q.report?.statement?.en).filter(Boolean);
    for (const s of [
      'said someone asked them what would help them stop offending',
      'said staff took their views seriously all or most of the time',
      'said their worker did enough to help them take part',
      'said the work made them realise change is possible',
      'said they are less likely to offend since starting',
      'said they were treated fairly most or all of the time',
      'said the service was good',
    ]) expect(statements).toContain(s);
    expect(EndOfOrderQuestionnaire.questions.length).toBeGreaterThanOrEqual(12);
    expect(EndOfOrderQuestionnaire.questions.length).toBeLessThanOrEqual(14);
    const safe = byId(EndOfOrderQuestionnaire, 'feel_safe');
    expect(optionsOf(safe).filter((o) => o.concern).map((o) => o.value)).toEqual(['no']);
    expect(byId(EndOfOrderQuestionnaire, 'safe_tell_more').showIf).toEqual({ questionId: 'feel_safe', anyOf: ['no', 'not_sure'] });
    expect(routeOf(EndOfOrderQuestionnaire, { feel_safe: 'yes' }).map((q) => q.id)).not.toContain('safe_tell_more');
    expect(routeOf(EndOfOrderQuestionnaire, { feel_safe: 'no' }).map((q) => q.id)).toContain('safe_tell_more');
    for (const id of ['really_good', 'could_be_better', 'anything_else']) expect(byId(EndOfOrderQuestionnaire, id).type).toBe('long_text');
    expect(EndOfOrderQuestionnaire.questions.every((q) => !q.required)).toBe(true);
  });

  it('the self-assessment asks about the ten life areas the same way at every stage, and "keeping safe" not going well is a concern', () => {
    expect(SelfAssessment.staged).toBe(true);
    const domains = SelfAssessment.questions.filter((q) => q.domain).map((q) => q.domain);
    expect(domains).toEqual(['home', 'school_work', 'family', 'friends', 'health', 'feelings', 'substance_use', 'money', 'keeping_safe', 'staying_out_of_trouble']);
    for (const q of SelfAssessment.questions.filter((x) => x.domain)) {
      expect(optionsOf(q).map((o) => o.value)).toEqual(['1', '2', '3']);
      expect(optionsOf(q).some((o) => o.concern)).toBe(q.domain === 'keeping_safe');
    }
    expect(optionsOf(byId(SelfAssessment, 'keeping_safe')).find((o) => o.concern)!.value).toBe('1');
  });

  it('Tell Us keeps the shape the submission pipeline relies on', () => {
    const type = byId(TellUs, 'feedback_type');
    expect(type.type).toBe('single_choice');
    expect(type.required).toBe(true);
    expect(optionsOf(type).map((o) => o.value)).toEqual(['comment', 'compliment', 'complaint', 'idea']);
    expect(optionsOf(type).find((o) => o.value === 'complaint')!.label.en).toMatch(/^A complaint: something was not OK and you want it put right/);
    expect(byId(TellUs, 'message')).toMatchObject({ type: 'long_text', required: true });
    expect(byId(TellUs, 'tell_my_worker').type).toBe('yes_no');
    expect(byId(TellUs, 'tell_my_worker').title.en).toBe('Would you like your worker to know?');
    expect(byId(TellUs, 'wants_reply').type).toBe('yes_no');
    expect(byId(TellUs, 'contact')).toMatchObject({ type: 'contact', fields: ['name', 'phone', 'email', 'best_time'], showIf: { questionId: 'wants_reply', anyOf: ['yes'] } });
    expect(TellUs.intro.en).toMatch(/anonymous/);
    expect(TellUs.intro.en).toMatch(/parent or carer/);
  });

  it('the victim survey uses the five-point satisfaction scale and asks about contact, restorative justice and still feeling unsafe', () => {
    expect(VictimSatisfaction.audience).toBe('victim');
    const sat = VictimSatisfaction.questions.filter((q) => q.id.startsWith('sat_'));
    expect(sat.length).toBeGreaterThanOrEqual(8);
    for (const q of sat) {
      expect(q.type).toBe('single_choice');
      const options = optionsOf(q);
      expect(options.filter((o) => !o.excludeFromBase).map((o) => o.value)).toEqual(['very_satisfied', 'satisfied', 'neither', 'dissatisfied', 'very_dissatisfied']);
      expect(options.filter((o) => o.positive).map((o) => o.value)).toEqual(['very_satisfied', 'satisfied']);
    }
    for (const id of ['contacted', 'rj_offered', 'rj_taken_up']) expect(byId(VictimSatisfaction, id).type).toBe('yes_no');
    expect(byId(VictimSatisfaction, 'rj_taken_up').showIf).toEqual({ questionId: 'rj_offered', anyOf: ['yes'] });
    expect(optionsOf(byId(VictimSatisfaction, 'still_unsafe')).filter((o) => o.concern).map((o) => o.value)).toEqual(['yes']);
    expect(VictimSatisfaction.intro.en).toMatch(/never shared with the young person/);
  });

  it('kinds and audiences match what each instrument is for', () => {
    expect(BUILTIN_DEFINITIONS.map((d) => [d.slug, d.kind, d.audience])).toEqual([
      ['end-of-order', 'end_of_order', 'child'],
      ['self-assessment', 'self_assessment', 'child'],
      ['tell-us', 'tell_us', 'child'],
      ['victim-satisfaction', 'victim_satisfaction', 'victim'],
      ['parent-carer', 'parent_carer', 'parent_carer'],
    ]);
  });
});
