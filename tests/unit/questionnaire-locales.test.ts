// The respondent pages in Welsh, Polish, Romanian and Urdu: every English key translated, plural
// forms complete for each language's own rules, and the same {{placeholders}} kept.
import { describe, expect, it } from 'vitest';
import { translator } from '../../server/i18n/index.ts';
import { localeCheck } from '../support/locales.ts';

const LOCALES = ['cy', 'pl', 'ro', 'ur'] as const;

describe.each(LOCALES)('respondent pages in %s', (lang) => {
  const check = localeCheck(lang, 'respond');
  it('has every key of the English file and no others', () => check.sameKeys());
  it('gives every plural form the language needs', () => {
    expect(check.plurals.size).toBeGreaterThan(0);
    check.everyPluralForm();
  });
  it('keeps the same placeholders and list lengths, and is not English copied across', () => check.samePlaceholdersAndTranslated());
});

describe('plural sentences read correctly', () => {
  it('uses each language’s own plural rules', () => {
    expect(translator('pl', 'respond')('intro.questions', { count: 1 })).toBe('Jest 1 pytanie.');
    expect(translator('pl', 'respond')('intro.questions', { count: 3 })).toBe('Są 3 pytania.');
    expect(translator('pl', 'respond')('intro.questions', { count: 12 })).toBe('Jest 12 pytań.');
    expect(translator('ro', 'respond')('intro.questions', { count: 21 })).toBe('Sunt 21 de întrebări.');
    expect(translator('cy', 'respond')('intro.time', { count: 3 })).toBe("Mae'n cymryd tua 3 munud.");
    expect(translator('ur', 'respond')('intro.questions', { count: 12 })).toBe('12 سوال ہیں۔');
  });
});
