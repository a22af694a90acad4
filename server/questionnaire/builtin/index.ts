// The instruments every service starts with. Each is data (a Definition), checked by the same
// rules as a service's own questionnaire; a service copies one to adapt it.
import type { Definition } from '../definition.ts';
import { EndOfOrderQuestionnaire } from './end-of-order.ts';
import { ParentCarerFeedback } from './parent-carer.ts';
import { SelfAssessment } from './self-assessment.ts';
import { TellUs } from './tell-us.ts';
import { VictimSatisfaction } from './victim-satisfaction.ts';

export { EndOfOrderQuestionnaire, ParentCarerFeedback, SelfAssessment, TellUs, VictimSatisfaction };

export const BUILTIN_DEFINITIONS: readonly Definition[] = [EndOfOrderQuestionnaire, SelfAssessment, TellUs, VictimSatisfaction, ParentCarerFeedback];

/** Built-ins reachable by an open link from the start (cards, posters, letters). */
export const OPEN_LINK_BUILTINS: readonly string[] = ['tell-us', 'victim-satisfaction', 'parent-carer'];

export function builtinBySlug(slug: string): Definition | undefined {
  return BUILTIN_DEFINITIONS.find((d) => d.slug === slug);
}
