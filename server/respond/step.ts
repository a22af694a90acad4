// Answering one step: check the question is reachable, parse the answer with the engine, keep
// only the answers still on the route, and save. The route is derived from the answers every
// time, never stored.
import type { Database } from '../../db/index.ts';
import type { Question } from '../questionnaire/definition.ts';
import { answersOnRoute, isReachable, nextQuestion, parseAnswer, type Answers, type ParseResult } from '../questionnaire/engine.ts';
import { saveDraftAnswers, type Journey } from './drafts.ts';
import type { StepInput } from './step-input.ts';

export type StepError = Extract<ParseResult, { ok: false }>['error'];

export type StepOutcome =
  | { kind: 'unreachable' }
  | { kind: 'sent' }
  | { kind: 'invalid'; question: Question; error: StepError }
  | { kind: 'saved'; question: Question; answers: Answers; next: Question | undefined };

export function answersOf(journey: Journey): Answers {
  return answersOnRoute(journey.version.definition, (journey.draft.answers ?? {}) as Answers);
}

export function questionById(journey: Journey, id: string): Question | undefined {
  return journey.version.definition.questions.find((q) => q.id === id);
}

export async function answerStep(db: Database, journey: Journey, questionId: string, input: StepInput, now: Date): Promise<StepOutcome> {
  const def = journey.version.definition;
  const answers = answersOf(journey);
  const question = questionById(journey, questionId);
  if (!question || !isReachable(def, answers, questionId)) return { kind: 'unreachable' };
  let value: ParseResult;
  if (input.action === 'skip' && !question.required) value = { ok: true, value: null };
  else value = parseAnswer(question, input.raw);
  if (!value.ok) return { kind: 'invalid', question, error: value.error };
  const updated = answersOnRoute(def, { ...answers, [questionId]: value.value });
  const saved = await saveDraftAnswers(db, journey, updated, now);
  if (!saved) return { kind: 'sent' };
  return { kind: 'saved', question, answers: updated, next: nextQuestion(def, updated) };
}
