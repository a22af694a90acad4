// Interface text for every page, from locale files: server/i18n/locales/{language}/{namespace}.json.
// Each capability owns its namespace (respond, staff, reports, …). Missing keys fall back to English.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, RTL_LANGUAGES, type Language } from './languages.ts';

const dir = fileURLToPath(new URL('./locales', import.meta.url));

function loadResources() {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of LANGUAGES) {
    const folder = `${dir}/${lng}`;
    if (!existsSync(folder)) continue;
    resources[lng] = {};
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      resources[lng]![file.replace(/\.json$/, '')] = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'));
    }
  }
  return resources;
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: loadResources(),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // Preact escapes when rendering
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

const translators = new Map<string, TFunction>();
/** A translator for one language and namespace (or namespaces, the first found wins); made once, then reused: the texts never change while running. */
export function translator(lang: string, ns: string | string[]): TFunction {
  const key = `${isLanguage(lang) ? lang : 'en'}:${[ns].flat().join(',')}`;
  let t = translators.get(key);
  if (!t) translators.set(key, (t = i18n.getFixedT(isLanguage(lang) ? lang : 'en', ns)));
  return t;
}

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

export function directionOf(lang: Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
}

/** Language names, each written in its own language, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  cy: 'Cymraeg',
  pl: 'Polski',
  ro: 'Română',
  ur: 'اردو',
};
