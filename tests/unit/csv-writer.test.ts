// The one CSV writer, checked by reading its output back with an independent parser.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countCell, shareCell, shareOf } from '../../server/reports/cells.ts';
import { csvText, restoreCell } from '../../server/csv/writer.ts';
import { tableRows } from '../../server/reports/render/csv.ts';

// Read the way Python's csv module and spreadsheets do: any line ending outside quotes ends a record.
const read = (text: string) => parse(text, { bom: true, relax_column_count: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

describe('the CSV writer', () => {
  it('keeps line breaks, quotes and commas inside their cell, whatever the line ending', () => {
    const awkward = ['line one\nline two', 'a "quoted" word', 'one, two', 'cr\rlf\r\nmix', 'plain', ''];
    const text = csvText([['id', 'answer'], ...awkward.map((a, i) => [String(i), a])], { bom: true });
    const rows = read(text);
    expect(rows).toHaveLength(awkward.length + 1);
    expect(rows.slice(1).map((r) => r[1])).toEqual(awkward);
    // Every record ends with CRLF and nothing else splits a record.
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('starts with a byte-order mark only when asked (the first chunk of a file)', () => {
    expect(csvText([['a']], { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(csvText([['a']]).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('neutralises formulas in text (and only text), exactly reversibly', () => {
    const dangerous = ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', "'=already"];
    const rows = read(csvText([[...dangerous, -3]]));
    expect(rows[0]!.slice(0, dangerous.length).every((c) => c.startsWith("'"))).toBe(true);
    expect(rows[0]!.slice(0, dangerous.length).map(restoreCell)).toEqual(dangerous);
    expect(rows[0]![dangerous.length]).toBe('-3');
  });
});

describe('a report table in CSV', () => {
  it('has one header cell per column even when a percentage column also holds counts (the board table)', () => {
    const team = { audience: 'team' as const, threshold: 5 };
    const rows = tableRows(
      {
        caption: 'Areas side by side',
        columns: [
          { key: 's', label: 'Statement' },
          { key: 'north', label: 'North' },
          { key: 'south', label: 'South' },
          { key: 'service', label: 'Whole service' },
        ],
        rows: [
          { header: 'Listened to', cells: [shareCell(shareOf(8, 10, team)), shareCell(shareOf(9, 12, team)), shareCell(shareOf(17, 22, team))] },
          { header: 'Responses', cells: [countCell({ value: 10, status: 'shown' }), countCell({ value: 12, status: 'shown' }), countCell({ value: 22, status: 'shown' })] },
        ],
      },
      5,
    );
    const parsed = read(csvText(rows.slice(1)));
    const [header, listened, responses] = parsed as [string[], string[], string[]];
    expect(header).toHaveLength(10);
    expect(listened).toHaveLength(10);
    expect(responses).toHaveLength(10);
    const at = (label: string) => header.indexOf(label);
    expect(responses[at('South (count)')]).toBe('12');
    expect(responses[at('Whole service (count)')]).toBe('22');
    expect(listened[at('South (%)')]).toBe('75');
    expect(listened[at('South (out of)')]).toBe('12');
  });
});
