// Options and text look-ups: pure and free of zod, so the browser island can use them.
import type { LocalisedText, Option, Question } from './definition.ts';

// ── Preset options for the scale types ─────────────────────────────────────────────────────
// Written out in every supported language (en, cy, pl, ro, ur), so a service's own questionnaire
// that uses a preset scale reads naturally in each language it declares.

const opt = (value: string, label: LocalisedText, extra: Partial<Option> = {}): Option => ({ value, label, ...extra });
const t = (en: string, cy: string, pl: string, ro: string, ur: string): LocalisedText => ({ en, cy, pl, ro, ur });

export const PRESET_OPTIONS: Record<'frequency' | 'yes_no' | 'faces', Option[]> = {
  frequency: [
    opt('all', t('All of the time', "Drwy'r amser", 'Zawsze', 'Tot timpul', 'ہر وقت'), { positive: true }),
    opt('most', t('Most of the time', "Y rhan fwyaf o'r amser", 'Przez większość czasu', 'De cele mai multe ori', 'زیادہ تر وقت'), { positive: true }),
    opt('some', t('Some of the time', 'Weithiau', 'Czasami', 'Uneori', 'کبھی کبھی')),
    opt('never', t('Never', 'Byth', 'Nigdy', 'Niciodată', 'کبھی نہیں')),
  ],
  yes_no: [
    opt('yes', t('Yes', 'Ie', 'Tak', 'Da', 'ہاں'), { positive: true }),
    opt('no', t('No', 'Na', 'Nie', 'Nu', 'نہیں')),
    opt('not_sure', t('Not sure', 'Dim yn siŵr', 'Nie wiem', 'Nu știu', 'پتا نہیں'), { excludeFromBase: true }),
  ],
  faces: [
    opt('5', t('Really good', 'Da iawn', 'Bardzo dobrze', 'Foarte bine', 'بہت اچھا'), { emoji: '😀', positive: true }),
    opt('4', t('Good', 'Da', 'Dobrze', 'Bine', 'اچھا'), { emoji: '🙂', positive: true }),
    opt('3', t('OK', 'Iawn', 'W porządku', 'OK', 'ٹھیک ہے'), { emoji: '😐' }),
    opt('2', t('Not good', 'Ddim yn dda', 'Niezbyt dobrze', 'Nu prea bine', 'اچھا نہیں'), { emoji: '🙁' }),
    opt('1', t('Really bad', 'Gwael iawn', 'Bardzo źle', 'Foarte rău', 'بہت برا'), { emoji: '😞' }),
  ],
};

/** The options a choice-like question offers (its own, or its type's preset); ratings give their numbers. */
export function optionsOf(q: Question): Option[] {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return q.options;
    case 'frequency':
    case 'yes_no':
    case 'faces':
      return q.options ?? PRESET_OPTIONS[q.type];
    case 'rating': {
      const out: Option[] = [];
      for (let n = q.min; n <= q.max; n++) {
        out.push({
          value: String(n),
          label: { en: String(n) },
          positive: q.positiveFrom !== undefined ? n >= q.positiveFrom : undefined,
          concern: q.concernAtOrBelow !== undefined ? n <= q.concernAtOrBelow : undefined,
        });
      }
      return out;
    }
    default:
      return [];
  }
}

/** Picks a text in the language asked for, falling back to English. */
export function localise(text: LocalisedText | undefined, lang: string): string {
  if (!text) return '';
  return (text as Record<string, string>)[lang] ?? text.en;
}
