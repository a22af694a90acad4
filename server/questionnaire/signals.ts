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

/** Each list of phrases folded once (the list is read once and kept), not once per answer checked. */
const foldedLists = new WeakMap<readonly string[], string[]>();
function foldedPhrases(phrases: readonly string[]): string[] {
  let folded = foldedLists.get(phrases);
  if (!folded) foldedLists.set(phrases, (folded = phrases.map(foldText).filter((f) => f !== '').map((f) => ` ${f} `)));
  return folded;
}

export function matchesPhrase(text: string, phrases: readonly string[]): boolean {
  const folded = ` ${foldText(text)} `;
  return foldedPhrases(phrases).some((f) => folded.includes(f));
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
