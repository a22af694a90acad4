// Checks a whole responses CSV row by row and plans the submissions it would make, without
// writing anything: the dry run, and the first half of every import.
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Queryable } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import { decodeUtf8 as decode, readCsv } from '../csv/reader.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { safeguardingPhrases } from '../questionnaire/phrases.ts';
import { signalsOf } from '../questionnaire/signals.ts';
import type { Submission } from '../submission/submit.ts';
import { answersFromCells } from './answers.ts';
import { parseFixedCells, parseSubmitted, type CellProblem } from './cells.ts';
import { findArea, loadImportContext, type ImportContext } from './context.ts';
import { FIXED_COLUMNS, type FixedColumn } from './format.ts';
import { importResponseId } from './ids.ts';

/** Whose import this is: the service, the one area an area-scoped person may import for, and whether victims' surveys are allowed. */
export interface ImportScope {
  serviceId: string;
  /** null: any area of the service (and responses with no area). */
  areaId: string | null;
  victims: boolean;
  /** The member of staff importing, recorded as who keyed the responses in. */
  enteredBy: string | null;
}

/** One reason a row (or, with row null, the whole file) cannot be imported. Row 1 is the header. */
export interface RowProblem {
  row: number | null;
  column: string | null;
  problem: string;
}

export interface PlannedRow {
  row: number;
  questionnaire: string;
  submission: Submission;
  /** Safeguarding alerts the submission pipeline will raise for it. */
  alerts: number;
  complaint: boolean;
}

export interface CheckedFile {
  fileHash: string;
  /** Responses in the file (rows after the header). */
  rows: number;
  planned: PlannedRow[];
  problems: RowProblem[];
}

const QUESTION_ID = /^[a-z][a-z0-9_]{0,62}$/;

const ROWS_PER_SLICE = 200;

const t = pageTranslator('import');

function headerProblems(header: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  FIXED_COLUMNS.forEach((name, i) => {
    const found = header[i]?.trim();
    if (found !== name) problems.push({ row: 1, column: name, problem: found === undefined ? t('problems.headerColumnMissing', { number: i + 1, name }) : t('problems.headerColumn', { number: i + 1, name, found }) });
  });
  const seen = new Set<string>();
  header.slice(FIXED_COLUMNS.length).forEach((raw) => {
    const id = raw.trim();
    if (!QUESTION_ID.test(id)) problems.push({ row: 1, column: id, problem: t('problems.notQuestionId', { id }) });
    else if (seen.has(id)) problems.push({ row: 1, column: id, problem: t('problems.columnTwice', { id }) });
    seen.add(id);
  });
  return problems;
}

type DateParser = (cell: string) => ReturnType<typeof parseSubmitted>;

function planRow(ctx: ImportContext, scope: ImportScope, fileHash: string, row: number, fixed: Record<FixedColumn, string>, questionCells: Map<string, string>, submittedOf: DateParser): { planned?: PlannedRow; problems: CellProblem[] } {
  const parsed = parseFixedCells(fixed);
  if (!parsed.ok) return { problems: parsed.problems };
  const cells = parsed.value;
  const problems: CellProblem[] = [];

  const q = ctx.questionnaires.get(cells.questionnaire);
  if (!q) problems.push({ column: 'questionnaire', problem: t('problems.noQuestionnaire', { slug: cells.questionnaire }) });
  else if (q.victim && !scope.victims) problems.push({ column: 'questionnaire', problem: t('problems.victimsSurvey', { slug: cells.questionnaire }) });

  let areaId: string | null = scope.areaId;
  if (cells.area !== '') {
    const area = findArea(ctx, cells.area);
    if (area === 'ambiguous') problems.push({ column: 'area', problem: t('problems.areaAmbiguous', { area: cells.area }) });
    else if (!area) problems.push({ column: 'area', problem: t('problems.noArea', { area: cells.area }) });
    else if (scope.areaId && area.id !== scope.areaId) problems.push({ column: 'area', problem: t('problems.notYourArea', { area: cells.area }) });
    else areaId = area.id;
  }

  const submitted = submittedOf(cells.submitted);
  if (!submitted.ok) problems.push({ column: 'submitted', problem: submitted.problem });

  let caseId: string | null = null;
  if (cells.case_reference !== '' && q) {
    const kind = q.victim ? 'victim' : 'child';
    const found = ctx.cases.get(`${kind}:${cells.case_reference}`);
    if (!found) problems.push({ column: 'case_reference', problem: t(kind === 'victim' ? 'problems.noVictimCase' : 'problems.noChildCase', { reference: cells.case_reference }) });
    else if (areaId && found.areaId !== areaId) problems.push({ column: 'case_reference', problem: t('problems.caseInOtherArea', { reference: cells.case_reference }) });
    else if (scope.areaId && found.areaId !== scope.areaId) problems.push({ column: 'case_reference', problem: t('problems.caseNotYourArea', { reference: cells.case_reference }) });
    else {
      caseId = found.id;
      areaId = found.areaId;
    }
  }

  const answers = q ? answersFromCells(q.definition, questionCells) : undefined;
  if (answers && !answers.ok) problems.push(...answers.problems);
  if (problems.length > 0 || !q || !answers?.ok || !submitted.ok) return { problems };

  const signals = signalsOf(q.definition, answers.answers, safeguardingPhrases());
  return {
    problems,
    planned: {
      row,
      questionnaire: cells.questionnaire,
      alerts: (signals.concern.length > 0 ? 1 : 0) + (signals.pleaseReview.length > 0 ? 1 : 0),
      complaint: q.kind === 'tell_us' && answers.answers.feedback_type === 'complaint',
      submission: {
        responseId: importResponseId(scope.serviceId, fileHash, row),
        serviceId: scope.serviceId,
        areaId,
        caseId,
        questionnaireVersionId: q.versionId,
        answers: answers.answers,
        channel: cells.channel,
        stage: cells.stage,
        mode: 'staff',
        enteredBy: scope.enteredBy,
        submittedAt: submitted.value,
        demographics: { ageBand: cells.age_band, gender: cells.gender, ethnicity: cells.ethnicity, careStatus: cells.care_status, specialNeeds: cells.special_needs },
      },
    },
  };
}

/** Reads and checks every row; writes nothing. */
export async function checkFile(db: Queryable, clock: Clock, scope: ImportScope, bytes: Uint8Array): Promise<CheckedFile> {
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const fail = (problem: RowProblem): CheckedFile => ({ fileHash, rows: 0, planned: [], problems: [problem] });
  const text = decode(bytes);
  if (text === undefined) return fail({ row: null, column: null, problem: t('problems.notUtf8') });
  const csv = await readCsv(text);
  if ('problem' in csv) return fail({ row: null, column: null, problem: csv.problem });
  const [header, ...records] = csv.records;
  if (!header) return fail({ row: null, column: null, problem: t('problems.empty') });
  const problems = headerProblems(header);
  if (problems.length > 0) return { fileHash, rows: records.length, planned: [], problems };
  if (records.length === 0) return fail({ row: null, column: null, problem: t('problems.noResponses') });

  const questionColumns = header.slice(FIXED_COLUMNS.length).map((h) => h.trim());
  const slugs = new Set(records.map((r) => (r[0] ?? '').trim()));
  const refs = new Set(records.map((r) => (r[5] ?? '').trim()).filter((r) => r !== ''));
  const ctx = await loadImportContext(db, scope, slugs, refs);
  const now = clock.now();
  // Files repeat the same few dates, and working out a day in a time zone is not free.
  const dates = new Map<string, ReturnType<typeof parseSubmitted>>();
  const submittedOf: DateParser = (cell) => {
    let parsed = dates.get(cell);
    if (!parsed) dates.set(cell, (parsed = parseSubmitted(cell, ctx.zone, now)));
    return parsed;
  };

  const planned: PlannedRow[] = [];
  for (const [i, record] of records.entries()) {
    if (i > 0 && i % ROWS_PER_SLICE === 0) await nextTurn();
    const row = i + 2;
    if (record.length !== header.length) {
      problems.push({ row, column: null, problem: t('problems.cellCount', { cells: record.length, columns: header.length }) });
      continue;
    }
    const fixed = Object.fromEntries(FIXED_COLUMNS.map((name, j) => [name, record[j]!])) as Record<FixedColumn, string>;
    const questionCells = new Map(questionColumns.map((id, j) => [id, record[FIXED_COLUMNS.length + j]!]));
    const result = planRow(ctx, scope, fileHash, row, fixed, questionCells, submittedOf);
    if (result.planned) planned.push(result.planned);
    for (const p of result.problems) problems.push({ row, ...p });
  }
  return { fileHash, rows: records.length, planned, problems };
}
