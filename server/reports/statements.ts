// Which questions a questionnaire reports as statements ("89% said …"): the ones with a single
// answer that has positive options. Read from the latest version's definition; answers from
// older versions count under the same question id. Pure.
import { requestLanguage } from '../i18n/request-language.ts';
import type { Definition, Question } from '../questionnaire/definition.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';
import { tr } from './format.ts';

export interface ReportedStatement {
  questionId: string;
  /** Short label for charts and tables. */
  label: string;
  /** The predicate that follows a percentage: "said staff took their views seriously …". */
  statement: string;
  domain: string | null;
}

const SINGLE_ANSWER: Question['type'][] = ['single_choice', 'yes_no', 'frequency', 'faces', 'rating'];

export function reportedStatements(def: Definition): ReportedStatement[] {
  return def.questions
    .filter((q) => SINGLE_ANSWER.includes(q.type) && optionsOf(q).some((o) => o.positive))
    .map((q) => {
      const title = localise(q.title, requestLanguage());
      const statement = q.report?.statement ? localise(q.report.statement, requestLanguage()) : tr('statements.fallback', { question: title });
      return { questionId: q.id, label: q.report?.label ?? title, statement, domain: q.domain ?? null };
    });
}

/** Questions whose free-text answers are comments. */
export function commentQuestions(def: Definition): string[] {
  return def.questions.filter((q) => q.type === 'long_text' || q.type === 'short_text').map((q) => q.id);
}
