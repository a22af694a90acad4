// The report as CSV for spreadsheets: a few lines saying what the report is, then each table
// under its section's title. A percentage becomes three columns (percent, count, out of), so
// the numbers can be used directly; withheld numbers are words, never digits.
import { stringify } from 'csv-stringify/sync';
import { countText, cellText, tr } from '../format.ts';
import type { Cell, ReportModel, ReportTable } from '../model.ts';
import type { CountCellValue } from '../suppression.ts';

/** Spreadsheets run a cell starting with these as a formula: such text gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutraliseFormula = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

type Value = string | number;

const countValue = (c: CountCellValue, threshold: number): Value => (c.status === 'shown' ? c.value! : countText(c, threshold));

function cellValues(cell: Cell, threshold: number): Value[] {
  switch (cell.type) {
    case 'share': {
      const s = cell.share;
      return [s.percent ?? cellText(cell, threshold), countValue(s.positive, threshold), countValue(s.base, threshold)];
    }
    case 'count':
      return [countValue(cell.count, threshold)];
    case 'change':
      return [cell.points ?? ''];
    case 'measure':
      return [cell.value ?? tr('numbers.notShown')];
    case 'text':
      return [cell.text];
  }
}

function tableRows(table: ReportTable, threshold: number): Value[][] {
  // A column holding percentages is split into three.
  const kinds = table.columns.slice(1).map((_, i) => table.rows.find((r) => r.cells[i])?.cells[i]?.type);
  const header: Value[] = [table.columns[0]!.label];
  table.columns.slice(1).forEach((col, i) => {
    if (kinds[i] === 'share') header.push(tr('csv.percentColumn', { label: col.label }), tr('csv.countColumn', { label: col.label }), tr('csv.outOfColumn', { label: col.label }));
    else header.push(col.label);
  });
  return [[table.caption], header, ...table.rows.map((r) => [r.header, ...r.cells.flatMap((c) => cellValues(c, threshold))])];
}

export function renderReportCsv(model: ReportModel): string {
  const t = model.threshold;
  const lines: Value[][] = [
    [model.title],
    [tr('csv.service'), model.service.name],
    [tr('csv.area'), model.scopeLabel],
    [tr('csv.period'), model.period.label, model.period.from, model.period.to],
    ...(model.questionnaire ? [[tr('csv.questionnaire'), model.questionnaire.title]] : []),
    [tr('csv.numbers'), model.audience === 'shared' ? tr('csv.shared', { threshold: t }) : tr('csv.team')],
    [tr('csv.generated'), model.generatedAt],
    [],
    [tr('csv.headline'), tr('csv.value'), tr('csv.count'), tr('csv.outOf')],
    ...model.headlines.map((h) => [h.label, ...cellValues(h.cell, t)]),
  ];
  for (const section of model.sections) {
    lines.push([], [section.title]);
    for (const table of section.tables) lines.push(...tableRows(table, t), []);
    for (const group of section.quotes ?? []) for (const quote of group.quotes) lines.push([tr('csv.quote'), group.theme, quote]);
  }
  lines.push([], ...model.notes.map((n) => [tr('csv.note'), n]));
  return stringify(lines, {
    bom: true,
    record_delimiter: 'windows',
    cast: { string: (s) => neutraliseFormula(s) },
  });
}
