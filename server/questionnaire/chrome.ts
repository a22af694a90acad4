// What a respondent is offered around the questions of one questionnaire version: which
// languages (only those the definition is written in), whether easy read is offered (only when
// there is easy-read text), which modes (the author's choice), and the register its pages speak
// in (children informally; adults and professionals formally). Pure: the respondent pages and the
// builder's preview both call it.
import { LANGUAGES, MODES, type Definition, type Language } from './definition.ts';

export type Register = 'informal' | 'formal';
export type Mode = (typeof MODES)[number];

export interface RespondentChrome {
  languages: Language[];
  easyRead: boolean;
  modes: Mode[];
  register: Register;
}

const hasEasyRead = (def: Definition) =>
  def.questions.some((q) => !!q.easyRead || ('options' in q && Array.isArray(q.options) && q.options.some((o) => !!o.easyRead)));

export function chromeOf(def: Definition, audience: string): RespondentChrome {
  return {
    languages: LANGUAGES.filter((l) => def.languages.includes(l)),
    easyRead: hasEasyRead(def),
    modes: def.modes && def.modes.length > 0 ? MODES.filter((m) => def.modes!.includes(m)) : [...MODES],
    register: audience === 'child' ? 'informal' : 'formal',
  };
}

/** Brings a respondent's chosen language, mode and easy read within what this questionnaire offers. */
export function fitPreferences<P extends { lang: Language; mode: Mode; easyRead: boolean }>(prefs: P, chrome: RespondentChrome): P {
  return {
    ...prefs,
    lang: chrome.languages.includes(prefs.lang) ? prefs.lang : 'en',
    mode: chrome.modes.includes(prefs.mode) ? prefs.mode : chrome.modes[0]!,
    easyRead: chrome.easyRead && prefs.easyRead,
  };
}
