// The staff pages in Welsh: every staff namespace translated in full, with Welsh's six plural
// forms and the same {{placeholders}}. The command line stays English (operators, scripts).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flatten, loadLocale, localeCheck } from '../support/locales.ts';

/** Namespaces read only by people at a terminal; every other English namespace is on a page or in a message. */
const ENGLISH_ONLY = new Set(['cli', 'common']);
const NAMESPACES = readdirSync(new URL('../../server/i18n/locales/en', import.meta.url))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((ns) => !ENGLISH_ONLY.has(ns));

describe.each(NAMESPACES)('%s in Welsh', (ns) => {
  const check = () => localeCheck('cy', ns);
  it('has every key of the English file and no others', () => check().sameKeys());
  it('gives every plural form Welsh needs', () => check().everyPluralForm());
  it('keeps the same placeholders, and is not English copied across', () => check().samePlaceholdersAndTranslated());
});

describe('the Welsh staff namespaces', () => {
  it('cover every page namespace', () => expect(NAMESPACES.length).toBeGreaterThan(20));
});

describe.each(['cy', 'pl', 'ro', 'ur'])('the public "you said, we did" page and poster in %s', (lang) => {
  it('has every public and poster text', () => {
    const en = flatten(loadLocale('en', 'you-said-we-did'));
    const tr = flatten(loadLocale(lang, 'you-said-we-did'));
    for (const key of [...en.keys()].filter((k) => k.startsWith('public.') || k.startsWith('poster.'))) expect(tr.has(key), `${lang}: ${key}`).toBe(true);
  });
});
