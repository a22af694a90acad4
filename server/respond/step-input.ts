// What a step POST may carry, from the HTML form or the chat island, parsed with zod into the
// raw value the questionnaire engine's parseAnswer() understands.
import { z } from 'zod';

const Text = z.string().max(20000);
const Answer = z.union([Text, z.array(Text).max(60), z.number()]);
const CONTACT_FIELDS = ['name', 'phone', 'email', 'best_time'] as const;

const FormStep = z.object({
  action: z.enum(['continue', 'skip']).catch('continue'),
  answer: Answer.optional(),
  from: z.enum(['check']).optional().catch(undefined),
  ...Object.fromEntries(CONTACT_FIELDS.map((f) => [`contact_${f}`, Text.optional()])),
});

const JsonStep = z.object({
  action: z.enum(['continue', 'skip']).default('continue'),
  answer: Answer.nullish(),
  contact: z.partialRecord(z.enum(CONTACT_FIELDS), Text).optional(),
  from: z.enum(['check']).optional(),
});

export interface StepInput {
  action: 'continue' | 'skip';
  /** The value for parseAnswer: a string, several strings, or contact details. */
  raw: unknown;
  fromCheck: boolean;
}

export type ParsedStepInput = { ok: true; input: StepInput } | { ok: false };

/** Form fields (from parseBody({ all: true })). Files or oversized fields make it unreadable. */
export function parseFormStep(body: Record<string, unknown>): ParsedStepInput {
  const parsed = FormStep.safeParse(body);
  if (!parsed.success) return { ok: false };
  const d = parsed.data as z.infer<typeof FormStep> & Record<string, string | undefined>;
  const contact: Record<string, string> = {};
  for (const f of CONTACT_FIELDS) {
    const v = d[`contact_${f}`];
    if (typeof v === 'string' && v.trim() !== '') contact[f] = v;
  }
  const raw = Object.keys(contact).length > 0 ? contact : d.answer;
  return { ok: true, input: { action: d.action, raw, fromCheck: d.from === 'check' } };
}

export function parseJsonStep(body: unknown): ParsedStepInput {
  const parsed = JsonStep.safeParse(body);
  if (!parsed.success) return { ok: false };
  const d = parsed.data;
  const raw = d.contact && Object.keys(d.contact).length > 0 ? d.contact : typeof d.answer === 'number' ? String(d.answer) : (d.answer ?? undefined);
  return { ok: true, input: { action: d.action, raw, fromCheck: d.from === 'check' } };
}
