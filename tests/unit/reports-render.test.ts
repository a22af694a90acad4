import { parse } from 'csv-parse/sync';
import { h, type ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { countCell, shareCell, shareOf } from '../../server/reports/cells.ts';
import type { ReportModel } from '../../server/reports/model.ts';
import { neutraliseFormula, renderReportCsv } from '../../server/reports/render/csv.ts';
import { ReportBody } from '../../server/reports/render/html.tsx';
import { cssString } from '../../server/reports/render/styles.ts';

const shared = { audience: 'shared' as const, threshold: 5 };
const page = (props: Parameters<typeof ReportBody>[0]) => renderToString(h('div', null, ReportBody(props) as ComponentChildren));

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    kind: 'area',
    title: 'North: quarterly feedback report, Q1 2025/26',
    service: { id: 's', name: 'Test YJS' },
    area: { id: 'a', name: 'North' },
    scopeLabel: 'North',
    period: { text: '2025/26-Q1', label: 'Q1 2025/26', from: '2025-04-01', to: '2025-06-30' },
    questionnaire: { slug: 'end-of-order', title: 'Your time with us' },
    stage: null,
    audience: 'shared',
    threshold: 5,
    timeZone: 'Europe/London',
    generatedAt: '2025-07-10T09:00:00.000Z',
    headlines: [{ label: 'Responses', cell: countCell({ value: 84, status: 'shown' }) }],
    sections: [
      {
        id: 'statements',
        title: 'What children told us',
        sentences: ['89% (75 of 84) said staff took their views seriously all or most of the time'],
        chart: { title: 'Percentage for each statement', summary: 'Views taken seriously 89%. The table below has the counts.', chart: { type: 'bars', unit: 'percent', max: 100, bars: [{ label: 'Views taken seriously', value: 89.3 }, { label: 'Feels safe', value: null }] } },
        tables: [
          {
            caption: 'Statements',
            columns: [
              { key: 'statement', label: 'Statement' },
              { key: 'now', label: 'Q1 2025/26' },
            ],
            rows: [
              { header: 'Views taken seriously', cells: [shareCell(shareOf(75, 84, shared))] },
              { header: 'Feels safe', cells: [shareCell(shareOf(3, 4, shared))] },
            ],
          },
        ],
        quotes: [{ theme: '+Listening', quotes: ['=HYPERLINK("http://evil.example","click")', '<script>alert(1)</script>'] }],
      },
    ],
    notes: ['Shared beyond the team.'],
    ...overrides,
  };
}

describe('CSV', () => {
  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    for (const s of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('fine = ok')).toBe('fine = ok');
  });

  it('writes a percentage as percent, count and base, withheld numbers as words, and defuses formulas in comments', () => {
    const rows = parse(renderReportCsv(model()), { relax_column_count: true, bom: true }) as string[][];
    expect(rows).toContainEqual(['Statement', 'Q1 2025/26 (%)', 'Q1 2025/26 (count)', 'Q1 2025/26 (out of)']);
    expect(rows).toContainEqual(['Views taken seriously', '89', '75', '84']);
    expect(rows).toContainEqual(['Feels safe', 'fewer than 5 answered', 'fewer than 5', 'fewer than 5']);
    expect(rows).toContainEqual(['Quote', "'+Listening", `'=HYPERLINK("http://evil.example","click")`]);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });
});

describe('HTML', () => {
  it('draws each chart as one image with a title and a description, followed by its table', () => {
    const html = page({ model: model(), nonce: 'n0nce' });
    expect(html).toMatch(/<svg role="img" aria-labelledby="statements-chart-title statements-chart-desc"/);
    expect(html).toContain('<title id="statements-chart-title">Percentage for each statement</title>');
    expect(html).toMatch(/<\/figure><div class="table-wrap" role="region"/);
    expect(html).toContain('89% (75 of 84)');
    expect(html).toContain('fewer than 5 answered');
    expect(html).toContain('not shown');
    expect(html).toContain('<style nonce="n0nce">');
  });

  it('escapes comments and never lets a title end the stylesheet', () => {
    const html = page({ model: model({ title: 'A "title" </style><script>x</script>' }) });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(cssString('a "b" </style>\\')).toBe('"a \\"b\\" \\3C /style>\\\\"');
  });
});
