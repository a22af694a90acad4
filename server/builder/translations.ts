// Every text of a draft that a translator translates, keyed by where it sits ("questions.2.title"),
// with what is missing in a language; applying a language's translations; and the CSV a
// translator fills in and sends back. Pure.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LANGUAGES, type Language, type LocalisedText } from '../questionnaire/definition.ts';
import type { DraftDefinition } from './draft-edits.ts';

export interface SourceText {
  key: string;
  /** Where it is, for people: "Question 2: hint". */
  where: { question?: number; part: string };
  text: LocalisedText;
}

function walk(value: unknown, path: (string | number)[], out: SourceText[]) {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i], out));
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (typeof obj.en === 'string') {
    const question = path[0] === 'questions' && typeof path[1] === 'number' ? path[1] + 1 : undefined;
    const part = path.slice(question === undefined ? 0 : 2).filter((p) => typeof p === 'string').join('.');
    out.push({ key: path.join('.'), where: { question, part }, text: obj as LocalisedText });
    return;
  }
  for (const [k, v] of Object.entries(obj)) walk(v, [...path, k], out);
}

/** Every translatable text, in reading order. */
export function sourceTexts(def: DraftDefinition): SourceText[] {
  const out: SourceText[] = [];
  walk({ title: def.title, intro: def.intro, thanks: def.thanks, guideName: def.guideName }, [], out);
  def.questions.forEach((q, i) => walk(q, ['questions', i], out));
  return out;
}

export const missingCount = (def: DraftDefinition, lang: Language) => sourceTexts(def).filter((s) => !(s.text as Record<string, string>)[lang]).length;

/** The languages a respondent may be offered: English and every language with nothing missing. */
export const completeLanguages = (def: DraftDefinition): Language[] => def.languages.filter((l) => l === 'en' || missingCount(def, l) === 0);

/** Sets (or clears, when empty) one language's text at each key; unknown keys are ignored. */
export function applyTranslations(def: DraftDefinition, lang: Exclude<Language, 'en'>, values: Map<string, string>): DraftDefinition {
  const copy = structuredClone(def);
  const byKey = new Map(sourceTexts(copy).map((s) => [s.key, s.text as Record<string, string>]));
  for (const [key, value] of values) {
    const text = byKey.get(key);
    if (!text) continue;
    const clean = value.replace(/\r\n/g, '\n').trim();
    if (clean) text[lang] = clean;
    else delete text[lang];
  }
  return copy;
}

/** Adds a language to the draft (its texts start empty; preset scales already have theirs). */
export function addLanguage(def: DraftDefinition, lang: Language): DraftDefinition {
  if (def.languages.includes(lang)) return def;
  const languages = LANGUAGES.filter((l) => l === lang || def.languages.includes(l));
  return { ...def, languages };
}

/** Removes a language and its texts. */
export function removeLanguage(def: DraftDefinition, lang: Exclude<Language, 'en'>): DraftDefinition {
  const copy = structuredClone(def);
  for (const s of sourceTexts(copy)) delete (s.text as Record<string, string>)[lang];
  return { ...copy, languages: copy.languages.filter((l) => l !== lang) };
}

export const CSV_HEADER = ['key', 'where', 'en'] as const;

/** The CSV for a translator: key, where it is, the English, and the language's column to fill. */
export function translationCsv(def: DraftDefinition, lang: Language, whereLabel: (s: SourceText) => string): string {
  const rows = sourceTexts(def).map((s) => [s.key, whereLabel(s), s.text.en, (s.text as Record<string, string>)[lang] ?? '']);
  return stringify([[...CSV_HEADER, lang], ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

export type CsvProblem =
  | { problem: 'unreadable' }
  | { problem: 'header'; expected: string }
  | { problem: 'unknown_key'; row: number; key: string }
  | { problem: 'english_changed'; row: number; key: string }
  | { problem: 'too_long'; row: number; key: string };

/**
 * Reads a translator's CSV back, checking it before anything is saved: the header, that every
 * key is one of the draft's texts, and that the English it was translated from is still the
 * English in the draft (otherwise the translation is of words that have since changed).
 */
export function readTranslationCsv(def: DraftDefinition, lang: Language, csv: string): { ok: true; values: Map<string, string> } | { ok: false; problems: CsvProblem[] } {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return { ok: false, problems: [{ problem: 'unreadable' }] };
  }
  const expected = [...CSV_HEADER, lang].join(',');
  if (records.length === 0 || records[0]!.map((h) => h.trim()).join(',') !== expected) return { ok: false, problems: [{ problem: 'header', expected }] };
  const texts = new Map(sourceTexts(def).map((s) => [s.key, s.text]));
  const problems: CsvProblem[] = [];
  const values = new Map<string, string>();
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    const [key = '', , en = '', value = ''] = r;
    const text = texts.get(key);
    if (!text) problems.push({ problem: 'unknown_key', row, key });
    else if (text.en.replace(/\r\n/g, '\n') !== en.replace(/\r\n/g, '\n')) problems.push({ problem: 'english_changed', row, key });
    else if (value.length > 2000 || value.includes('\u0000')) problems.push({ problem: 'too_long', row, key });
    else values.set(key, value);
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, values };
}
