// The reports' own styles, added to the staff stylesheet (inline, with the CSP nonce), and the
// print rules that make Print → Save as PDF a clean board paper: A4, running headers and page
// numbers, a new page for each section with a chart, tables that do not split a row.

/** A CSS string literal that cannot end the string or the <style> element. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ').replace(/</g, '\\3C ')}"`;
}

export function reportCss(runningHeader: string, runningFooter: string): string {
  return `
.report-meta{margin-bottom:1rem}
.report-controls{background:#f3f2f1;padding:1rem 1rem .25rem;margin:0 0 1.5rem;display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-end}
.report-controls>div{max-width:100%;min-width:0}
.report-controls select{margin:0 0 .75rem;max-width:100%}
.report-controls .choice{margin:0 0 .75rem}
.report-controls fieldset{margin:0}
.downloads{margin:0 0 1.5rem}
.downloads a{margin-right:1.5rem}
.headlines{list-style:none;padding:0;margin:0 0 1.5rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem}
.headlines li{border-left:6px solid #1d70b8;background:#f3f8fc;padding:.75rem 1rem}
.headlines .figure{display:block;font-size:1.6rem;font-weight:700;line-height:1.2}
.sentences{padding-left:1.25rem}
.sentences li{margin-bottom:.4rem}
figure.chart{margin:0 0 1rem}
figure.chart svg{width:100%;height:auto;max-width:40rem;display:block}
figure.chart figcaption{color:#505a5f;font-size:.9rem;margin-top:.25rem}
tr.total th,tr.total td{font-weight:700;border-top:2px solid #0b0c0c}
.table-wrap:focus{outline:3px solid #ffbf47}
blockquote{margin:0 0 .75rem;padding:.5rem 1rem;border-left:4px solid #b1b4b6;background:#fafafa}
.quotes h3{font-size:1.1rem}
.print-only{display:none}
@page{size:A4;margin:18mm 14mm 18mm;
  @top-left{content:${cssString(runningHeader)};font:9pt system-ui,sans-serif;color:#505a5f}
  @bottom-left{content:${cssString(runningFooter)};font:9pt system-ui,sans-serif;color:#505a5f}
  @bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif;color:#505a5f}}
@media print{
  body{font-size:10.5pt}
  .wrap{max-width:none;padding:0}
  main{padding:0}
  .print-only{display:block}
  .report-controls,.downloads,.back{display:none}
  section.has-chart{break-before:page}
  h1,h2,h3{break-after:avoid}
  figure.chart,blockquote,tr,.headlines li{break-inside:avoid}
  figure.chart svg{max-width:100%;max-height:215mm;width:auto}
  thead{display:table-header-group}
  .table-wrap{overflow:visible}
  .headlines li{background:none;border:1px solid #0b0c0c}
}
`;
}
