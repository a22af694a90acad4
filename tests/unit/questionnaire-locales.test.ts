// The respondent pages in Welsh, Polish, Romanian and Urdu: every English key translated, plural
// forms complete for each language's own rules, and the same {{placeholders}} kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../server/i18n/index.ts';

const LOCALES = ['cy', 'pl', 'ro', 'ur'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const load = (lang: string, ns: string) => JSON.parse(readFileSync(new URL(`../../server/i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as unknown;

function flatten(value: unknown, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  if (Array.isArray(value) || typeof value === 'string') out.set(prefix, value as string | string[]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}
const EN = flatten(load('en', 'respond'));
/** A key's plural base, when English has plural forms of it ("intro.time_one" → "intro.time"); "errors.too_many" is not one. */
const pluralBase = (k: string) => {
  const base = k.replace(PLURAL, '');
  return base !== k && EN.has(`${base}_other`) ? base : undefined;
};
const baseKeys = (m: Map<string, unknown>) => new Set([...m.keys()].map((k) => pluralBase(k) ?? k));
const placeholders = (s: string | string[]) => [...new Set((Array.isArray(s) ? s.join(' ') : s).match(/\{\{\w+\}\}/g) ?? [])].sort();

describe.each(LOCALES)('respondent pages in %s', (lang) => {
  const en = EN;
  const tr = flatten(load(lang, 'respond'));

  it('has every key of the English file and no others', () => {
    expect([...baseKeys(tr)].sort()).toEqual([...baseKeys(en)].sort());
  });

  it('gives every plural form the language needs', () => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plurals = new Set([...en.keys()].map(pluralBase).filter((b): b is string => b !== undefined));
    expect(plurals.size).toBeGreaterThan(0);
    for (const base of plurals) for (const c of categories) expect(tr.has(`${base}_${c}`), `${base}_${c}`).toBe(true);
  });

  it('keeps the same placeholders and list lengths, and is not English copied across', () => {
    for (const [key, value] of tr) {
      const english = en.get(key) ?? en.get(`${pluralBase(key)}_other`)!;
      expect(placeholders(value), key).toEqual(placeholders(english));
      if (Array.isArray(english)) expect((value as string[]).length, key).toBe(english.length);
      if (typeof english === 'string' && english.length > 15) expect(value, key).not.toBe(english);
    }
  });
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
