// The front door and the error pages are written in English and Welsh; a visitor who chose
// another language reads them in English (the questionnaires themselves offer more).
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import type { Language } from '../questionnaire/definition.ts';
import { isStaffLanguage, type StaffLanguage } from '../i18n/request-language.ts';
import { chosenLanguage, preferencesOf, type Preferences } from '../respond/preferences.ts';

const DOOR_LANGUAGES: Language[] = ['en', 'cy'];

export function doorPreferences(c: Context<AppEnv>): Preferences {
  const prefs = preferencesOf(c);
  const lang = DOOR_LANGUAGES.includes(prefs.lang) ? prefs.lang : 'en';
  return { ...prefs, lang, dir: 'ltr', chrome: { languages: DOOR_LANGUAGES, easyRead: false, modes: ['form'], register: 'informal' } };
}

/** The front door's language for this visitor (English or Welsh), which the staff pages start in too. */
export function doorLanguage(c: Context<AppEnv>): StaffLanguage {
  const lang = doorPreferences(c).lang;
  return isStaffLanguage(lang) ? lang : 'en';
}

/** English or Welsh, when the visitor chose one with a language link (the staff sign-in page's switch). */
export function chosenDoorLanguage(c: Context<AppEnv>): StaffLanguage | undefined {
  const lang = chosenLanguage(c);
  return isStaffLanguage(lang) ? lang : undefined;
}
