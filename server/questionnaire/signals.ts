// Signals an answer raises for the submission pipeline: a safeguarding concern (an option or
// rating marked as a concern) or "please review" (free text matching a phrase on the list).
import type { Definition } from './definition.ts';
import { routeOf, type Answers } from './engine.ts';
import { optionsOf } from './options.ts';

export interface Signals {
  /** Questions whose answer is marked as a safeguarding concern. */
  concern: string[];
  /** Free-text questions whose words matched a phrase that needs a person to read them. */
  pleaseReview: string[];
}

/**
 * Lower-case, accents and punctuation folded away, so "I'm SCARED!" matches "im scared" and
 * "boje sie" matches "boję się". A few letters no decomposition reaches are folded by hand:
 * Polish ł (often typed as l), and the Arabic yeh and kaf an Arabic keyboard gives for Urdu ی and ک.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function matchesPhrase(text: string, phrases: readonly string[]): boolean {
  const folded = ` ${foldText(text)} `;
  return phrases.some((p) => {
    const f = foldText(p);
    return f !== '' && folded.includes(` ${f} `);
  });
}

export function signalsOf(def: Definition, answers: Answers, phrases: readonly string[]): Signals {
  const out: Signals = { concern: [], pleaseReview: [] };
  for (const q of routeOf(def, answers)) {
    const a = answers[q.id];
    if (a === undefined || a === null) continue;
    if (q.type === 'short_text' || q.type === 'long_text') {
      if (typeof a === 'string' && matchesPhrase(a, phrases)) out.pleaseReview.push(q.id);
      continue;
    }
    const chosen = Array.isArray(a) ? a : [String(a)];
    if (optionsOf(q).some((o) => o.concern && chosen.includes(o.value))) out.concern.push(q.id);
  }
  return out;
}
