// Stylesheets of the printable pages. Sizes are in a unit `--u` that is exactly 1 mm on paper
// and shrinks on a narrow screen, so the preview fits a 320 px phone and the print is true size.
// System fonts only, black on white, nothing fetched from anywhere.
export const PRINT_BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#f3f2f1;overflow-wrap:break-word}
.screen-only{max-width:40rem;margin:0 auto;padding:1rem;font-size:1.125rem;line-height:1.5}
.screen-only h1{font-size:1.5rem;margin:0 0 .5rem}
.sheet{margin:0 auto 2rem;background:#fff;box-shadow:0 0 0 1px #b1b4b6}
.qr svg{display:block;width:100%;height:auto}
.link{font-weight:700;overflow-wrap:anywhere}
.muted{color:#505a5f}
@media print{body{background:#fff}.screen-only{display:none}.sheet{margin:0;box-shadow:none}}
`.replace(/\n/g, '');

/** Credit-card size, ISO/IEC 7810 ID-1: 85.6 × 54 mm, one card per printed page. */
export const CARD_CSS = `
@page{size:85.6mm 54mm;margin:0}
.sheet.card{--u:min(1mm,calc((100vw - 2rem)/85.6));width:calc(85.6*var(--u));height:calc(54*var(--u));overflow:hidden;display:grid;grid-template-columns:calc(30*var(--u)) 1fr;grid-template-rows:auto 1fr auto;column-gap:calc(3*var(--u));padding:calc(3.5*var(--u));border-radius:calc(3*var(--u));font-size:calc(2.9*var(--u));line-height:1.25}
.card h1{grid-column:1/-1;margin:0 0 calc(2*var(--u));font-size:calc(4.6*var(--u));line-height:1.1;color:#1d3b5a}
.card .qr{grid-row:2/4;align-self:center;width:calc(30*var(--u))}
.card p{margin:0 0 calc(1.2*var(--u))}
.card .place{grid-column:2;align-self:end;margin:0;font-size:calc(2.3*var(--u))}
@media print{.sheet.card{--u:1mm;border-radius:0}}
`.replace(/\n/g, '');

/** A4 portrait. */
export const POSTER_CSS = `
@page{size:A4;margin:0}
.sheet.poster{--u:min(1mm,calc((100vw - 2rem)/210));width:calc(210*var(--u));min-height:calc(297*var(--u));padding:calc(18*var(--u));display:flex;flex-direction:column;align-items:center;text-align:center;font-size:calc(6*var(--u));line-height:1.3}
.poster .place{margin:0;font-size:calc(5*var(--u))}
.poster .lead{margin:calc(8*var(--u)) 0 0;font-size:calc(8*var(--u));font-weight:700;color:#1d3b5a}
.poster h1{margin:calc(2*var(--u)) 0 calc(6*var(--u));font-size:calc(16*var(--u));line-height:1.1}
.poster .qr{width:calc(105*var(--u));margin:calc(2*var(--u)) 0 calc(4*var(--u))}
.poster p{margin:0 0 calc(3*var(--u))}
.poster .link{font-size:calc(7*var(--u))}
.poster .small{font-size:calc(5*var(--u))}
@media print{.sheet.poster{--u:1mm;height:297mm;overflow:hidden}}
`.replace(/\n/g, '');

/** Invitation slips: A4 sheets of eight A7-ish slips with dashed lines to cut along. */
export const SLIP_CSS = `
@page{size:A4;margin:10mm}
.slips{--u:min(1mm,calc((100vw - 2rem)/95));display:flex;flex-wrap:wrap;justify-content:center;gap:0;margin:0 auto 2rem;max-width:calc(190*var(--u))}
.slip{width:calc(95*var(--u));min-height:calc(68*var(--u));padding:calc(4*var(--u));background:#fff;border:1px dashed #505a5f;display:grid;grid-template-columns:calc(28*var(--u)) 1fr;column-gap:calc(3*var(--u));align-content:start;font-size:calc(2.9*var(--u));line-height:1.3;break-inside:avoid;page-break-inside:avoid}
.slip h2{grid-column:1/-1;margin:0 0 calc(1.5*var(--u));font-size:calc(4.2*var(--u));line-height:1.15;color:#1d3b5a}
.slip .qr{width:calc(28*var(--u))}
.slip p{margin:0 0 calc(1.2*var(--u))}
.slip .code{display:block;font-family:ui-monospace,"Cascadia Mono",Menlo,Consolas,monospace;font-size:calc(4.6*var(--u));font-weight:700;letter-spacing:.06em;margin:0}
@media print{.slips{--u:1mm;max-width:none;margin:0}}
`.replace(/\n/g, '');

/** A4 paper questionnaire: large type, real tick boxes, lined boxes to write in. */
export const PAPER_CSS = `
@page{size:A4;margin:15mm}
.sheet.paper{max-width:180mm;padding:1.25rem;font-size:1.25rem;line-height:1.45}
.paper header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:flex-start;border-bottom:2px solid #0b0c0c;margin-bottom:1rem}
.paper h1{font-size:1.75rem;margin:0 0 .75rem}
.paper h2{font-size:1.3rem;margin:0 0 .25rem}
.paper .for-worker{border:2px solid #0b0c0c;padding:.5rem .75rem;font-size:1rem;min-width:14rem}
.paper .for-worker p{margin:0 0 .25rem}
.paper .question,.paper .info{break-inside:avoid;page-break-inside:avoid;margin:0 0 1.25rem;padding-top:.75rem;border-top:1px solid #b1b4b6}
.paper .hint,.paper .how,.paper .only-if{margin:0 0 .4rem;color:#505a5f}
.paper .only-if{font-style:italic}
.paper .ticks{list-style:none;margin:0;padding:0}
.paper .ticks li{display:flex;align-items:center;gap:.6rem;margin:0 0 .5rem}
.paper .ticks.across{display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.paper .rating{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.paper .rating .end{font-weight:700}
.paper .box{display:inline-block;flex:none;width:1.4rem;height:1.4rem;border:2px solid #0b0c0c;background:#fff}
.paper .write{display:block;border:2px solid #0b0c0c;background:#fff}
.paper .write.short{height:2.5rem}
.paper .write.long{height:9rem}
.paper .write.ref{display:inline-block;width:9rem;height:1.8rem;vertical-align:middle}
.paper .contact div{margin:0 0 .5rem}
.paper .contact dd{margin:0}
.paper .thanks{font-weight:700;margin-top:1.5rem}
`.replace(/\n/g, '');
