// Reading locale files for the tests that check a translation is complete: every English key,
// every plural form the language needs, the same {{placeholders}}, and not English copied across.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

const PLURAL = /_(zero|one|two|few|many|other)$/;
type Text = string | string[];

export const loadLocale = (lang: string, ns: string) =>
  JSON.parse(readFileSync(new URL(`../../server/i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as unknown;

export function flatten(value: unknown, prefix = ''): Map<string, Text> {
  const out = new Map<string, Text>();
  if (Array.isArray(value) || typeof value === 'string') out.set(prefix, value as Text);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: Text) => [...new Set((Array.isArray(s) ? s.join(' ') : s).match(/\{\{[\w.]+\}\}|\$t\([^)]*\)/g) ?? [])].sort();

/** One language's file for one namespace, compared with the English one. */
export function localeCheck(lang: string, ns: string) {
  const en = flatten(loadLocale('en', ns));
  const tr = flatten(loadLocale(lang, ns));
  /** A key's plural base, when English has plural forms of it ("intro.time_one" → "intro.time"); "errors.too_many" is not one. */
  const pluralBase = (k: string) => {
    const base = k.replace(PLURAL, '');
    return base !== k && en.has(`${base}_other`) ? base : undefined;
  };
  const baseKeys = (m: Map<string, unknown>) => new Set([...m.keys()].map((k) => pluralBase(k) ?? k));
  const plurals = new Set([...en.keys()].map(pluralBase).filter((b): b is string => b !== undefined));

  return {
    plurals,
    sameKeys() {
      expect([...baseKeys(tr)].sort()).toEqual([...baseKeys(en)].sort());
    },
    everyPluralForm() {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of plurals) for (const c of categories) expect(tr.has(`${base}_${c}`), `${ns}: ${base}_${c}`).toBe(true);
    },
    samePlaceholdersAndTranslated() {
      for (const [key, value] of tr) {
        const english = en.get(key) ?? en.get(`${pluralBase(key)}_other`);
        if (english === undefined) continue; // sameKeys reports it
        expect(placeholders(value), `${ns}: ${key}`).toEqual(placeholders(english));
        if (Array.isArray(english)) expect((value as string[]).length, `${ns}: ${key}`).toBe(english.length);
        if (typeof english === 'string' && english.length > 15 && /[a-z]{4}/.test(english.replace(/\{\{[\w.]+\}\}/g, ''))) expect(value, `${ns}: ${key}`).not.toBe(english);
      }
    },
  };
}
