// Turns zod's issues about a definition into messages a person editing the JSON can act on:
// where (which question, by its id when it has one) and what is wrong.
import type { z } from 'zod';

export interface DefinitionIssue {
  /** Dotted path inside the definition, e.g. "questions.3.showIf.questionId". */
  path: string;
  message: string;
}

function questionIdAt(input: unknown, index: number): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const questions = (input as { questions?: unknown }).questions;
  if (!Array.isArray(questions)) return undefined;
  const q = questions[index] as { id?: unknown } | undefined;
  return q && typeof q.id === 'string' && q.id.length <= 64 ? q.id : undefined;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'type') return 'unknown question type';
  if (issue.code === 'invalid_union') return 'not a recognised question (check its "type")';
  if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

export function readableIssues(issues: readonly z.core.$ZodIssue[], input: unknown): DefinitionIssue[] {
  return issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String).join('.');
    let where = path;
    if (issue.path[0] === 'questions' && typeof issue.path[1] === 'number') {
      const id = questionIdAt(input, issue.path[1]);
      const rest = issue.path.slice(2).map(String).join('.');
      where = `question ${issue.path[1] + 1}${id ? ` ("${id}")` : ''}${rest ? ` ${rest}` : ''}`;
    }
    return { path, message: `${where || 'definition'}: ${describe(issue)}` };
  });
}
