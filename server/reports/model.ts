// The report model: computed once from SQL aggregates, then rendered as HTML (with SVG charts),
// CSV or JSON. Withheld numbers are null here, so no rendering (JSON included) can leak them.
import type { CountCellValue } from './suppression.ts';

export const REPORT_KINDS = ['area', 'board', 'victims', 'distance', 'distance-case', 'disproportionality'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** 'shared': beyond the team (Participation Group, boards), small numbers withheld. 'team': all numbers. */
export type Audience = 'team' | 'shared';

/** A percentage with the count behind it. */
export interface Share {
  positive: CountCellValue;
  base: CountCellValue;
  /** positive/base as a whole-number percentage, rounded once, half away from zero; null when withheld or nobody answered. */
  percent: number | null;
  /** The same ratio at full precision (not for display); null whenever percent is null. */
  exactPercent: number | null;
  /** 95% Wilson interval, percentages; null when withheld. */
  interval: [number, number] | null;
}

export type Cell =
  | { type: 'text'; text: string }
  | { type: 'count'; count: CountCellValue }
  | { type: 'share'; share: Share }
  /** Change in percentage points since the previous period; null when either side is withheld. */
  | { type: 'change'; points: number | null }
  /** A mean score, a median in hours…; null when withheld or there is nothing to measure. */
  | { type: 'measure'; value: number | null; unit: 'hours' | 'score' | 'percent' };

export interface Column {
  key: string;
  label: string;
}

export interface Row {
  /** What the row is about (the row header). */
  header: string;
  cells: Cell[];
  total?: boolean;
}

export interface ReportTable {
  caption: string;
  /** The first column is the row header. */
  columns: Column[];
  rows: Row[];
}

export type Chart =
  | { type: 'bars'; unit: 'percent' | 'count' | 'score'; max: number; bars: { label: string; value: number | null }[] }
  | { type: 'grouped-bars'; unit: 'percent' | 'score'; max: number; series: string[]; groups: { label: string; values: (number | null)[] }[] }
  | { type: 'lines'; unit: 'percent'; max: number; x: string[]; series: { label: string; values: (number | null)[] }[] };

export interface ChartBlock {
  title: string;
  /** The text alternative: what the chart shows, in a sentence or two. */
  summary: string;
  chart: Chart;
}

export interface QuoteGroup {
  theme: string;
  quotes: string[];
}

export interface Section {
  id: string;
  title: string;
  intro?: string;
  /** Plain sentences: "89% (75 of 84) said staff took their views seriously all or most of the time". */
  sentences?: string[];
  chart?: ChartBlock;
  /** The chart's data table comes first. */
  tables: ReportTable[];
  quotes?: QuoteGroup[];
  /** Said instead of a table when there is nothing to show. */
  empty?: string;
}

export interface Headline {
  label: string;
  cell: Cell;
}

export interface ReportModel {
  kind: ReportKind;
  title: string;
  service: { id: string; name: string };
  /** null: the whole service. */
  area: { id: string; name: string } | null;
  scopeLabel: string;
  period: { text: string; label: string; from: string; to: string };
  comparedWith?: { label: string };
  questionnaire?: { slug: string; title: string };
  stage: string | null;
  audience: Audience;
  threshold: number;
  timeZone: string;
  generatedAt: string;
  headlines: Headline[];
  sections: Section[];
  notes: string[];
}
