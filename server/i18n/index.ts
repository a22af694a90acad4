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
  if (!t) translators.set(key, (t = remembering(i18n.getFixedT(isLanguage(lang) ? lang : 'en', ns))));
  return t;
}

/** Options that change which text i18next picks (plurals, context, another language …): those calls always go to i18next. */
const CHOOSING = new Set(['count', 'context', 'ordinal', 'returnObjects', 'returnDetails', 'lng', 'lngs', 'ns', 'defaultValue', 'fallbackLng', 'keySeparator', 'nsSeparator', 'interpolation', 'joinArrays', 'postProcess', 'replace']);
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * A translator that looks each key up once: a page asks for the same words on every request, and
 * i18next's lookup and interpolation (a fresh pass with its fallbacks each call) cost more than
 * rendering the rest of the page. Plain values ({{step}}, {{title}}) are filled in here, as
 * i18next would fill them (no escaping: Preact escapes); a call whose options choose the text
 * (a plural's count, a context) or that names a value the text lacks goes to i18next as before.
 */
function remembering(t: TFunction): TFunction {
  const known = new Map<string, string>();
  const plain = (key: string) => {
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = t(key) as string));
    return text;
  };
  const i18next = t as unknown as (...a: unknown[]) => string;
  return ((key: unknown, ...rest: unknown[]) => {
    if (typeof key !== 'string' || rest.length > 1) return i18next(key, ...rest);
    const options = rest[0];
    if (options === undefined) return plain(key);
    if (typeof options !== 'object' || options === null || Object.keys(options).some((k) => CHOOSING.has(k))) return i18next(key, ...rest);
    const values = options as Record<string, unknown>;
    let missing = false;
    const text = plain(key).replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      missing = true;
      return whole;
    });
    return missing ? i18next(key, ...rest) : text;
  }) as unknown as TFunction;
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
