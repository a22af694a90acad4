// The words a case manager sends with a personal link, in the child's (or victim's) language and
// worded for what is being asked: an End of Order Questionnaire looks back on the work done
// together, a self-assessment at the start looks ahead, a victim is thanked for their time.
// Pure: the caller gives the names, the link and the date already written out.
import type { Stage } from '../../db/schema.ts';
import { translator } from '../i18n/index.ts';
import type { Language } from '../questionnaire/definition.ts';

/** The languages an invitation message and slip are written in (each has a locale file). */
export const MESSAGE_LANGUAGES = ['en', 'cy'] as const satisfies readonly Language[];
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export interface MessageInput {
  lang: MessageLanguage;
  caseKind: 'child' | 'victim';
  questionnaireKind: string;
  stage: Stage;
  worker: string;
  service: string;
  url: string;
  until: string;
}

/** Which wording fits this questionnaire and stage. */
export function messageKey(input: Pick<MessageInput, 'caseKind' | 'questionnaireKind' | 'stage'>): string {
  if (input.caseKind === 'victim') return 'victim';
  if (input.stage === 'start') return 'child.start';
  if (input.stage === 'review') return 'child.review';
  if (input.stage === 'end' || input.questionnaireKind === 'end_of_order') return 'child.end';
  return 'child.other';
}

export function invitationMessage(input: MessageInput): string {
  const t = translator(input.lang, 'invitation-message');
  return t(messageKey(input), { worker: input.worker, service: input.service, url: input.url, until: input.until });
}

/** The personal link, opening in the chosen language (the respondent pages remember `?lang=`). */
export function linkIn(url: string, lang: MessageLanguage): string {
  return lang === 'en' ? url : `${url}?lang=${lang}`;
}
