// Reads a shared report model the way an adversary would: every number it prints (or withholds)
// as a sum of the unknowns in world.ts, from what the report says it is — its area, its period,
// the row and the column. Figures the adversary does not model (Tell Us, complaints, alerts, the
// victims' funnel, changes made) are counted as skipped, so the test can say what it covered.
import { TELL_US_TYPES } from '../../../db/schema.ts';
import { reportAudience } from '../../../server/reports/builders/area.ts';
import type { ReportContext } from '../../../server/reports/context.ts';
import type { Cell, ReportModel, ReportTable, Section } from '../../../server/reports/model.ts';
import type { CountCellValue } from '../../../server/reports/suppression.ts';
import { optionLabel, questionsWithOptions } from '../../../server/reports/sections/questions.ts';
import { DETAILS, type Detail } from '../../../server/reports/queries/scope.ts';
import type { Question } from '../../../server/questionnaire/definition.ts';
import { optionsOf } from '../../../server/questionnaire/options.ts';
import { cellKey, groupKey, groupsOf, NONE, quarterNumber, unknown, type World } from './world.ts';

/** A sum of unknowns (unknown → coefficient). */
export type Sum = Map<string, number>;

export interface Figure {
  /** Where it is, for a failure message: "board Q1 2025/26 › areas › Feels safe › Northbrook (count)". */
  label: string;
  sum: Sum;
  /** The number printed; null when withheld. */
  value: number | null;
}

/** The cells a figure covers: areas (ids, '' for no area) and quarters. */
interface Scope {
  areas: string[];
  quarters: number[];
  group?: { detail: Detail; value: string | null };
}

const STATEMENT_SECTIONS = ['statements', 'satisfaction', 'contact-rj'];
const TELL_US_LABELS: Record<string, string> = { comment: 'Comments', compliment: 'Compliments', complaint: 'Complaints', idea: 'Ideas' };

function add(sum: Sum, key: string, by: number) {
  sum.set(key, (sum.get(key) ?? 0) + by);
}

export class ModelReader {
  readonly figures: Figure[] = [];
  skipped = 0;

  constructor(
    private readonly ctx: Pick<ReportContext, 'areas' | 'questionnaire' | 'zone' | 'bounds' | 'previous'>,
    private readonly model: ReportModel,
    private readonly name: string,
  ) {}

  private quartersOf(b: { start: Date; end: Date }): number[] {
    const first = quarterNumber(b.start, this.ctx.zone);
    const last = quarterNumber(new Date(b.end.getTime() - 1), this.ctx.zone);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  private areasOf(areaId: string | null | undefined): string[] {
    if (areaId === undefined || areaId === null) return [...this.ctx.areas.map((a) => a.id), ''];
    return [areaId];
  }

  private sumOver(scope: Scope, whats: [string, number][], of = this.ctx.questionnaire.id): Sum {
    const sum: Sum = new Map();
    for (const area of scope.areas)
      for (const q of scope.quarters) {
        const cell = cellKey(of, area, q);
        const at = scope.group ? groupKey(cell, scope.group.detail, scope.group.value) : cell;
        for (const [what, c] of whats) add(sum, unknown(at, what), c);
      }
    return sum;
  }

  private question(id: string): Question {
    const q = this.ctx.questionnaire.definition.questions.find((x) => x.id === id);
    if (!q) throw new Error(`${this.name}: no question ${id}`);
    return q;
  }

  /** A statement's positive answers and its base, as option counts. */
  private statementSums(questionId: string, scope: Scope): { positive: Sum; base: Sum } {
    const options = optionsOf(this.question(questionId));
    const o = (v: string): [string, number] => [`o:${questionId}:${v}`, 1];
    return {
      positive: this.sumOver(scope, options.filter((x) => x.positive && !x.excludeFromBase).map((x) => o(x.value))),
      base: this.sumOver(scope, options.filter((x) => !x.excludeFromBase).map((x) => o(x.value))),
    };
  }

  /** Everyone who answered a question with options. */
  private answeredSum(q: Question, scope: Scope): Sum {
    if (q.type === 'multiple_choice') return this.sumOver(scope, [[`a:${q.id}`, 1]]);
    return this.sumOver(
      scope,
      optionsOf(q).map((x) => [`o:${q.id}:${x.value}`, 1]),
    );
  }

  private push(label: string, sum: Sum, cell: CountCellValue) {
    this.figures.push({ label: `${this.name} › ${label}`, sum, value: cell.value });
  }

  private share(label: string, cell: Cell, sums: { positive: Sum; base: Sum }) {
    if (cell.type !== 'share') throw new Error(`${this.name} › ${label}: expected a share, found ${cell.type}`);
    this.push(`${label} (count)`, sums.positive, cell.share.positive);
    this.push(`${label} (base)`, sums.base, cell.share.base);
  }

  private count(label: string, cell: Cell, sum: Sum) {
    if (cell.type !== 'count') throw new Error(`${this.name} › ${label}: expected a count, found ${cell.type}`);
    this.push(label, sum, cell.count);
  }

  private statementOf(label: string) {
    const s = this.ctx.questionnaire.statements.find((x) => x.label === label);
    if (!s) throw new Error(`${this.name}: no statement labelled "${label}"`);
    return s;
  }

  private responses = (scope: Scope) => this.sumOver(scope, [['n', 1]]);
  private invitations = (scope: Scope) => ({ positive: this.sumOver(scope, [['done', 1]]), base: this.sumOver(scope, [['inv', 1]]) });

  private tellUs = (scope: Scope, types: readonly string[]) => this.sumOver(scope, types.map((t) => [`tu:${t}`, 1]), 'tellus');

  /** Comments: free-text answers, and (in a children's area report) Tell Us items other than complaints. */
  private comments(scope: Scope, theme?: string): Sum {
    const sum = this.sumOver(scope, [[theme ? `txt:${theme}` : 'txt', 1]]);
    const a = this.ctx.questionnaire;
    const withTellUs = this.model.kind === 'area' && reportAudience(a.audience) === 'child' && a.kind !== 'victim_satisfaction';
    if (withTellUs) {
      const items = theme ? this.sumOver(scope, [[`tut:${theme}`, 1]], 'tellus') : this.tellUs(scope, ['comment', 'compliment', 'idea']);
      for (const [k, c] of items) add(sum, k, c);
    }
    return sum;
  }

  read(): this {
    const here: Scope = { areas: this.areasOf(this.model.area?.id), quarters: this.quartersOf(this.ctx.bounds) };
    for (const h of this.model.headlines) {
      if (h.label === 'Responses') this.count('headline › Responses', h.cell, this.responses(here));
      else if (h.label === 'Invitations answered') this.share('headline › Invitations answered', h.cell, this.invitations(here));
      else if (h.label === 'Tell Us items') this.count('headline › Tell Us items', h.cell, this.tellUs(here, TELL_US_TYPES));
      else this.skipped++;
    }
    for (const section of this.model.sections) this.readSection(section, here);
    return this;
  }

  private readSection(section: Section, here: Scope) {
    const t = (i = 0): ReportTable => section.tables[i]!;
    if (STATEMENT_SECTIONS.includes(section.id)) {
      const before: Scope = { ...here, quarters: this.quartersOf(this.ctx.previous) };
      const cols = t().columns.map((c) => c.key);
      for (const row of t().rows) {
        const s = this.statementOf(row.header);
        this.share(`${section.id} › ${row.header} › now`, row.cells[cols.indexOf('current') - 1]!, this.statementSums(s.questionId, here));
        this.share(`${section.id} › ${row.header} › before`, row.cells[cols.indexOf('previous') - 1]!, this.statementSums(s.questionId, before));
      }
      return;
    }
    if (section.id === 'tell-us') {
      for (const row of t().rows) {
        const type = row.total ? undefined : TELL_US_TYPES.find((x) => TELL_US_LABELS[x] === row.header);
        if (!row.total && !type) throw new Error(`${this.name}: Tell Us row ${row.header}`);
        this.count(`tell-us › ${row.header}`, row.cells[0]!, this.tellUs(here, type ? [type] : TELL_US_TYPES));
      }
      return;
    }
    if (section.id === 'comments') {
      for (const row of t().rows) this.count(`comments › ${row.header}`, row.cells[0]!, this.comments(here, row.total ? undefined : row.header));
      return;
    }
    if (section.id === 'questions') {
      questionsWithOptions(this.ctx.questionnaire.definition.questions).forEach((q, i) => {
        const table = t(i);
        const options = optionsOf(q);
        table.rows.forEach((row, r) => {
          if (row.total) return this.count(`questions › ${q.id} › answered`, row.cells[0]!, this.answeredSum(q, here));
          const option = options[r]!;
          if (row.header !== optionLabel(q, option.value)) throw new Error(`${this.name}: question ${q.id} row ${r} is "${row.header}"`);
          this.share(`questions › ${q.id} › ${option.value}`, row.cells[0]!, { positive: this.sumOver(here, [[`o:${q.id}:${option.value}`, 1]]), base: this.answeredSum(q, here) });
        });
      });
      return;
    }
    if (section.id === 'areas') {
      const columns = t().columns.slice(1);
      const scopes = columns.map((c): Scope => {
        if (c.key === 'service') return here;
        if (c.key === 'no-area') return { ...here, areas: [''] };
        const area = this.ctx.areas.find((a) => a.slug === c.key);
        if (!area) throw new Error(`${this.name}: no area ${c.key}`);
        return { ...here, areas: [area.id] };
      });
      for (const row of t().rows)
        row.cells.forEach((cell, i) => {
          const label = `areas › ${row.header} › ${columns[i]!.label}`;
          if (row.header === 'Responses') this.count(label, cell, this.responses(scopes[i]!));
          else if (row.header === 'Invitations answered') this.share(label, cell, this.invitations(scopes[i]!));
          else this.share(label, cell, this.statementSums(this.statementOf(row.header).questionId, scopes[i]!));
        });
      return;
    }
    if (section.id === 'trend') {
      const columns = t().columns.slice(1);
      const quarters = columns.map((c) => {
        const m = /^Q([1-4]) (\d{4})\//.exec(c.label);
        if (!m) throw new Error(`${this.name}: trend column ${c.label}`);
        return Number(m[2]) * 4 + Number(m[1]) - 1;
      });
      for (const row of t().rows) {
        const s = this.statementOf(row.header);
        row.cells.forEach((cell, i) => this.share(`trend › ${row.header} › ${columns[i]!.label}`, cell, this.statementSums(s.questionId, { areas: this.areasOf(null), quarters: [quarters[i]!] })));
      }
      return;
    }
    const detail = DETAILS.find((d) => section.id === `by-${d}`);
    if (detail) {
      const cols = t().columns.slice(1);
      for (const row of t().rows) {
        const scope: Scope = row.total ? here : { ...here, group: { detail, value: row.header === 'Not recorded' ? null : row.header } };
        row.cells.forEach((cell, i) => {
          const key = cols[i]!.key;
          const label = `${section.id} › ${row.header} › ${cols[i]!.label}`;
          if (key === 'responses') this.count(label, cell, this.responses(scope));
          else if (key === 'invitations') this.share(label, cell, this.invitations(scope));
          else this.share(label, cell, this.statementSums(key, scope));
        });
      }
      // A group missing from the table had nobody in it: the reader learns its zeros too.
      const listed = new Set(t().rows.filter((r) => !r.total).map((r) => (r.header === 'Not recorded' ? NONE : r.header)));
      for (const g of groupsOf(detail).filter((x) => !listed.has(x))) {
        const scope: Scope = { ...here, group: { detail, value: g === NONE ? null : g } };
        const zero = (label: string, sum: Sum) => this.figures.push({ label: `${this.name} › ${section.id} › ${g} (absent) › ${label}`, sum, value: 0 });
        zero('responses', this.responses(scope));
        zero('invitations', this.invitations(scope).base);
        for (const key of cols.map((c) => c.key).filter((k) => k !== 'responses' && k !== 'invitations')) zero(key, this.statementSums(key, scope).base);
      }
      return;
    }
    // Not modelled: count what is skipped.
    for (const table of section.tables) for (const row of table.rows) this.skipped += row.cells.filter((c) => c.type === 'count' || c.type === 'share').length;
  }
}

/**
 * The complements a reader must not learn when they are small: in each cell (and each group of a
 * cell) of this questionnaire, those who did not give a statement's positive answer, and those who
 * answered a question but did not choose an option.
 */
export function complementSums(ctx: Pick<ReportContext, 'questionnaire'>, world: World): { label: string; sum: Sum }[] {
  const places = new Set<string>();
  for (const k of world.values.keys()) if (k.startsWith(`${ctx.questionnaire.id}|`)) places.add(k.split('#')[0]!);
  const questions = ctx.questionnaire.definition.questions;
  const out: { label: string; sum: Sum }[] = [];
  const consider = (label: string, sum: Sum) => {
    const v = [...sum].reduce((a, [k, c]) => a + c * (world.values.get(k) ?? 0), 0);
    if (v > 0 && v < world.threshold) out.push({ label, sum });
  };
  for (const at of places) {
    for (const s of ctx.questionnaire.statements) {
      const q = questions.find((x) => x.id === s.questionId)!;
      const negative = optionsOf(q).filter((o) => !o.excludeFromBase && !o.positive);
      consider(`the small number ${at}: not positive on ${s.questionId}`, new Map(negative.map((o) => [unknown(at, `o:${q.id}:${o.value}`), 1])));
    }
    for (const q of questionsWithOptions(questions)) {
      const answered: [string, number][] = q.type === 'multiple_choice' ? [[unknown(at, `a:${q.id}`), 1]] : optionsOf(q).map((o) => [unknown(at, `o:${q.id}:${o.value}`), 1]);
      for (const o of optionsOf(q)) {
        const sum: Sum = new Map(answered);
        add(sum, unknown(at, `o:${q.id}:${o.value}`), -1);
        consider(`the small number ${at}: answered ${q.id} but not ${o.value}`, sum);
      }
    }
  }
  return out;
}
