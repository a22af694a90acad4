// One question's form, both ways: the values a form shows for a question, and the question a
// posted form makes (or the errors to show beside its fields). Pure: the routes do the I/O.
import { z } from 'zod';
import type { LocalisedText, Option, Question, QuestionType } from '../questionnaire/definition.ts';
import { optionsOf, PRESET_OPTIONS } from '../questionnaire/options.ts';
import type { DraftDefinition } from './draft-edits.ts';
import { newQuestionId } from './draft-edits.ts';

export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'yes_no', 'frequency', 'faces', 'rating', 'short_text', 'long_text', 'contact', 'info'] as const satisfies readonly QuestionType[];
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'best_time'] as const;
const CHOICE_TYPES = new Set<QuestionType>(['single_choice', 'multiple_choice']);
const PRESET_TYPES = new Set<QuestionType>(['yes_no', 'frequency', 'faces']);

export const hasOwnOptions = (type: QuestionType) => CHOICE_TYPES.has(type);
export const hasPresetOptions = (type: QuestionType) => PRESET_TYPES.has(type);

export interface OptionRow {
  value: string;
  label: string;
  positive: boolean;
  concern: boolean;
  exclude: boolean;
}

/** What the question form shows. Everything is a string or flag, as in the HTML form. */
export interface QuestionFormValues {
  type: QuestionType;
  title: string;
  hint: string;
  easyTitle: string;
  easyHint: string;
  required: boolean;
  statement: string;
  options: OptionRow[];
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  positiveFrom: string;
  concernAtOrBelow: string;
  maxLength: string;
  maxChoices: string;
  body: string;
  contactFields: string[];
  /** "questionId:value" pairs. */
  showIf: string[];
}

export interface FieldError {
  id: string;
  message: string;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const rowOf = (o: Option): OptionRow => ({ value: o.value, label: o.label.en, positive: !!o.positive, concern: !!o.concern, exclude: !!o.excludeFromBase });
const blankRow = (): OptionRow => ({ value: '', label: '', positive: false, concern: false, exclude: false });

export function blankValues(type: QuestionType): QuestionFormValues {
  return {
    type,
    title: '',
    hint: '',
    easyTitle: '',
    easyHint: '',
    required: false,
    statement: '',
    options: hasOwnOptions(type) ? [blankRow(), blankRow(), blankRow(), blankRow()] : hasPresetOptions(type) ? PRESET_OPTIONS[type as 'yes_no'].map(rowOf) : [],
    min: '1',
    max: '5',
    minLabel: '',
    maxLabel: '',
    positiveFrom: '',
    concernAtOrBelow: '',
    maxLength: '',
    maxChoices: '',
    body: '',
    contactFields: [],
    showIf: [],
  };
}

export function valuesOf(q: Question): QuestionFormValues {
  const v = blankValues(q.type);
  v.title = q.title.en;
  v.hint = q.hint?.en ?? '';
  v.easyTitle = q.easyRead?.title.en ?? '';
  v.easyHint = q.easyRead?.hint?.en ?? '';
  v.required = q.required === true;
  v.statement = q.report?.statement?.en ?? '';
  v.showIf = q.showIf ? q.showIf.anyOf.map((a) => `${q.showIf!.questionId}:${a}`) : [];
  if (q.type === 'single_choice' || q.type === 'multiple_choice') v.options = [...q.options.map(rowOf), blankRow(), blankRow()];
  if (q.type === 'yes_no' || q.type === 'frequency' || q.type === 'faces') v.options = optionsOf(q).map(rowOf);
  if (q.type === 'multiple_choice') v.maxChoices = q.maxChoices ? String(q.maxChoices) : '';
  if (q.type === 'rating') {
    v.min = String(q.min);
    v.max = String(q.max);
    v.minLabel = q.minLabel?.en ?? '';
    v.maxLabel = q.maxLabel?.en ?? '';
    v.positiveFrom = q.positiveFrom !== undefined ? String(q.positiveFrom) : '';
    v.concernAtOrBelow = q.concernAtOrBelow !== undefined ? String(q.concernAtOrBelow) : '';
  }
  if (q.type === 'short_text' || q.type === 'long_text') v.maxLength = q.maxLength ? String(q.maxLength) : '';
  if (q.type === 'info') v.body = q.body?.en ?? '';
  if (q.type === 'contact') v.contactFields = [...q.fields];
  return v;
}

const text = z.string().max(2000).default('').transform((s) => s.replace(/\r\n/g, '\n').trim());
const flag = z.union([z.string(), z.array(z.string())]).optional().transform((v) => v !== undefined);
const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Reads the posted form into values (never throws: bad shapes become empty). */
export function readForm(type: QuestionType, body: Record<string, string | File | (string | File)[]>): QuestionFormValues {
  const str = (k: string) => {
    const r = text.safeParse(typeof body[k] === 'string' ? body[k] : undefined);
    return r.success ? r.data : '';
  };
  const has = (k: string) => flag.parse(typeof body[k] === 'string' || Array.isArray(body[k]) ? (body[k] as string) : undefined);
  const strings = (k: string) => list.parse(Array.isArray(body[k]) ? (body[k] as unknown[]).filter((x) => typeof x === 'string') : typeof body[k] === 'string' ? body[k] : undefined);
  const rows = Math.min(Number(z.coerce.number().int().min(0).max(30).catch(0).parse(body.rows)), 30);
  const options: OptionRow[] = [];
  for (let i = 0; i < rows; i++) {
    options.push({ value: str(`option-${i}-value`).slice(0, 63), label: str(`option-${i}-label`), positive: has(`option-${i}-positive`), concern: has(`option-${i}-concern`), exclude: has(`option-${i}-exclude`) });
  }
  return {
    type,
    title: str('title'),
    hint: str('hint'),
    easyTitle: str('easyTitle'),
    easyHint: str('easyHint'),
    required: str('required') === 'yes',
    statement: str('statement'),
    options,
    min: str('min'),
    max: str('max'),
    minLabel: str('minLabel'),
    maxLabel: str('maxLabel'),
    positiveFrom: str('positiveFrom'),
    concernAtOrBelow: str('concernAtOrBelow'),
    maxLength: str('maxLength'),
    maxChoices: str('maxChoices'),
    body: str('body'),
    contactFields: strings('contactFields').filter((f) => (CONTACT_FIELDS as readonly string[]).includes(f)),
    showIf: strings('showIf').slice(0, 60),
  };
}

/** Keeps an existing text's translations when its English is unchanged; a reworded text needs translating again. */
function localised(en: string, old: LocalisedText | undefined): LocalisedText {
  return old && old.en === en ? old : { en };
}

function optionValueFrom(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'option';
  let value = /^[a-z0-9]/.test(base) ? base : `o_${base}`;
  for (let n = 2; taken.has(value); n++) value = `${base}_${n}`;
  taken.add(value);
  return value;
}

const integer = (s: string) => (/^-?\d{1,3}$/.test(s) ? Number(s) : undefined);

/** The earlier questions a question may depend on, and their real options. */
export function earlierQuestions(def: DraftDefinition, id: string | undefined): Question[] {
  const i = id ? def.questions.findIndex((q) => q.id === id) : def.questions.length;
  return def.questions.slice(0, i < 0 ? def.questions.length : i).filter((q) => optionsOf(q).length > 0);
}

/** Suggests a report statement from the title and the options that count as good answers. */
export function suggestStatement(t: Translate, v: QuestionFormValues): string {
  if (!v.title) return '';
  const good = v.options.filter((o) => o.label && o.positive).map((o) => o.label);
  if (v.type === 'rating' && v.positiveFrom) return t('suggest.rating', { from: v.positiveFrom, max: v.max, title: v.title });
  if (good.length === 0) return '';
  return t('suggest.choice', { answers: good.map((g) => `“${g}”`).join(t('suggest.or')), title: v.title });
}

/**
 * Builds the question from posted values, or says what to fix, field by field. `existing` is the
 * question being edited (its id and translations are kept).
 */
export function questionFrom(t: Translate, def: DraftDefinition, v: QuestionFormValues, existing?: Question): { ok: true; question: Question } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = v.title || t('errors.thisQuestion');
  if (!v.title) errors.push({ id: 'title', message: t('errors.titleMissing') });
  const old = existing as (Question & Record<string, unknown>) | undefined;
  const base: Record<string, unknown> = {
    id: existing?.id ?? newQuestionId(def, v.title),
    type: v.type,
    title: localised(v.title, existing?.title),
  };
  if (v.hint) base.hint = localised(v.hint, existing?.hint);
  if (v.easyTitle) base.easyRead = { title: localised(v.easyTitle, existing?.easyRead?.title), ...(v.easyHint ? { hint: localised(v.easyHint, existing?.easyRead?.hint) } : {}) };
  else if (v.easyHint) errors.push({ id: 'easyTitle', message: t('errors.easyTitleMissing', { name }) });
  if (v.required) base.required = true;
  if (v.statement) base.report = { ...(existing?.report ?? {}), statement: localised(v.statement, existing?.report?.statement) };
  if (existing?.domain) base.domain = existing.domain;

  // Branching: answers to one earlier question, among its real options.
  if (v.showIf.length > 0) {
    const earlier = earlierQuestions(def, existing?.id);
    const pairs = v.showIf.map((p) => p.split(':') as [string, string | undefined]);
    const targets = new Set(pairs.map(([q]) => q));
    const target = earlier.find((q) => targets.has(q.id));
    if (targets.size > 1) errors.push({ id: 'showIf', message: t('errors.showIfOneQuestion', { name }) });
    else if (!target || pairs.some(([, value]) => !optionsOf(target).some((o) => o.value === value))) errors.push({ id: 'showIf', message: t('errors.showIfUnknown', { name }) });
    else base.showIf = { questionId: target.id, anyOf: pairs.map(([, value]) => value!) };
  }

  if (v.type === 'single_choice' || v.type === 'multiple_choice') {
    const filled = v.options.filter((o) => o.label);
    if (filled.length < 2) errors.push({ id: 'option-0-label', message: t('errors.optionsTooFew', { name }) });
    const labels = new Set<string>();
    for (const o of filled) {
      if (labels.has(o.label.toLowerCase())) errors.push({ id: `option-${v.options.indexOf(o)}-label`, message: t('errors.optionRepeated', { name, label: o.label }) });
      labels.add(o.label.toLowerCase());
    }
    const oldOptions = existing && 'options' in existing && existing.options ? existing.options : [];
    const taken = new Set(filled.map((o) => o.value).filter((x) => oldOptions.some((p) => p.value === x)));
    base.options = filled.map((o) => {
      const before = oldOptions.find((p) => p.value === o.value);
      const value = before ? before.value : optionValueFrom(o.label, taken);
      return {
        ...(before ?? {}),
        value,
        label: localised(o.label, before?.label),
        positive: o.positive || undefined,
        concern: o.concern || undefined,
        excludeFromBase: o.exclude || undefined,
      };
    });
    if (v.type === 'multiple_choice' && v.maxChoices) {
      const n = integer(v.maxChoices);
      if (n === undefined || n < 1) errors.push({ id: 'maxChoices', message: t('errors.maxChoices', { name }) });
      else base.maxChoices = n;
    }
  }

  if (v.type === 'yes_no' || v.type === 'frequency' || v.type === 'faces') {
    const preset = PRESET_OPTIONS[v.type];
    const current = existing && 'options' in existing && existing.options ? existing.options : preset;
    const flagged = current.map((o) => {
      const row = v.options.find((r) => r.value === o.value);
      return { ...o, positive: row?.positive || undefined, concern: row?.concern || undefined, excludeFromBase: row?.exclude || undefined };
    });
    const same = flagged.every((o, i) => !!o.positive === !!preset[i]?.positive && !!o.concern === !!preset[i]?.concern && !!o.excludeFromBase === !!preset[i]?.excludeFromBase && o.value === preset[i]?.value);
    if (!same || (existing && 'options' in existing && existing.options)) base.options = flagged.map((o) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)));
  }

  if (v.type === 'rating') {
    const min = v.min === '0' ? 0 : v.min === '1' ? 1 : undefined;
    const max = v.max === '5' ? 5 : v.max === '10' ? 10 : undefined;
    if (min === undefined) errors.push({ id: 'min', message: t('errors.ratingMin', { name }) });
    if (max === undefined) errors.push({ id: 'max', message: t('errors.ratingMax', { name }) });
    if (!v.minLabel) errors.push({ id: 'minLabel', message: t('errors.minLabel', { name }) });
    if (!v.maxLabel) errors.push({ id: 'maxLabel', message: t('errors.maxLabel', { name }) });
    base.min = min;
    base.max = max;
    if (v.minLabel) base.minLabel = localised(v.minLabel, existing?.type === 'rating' ? existing.minLabel : undefined);
    if (v.maxLabel) base.maxLabel = localised(v.maxLabel, existing?.type === 'rating' ? existing.maxLabel : undefined);
    for (const key of ['positiveFrom', 'concernAtOrBelow'] as const) {
      if (!v[key]) continue;
      const n = integer(v[key]);
      if (n === undefined || min === undefined || max === undefined || n < min || n > max) errors.push({ id: key, message: t(`errors.${key}`, { name, min: min ?? 0, max: max ?? 10 }) });
      else base[key] = n;
    }
  }

  if (v.type === 'short_text' || v.type === 'long_text') {
    if (v.maxLength) {
      const limit = v.type === 'short_text' ? 500 : 5000;
      const n = /^\d{1,5}$/.test(v.maxLength) ? Number(v.maxLength) : undefined;
      if (n === undefined || n < 1 || n > limit) errors.push({ id: 'maxLength', message: t('errors.maxLength', { name, limit }) });
      else base.maxLength = n;
    }
  }
  if (v.type === 'info' && v.body) base.body = localised(v.body, old && old.type === 'info' ? old.body : undefined);
  if (v.type === 'contact') {
    if (v.contactFields.length === 0) errors.push({ id: 'contactFields', message: t('errors.contactFields', { name }) });
    base.fields = v.contactFields;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, question: base as unknown as Question };
}

/** The option values a question offers (for trimming dependents' conditions). */
export const valuesOfQuestion = (q: Question) => new Set(optionsOf(q).map((o) => o.value));
