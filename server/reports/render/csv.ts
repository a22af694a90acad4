// The report as CSV for spreadsheets: a few lines saying what the report is, then each table
// under its section's title. A column of percentages becomes three columns (percent, count, out
// of: the same whole number the page shows, with its numerator and denominator), and every other
// cell in that column fills the same three, so each value sits under exactly one header cell.
// Withheld numbers are words, never digits. Written by the one CSV writer.
import { csvText, neutraliseCell } from '../../csv/writer.ts';
import { countText, cellText, tr } from '../format.ts';
import type { Cell, ReportModel, ReportTable } from '../model.ts';
import type { CountCellValue } from '../suppression.ts';

/** Kept for callers that neutralise one string: the writer's own guard. */
export const neutraliseFormula = neutraliseCell;

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

/** A cell laid out in a three-wide percentage column: a count goes under "(count)". */
function inShareColumn(cell: Cell | undefined, threshold: number): Value[] {
  if (!cell) return ['', '', ''];
  if (cell.type === 'share') return cellValues(cell, threshold);
  if (cell.type === 'count') return ['', ...cellValues(cell, threshold), ''];
  return [...cellValues(cell, threshold), '', ''];
}

export function tableRows(table: ReportTable, threshold: number): Value[][] {
  // A column holding a percentage in any row is split into three for every row.
  const valueColumns = table.columns.slice(1);
  const wide = valueColumns.map((_, i) => table.rows.some((r) => r.cells[i]?.type === 'share'));
  const header: Value[] = [table.columns[0]!.label];
  valueColumns.forEach((col, i) => {
    if (wide[i]) header.push(tr('csv.percentColumn', { label: col.label }), tr('csv.countColumn', { label: col.label }), tr('csv.outOfColumn', { label: col.label }));
    else header.push(col.label);
  });
  const body = table.rows.map((r) => [r.header, ...valueColumns.flatMap((_, i) => (wide[i] ? inShareColumn(r.cells[i], threshold) : r.cells[i] ? cellValues(r.cells[i]!, threshold) : ['']))]);
  return [[table.caption], header, ...body];
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
  return csvText(lines, { bom: true });
}
