// Helpers for writing the built-in instruments: every text in all five languages, in one call,
// so a missing translation is a type error here rather than a surprise on a child's phone.
import type { LocalisedText } from '../definition.ts';

export const BUILTIN_LANGUAGES = ['en', 'cy', 'pl', 'ro', 'ur'] as const;

/** English, Welsh, Polish, Romanian, Urdu — in that order. */
export function t(en: string, cy: string, pl: string, ro: string, ur: string): LocalisedText {
  return { en, cy, pl, ro, ur };
}

/** The same text in every language (names, numbers). */
export function same(text: string): LocalisedText {
  return t(text, text, text, text, text);
}

/** Fills a template's `{x}` in each language from a localised noun phrase. */
export function fill(template: LocalisedText, x: LocalisedText): LocalisedText {
  const out: Record<string, string> = {};
  for (const lang of BUILTIN_LANGUAGES) out[lang] = (template as Record<string, string>)[lang]!.replace('{x}', (x as Record<string, string>)[lang]!);
  return out as LocalisedText;
}
