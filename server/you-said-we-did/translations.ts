// A change's words in other languages, written beside the English like a questionnaire's
// translations. Each translation remembers the English it was made from: when the English is
// edited, the old translation no longer says the same thing, so the public page shows the
// English until someone checks it (staff see "the English has changed").
import { z } from 'zod';
import type { YouSaidWeDidTranslation } from '../../db/schema.ts';
import type { FieldError } from './form.ts';
import { LANGUAGES, type Language } from '../questionnaire/definition.ts';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';

const t = pageTranslator('you-said-we-did');

/** One language's words, and (`from`) the English they were translated from. */
export type Translation = YouSaidWeDidTranslation;
export type Words = Translation['from'];
export type Translations = Partial<Record<string, Translation>>;

/** Every language a change can be translated into (the respondent pages' languages but English). */
export const TRANSLATABLE: Language[] = LANGUAGES.filter((l) => l !== 'en');

const sameWords = (a: Words, b: Words) => a.youSaid === b.youSaid && a.weDid === b.weDid && (a.whatNext ?? null) === (b.whatNext ?? null);

export type TranslationState = 'none' | 'current' | 'stale';
export function translationState(english: Words, translation: Translation | undefined): TranslationState {
  if (!translation) return 'none';
  return translation.from && sameWords(translation.from, english) ? 'current' : 'stale';
}

/** The words to show a reader of `lang`, and the language they are really in. */
export function wordsIn(change: Words & { translations: Translations | null }, lang: Language): Words & { lang: Language } {
  const english = { youSaid: change.youSaid, weDid: change.weDid, whatNext: change.whatNext };
  const tr = lang === 'en' ? undefined : change.translations?.[lang];
  if (tr && translationState(english, tr) === 'current') return { youSaid: tr.youSaid, weDid: tr.weDid, whatNext: tr.whatNext, lang };
  return { ...english, lang: 'en' };
}

const field = z
  .string()
  .default('')
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().max(1000, errorIn(t, 'staff.errors.tooLong')));

const TranslationForm = z.object({ youSaid: field, weDid: field, whatNext: field });

export type { FieldError } from './form.ts';

/**
 * The translation form: every field the English has must be filled, or every field left empty
 * to remove the translation (null).
 */
export function parseTranslationForm(form: Record<string, unknown>, english: Words): { ok: true; translation: Translation | null } | { ok: false; errors: FieldError[] } {
  const parsed = TranslationForm.safeParse(form);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) };
  const { youSaid, weDid, whatNext } = parsed.data;
  if (!youSaid && !weDid && !whatNext) return { ok: true, translation: null };
  const errors: FieldError[] = [];
  if (!youSaid) errors.push({ field: 'youSaid', message: t('staff.translate.missing.youSaid') });
  if (!weDid) errors.push({ field: 'weDid', message: t('staff.translate.missing.weDid') });
  if (english.whatNext && !whatNext) errors.push({ field: 'whatNext', message: t('staff.translate.missing.whatNext') });
  if (errors.length) return { ok: false, errors };
  return { ok: true, translation: { youSaid, weDid, whatNext: english.whatNext ? whatNext : null, from: english } };
}
