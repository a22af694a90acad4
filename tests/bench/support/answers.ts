// A whole questionnaire answered as a child might: the first option that raises no concern, a
// sentence for text, nothing for contact details; info steps passed. Deterministic, so every run
// sends the same answers.
import { nextQuestion, parseAnswer, type AnswerValue, type Answers } from '../../../server/questionnaire/engine.ts';
import type { Definition, Question } from '../../../server/questionnaire/definition.ts';
import { optionsOf } from '../../../server/questionnaire/options.ts';

export const SENTENCE = 'My worker listened to me and helped me get back into college.';

/** The raw answer a respondent gives this question (what a form or the chat island would send). */
export function rawAnswerFor(q: Question): string | string[] | undefined {
  if (q.type === 'info' || q.type === 'contact') return undefined;
  if (q.type === 'short_text' || q.type === 'long_text') return SENTENCE;
  // A low rating raises a concern as a concern option does: take the highest.
  const options = q.type === 'rating' ? [...optionsOf(q)].reverse() : optionsOf(q);
  const calm = options.find((o) => !o.concern) ?? options[0]!;
  return q.type === 'multiple_choice' ? [calm.value] : calm.value;
}

/** Every question on the route answered (or passed), as the draft would hold them at the end. */
export function completeAnswers(def: Definition): Answers {
  const answers: Answers = {};
  for (let q = nextQuestion(def, answers); q; q = nextQuestion(def, answers)) {
    const parsed = parseAnswer(q, rawAnswerFor(q));
    if (!parsed.ok) throw new Error(`the bench's answer to ${q.id} is refused: ${parsed.error}`);
    answers[q.id] = parsed.value as AnswerValue;
  }
  return answers;
}
