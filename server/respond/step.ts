// Answering one step: check the question is reachable, parse the answer with the engine, keep
// only the answers still on the route, and save. The route is derived from the answers every
// time, never stored.
import type { Database } from '../../db/index.ts';
import type { Question } from '../questionnaire/definition.ts';
import { parseAnswer, walk, type Answers, type ParseResult, type Walk } from '../questionnaire/engine.ts';
import { saveDraftAnswers, type Journey } from './drafts.ts';
import type { StepInput } from './step-input.ts';

export type StepError = Extract<ParseResult, { ok: false }>['error'];

export type StepOutcome =
  | { kind: 'unreachable' }
  | { kind: 'sent' }
  | { kind: 'invalid'; question: Question; error: StepError }
  | { kind: 'saved'; question: Question; walk: Walk };

export function answersOf(journey: Journey): Answers {
  return journey.walk.answers;
}

export function questionById(journey: Journey, id: string): Question | undefined {
  return journey.version.questionsById.get(id);
}

export async function answerStep(db: Database, journey: Journey, questionId: string, input: StepInput, now: Date): Promise<StepOutcome> {
  const def = journey.version.definition;
  const { answers } = journey.walk;
  const question = questionById(journey, questionId);
  if (!question || !journey.walk.reachable(questionId)) return { kind: 'unreachable' };
  let value: ParseResult;
  if (input.action === 'skip' && !question.required) value = { ok: true, value: null };
  else value = parseAnswer(question, input.raw);
  if (!value.ok) return { kind: 'invalid', question, error: value.error };
  const after = walk(def, { ...answers, [questionId]: value.value });
  const saved = await saveDraftAnswers(db, journey, after.answers, now);
  if (!saved) return { kind: 'sent' };
  return { kind: 'saved', question, walk: after };
}
