import { readdirSync } from 'node:fs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { directionOf, translator } from '../../server/i18n/index.ts';
import { flatten, loadLocale } from '../support/locales.ts';

describe('interface text', () => {
  it('reads text from the locale files and falls back to English', () => {
    expect(translator('en', 'common')('appName')).toBe('Heard');
    expect(translator('xx', 'common')('appName')).toBe('Heard');
  });
  it('knows Urdu is written right to left', () => {
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('cy')).toBe('ltr');
  });
});

/**
 * The translator remembers each text and fills plain {{values}} in itself: for every key of every
 * namespace in every language, with values, without them and asked twice, it must say exactly
 * what i18next says (a fresh instance on the same files).
 */
describe('remembered text says what i18next says', () => {
  const dir = new URL('../../server/i18n/locales/', import.meta.url);
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lang of readdirSync(dir)) {
    resources[lang] = {};
    for (const file of readdirSync(new URL(`${lang}/`, dir)).filter((f) => f.endsWith('.json'))) resources[lang][file.slice(0, -5)] = loadLocale(lang, file.slice(0, -5));
  }
  const reference = i18next.createInstance();
  beforeAll(() => reference.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false } as Parameters<typeof reference.init>[0]));

  it.each(Object.keys(resources))('%s', (lang) => {
    let compared = 0;
    for (const [ns, content] of Object.entries(resources[lang]!)) {
      const ours = translator(lang, ns);
      const theirs = reference.getFixedT(lang, ns);
      for (const [key, text] of flatten(content)) {
        if (typeof text !== 'string' || /_(zero|one|two|few|many|other)$/.test(key)) continue;
        const names = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 7 : `<${n} “quoted” & $1>`]));
        const partly = Object.fromEntries(Object.entries(values).slice(1));
        for (const options of [undefined, values, partly, { ...values, count: 2 }]) {
          expect(ours(key, options as never), `${lang} ${ns}:${key} ${JSON.stringify(options)}`).toBe(theirs(key, options as never));
          expect(ours(key, options as never)).toBe(theirs(key, options as never)); // asked again: from memory
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
