// How the respondent wants the pages: language, chat or form, easy read. Chosen with
// ?lang= ?mode= ?easy= (links on every page), remembered in a cookie, and otherwise taken from
// the browser's languages.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { LANGUAGES, type Language } from '../questionnaire/definition.ts';
import { directionOf, translator } from '../i18n/index.ts';
import { fromAcceptLanguage } from '../i18n/request-language.ts';
import { chromeOf, fitPreferences, type RespondentChrome } from '../questionnaire/chrome.ts';
import type { Definition } from '../questionnaire/definition.ts';

export interface Preferences {
  lang: Language;
  dir: 'ltr' | 'rtl';
  mode: 'form' | 'chat';
  easyRead: boolean;
  /** What this questionnaire offers (languages, modes, easy read, register), once known. */
  chrome?: RespondentChrome;
}

const PREFS_COOKIE = 'heard_prefs';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

const Query = z.object({
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  mode: z.enum(['form', 'chat']).optional().catch(undefined),
  easy: z.enum(['1', '0']).optional().catch(undefined),
});
const Stored = z.tuple([z.enum(LANGUAGES), z.enum(['form', 'chat']), z.enum(['1', '0'])]);

/** What this request says (?lang= ?mode= ?easy=) and what the cookie remembers, each if valid. */
function readPreferences(c: Context<AppEnv>) {
  const query = Query.parse({ lang: c.req.query('lang'), mode: c.req.query('mode'), easy: c.req.query('easy') });
  const stored = Stored.safeParse((getCookie(c, PREFS_COOKIE) ?? '').split('.'));
  return { query, stored: stored.success ? stored.data : undefined };
}

/** The language this visitor chose themselves (a language link now or before), not one guessed from the browser. */
export function chosenLanguage(c: Context<AppEnv>): Language | undefined {
  const { query, stored } = readPreferences(c);
  return query.lang ?? stored?.[0];
}

/** Reads the preferences for this request, remembering any chosen in the query. */
export function preferencesOf(c: Context<AppEnv>): Preferences {
  const { query, stored } = readPreferences(c);
  const lang = query.lang ?? stored?.[0] ?? fromAcceptLanguage(c.req.header('accept-language'), LANGUAGES) ?? 'en';
  const mode = query.mode ?? stored?.[1] ?? 'form';
  const easy = query.easy ?? stored?.[2] ?? '0';
  if (query.lang || query.mode || query.easy) {
    setCookie(c, PREFS_COOKIE, `${lang}.${mode}.${easy}`, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.var.deps.config.secureCookies,
      maxAge: YEAR_SECONDS,
    });
  }
  return { lang, dir: directionOf(lang), mode, easyRead: easy === '1' };
}

/**
 * Narrows the preferences, in place, to what this questionnaire version offers: a Polish choice on
 * a questionnaire with no Polish falls back to English, chat to form when chat is not allowed.
 * In place, so every later use of the request's preferences sees the same, fitted values.
 */
export function fitToQuestionnaire(prefs: Preferences, version: { definition: Definition; audience: string }): void {
  const chrome = chromeOf(version.definition, version.audience);
  const fitted = fitPreferences(prefs, chrome);
  Object.assign(prefs, fitted, { dir: directionOf(fitted.lang), chrome });
}

/**
 * The respondent pages' words in this person's language and in the questionnaire's register:
 * adults and professionals are addressed formally (Welsh "chi" rather than "ti"); words with no
 * formal form fall back to the usual ones. Only Welsh has a formal file: an English formal file
 * would be found before the Welsh words (i18next tries every language of one namespace first).
 */
export function respondTranslator(prefs: Preferences) {
  return translator(prefs.lang, prefs.chrome?.register === 'formal' ? ['respond-formal', 'respond'] : 'respond');
}
