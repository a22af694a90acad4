// The staff pages' one stylesheet, inline with the CSP nonce: GOV.UK-like, system fonts, wide
// tables that scroll inside their own box, visible focus, readable from 320px and at 200% zoom.
export const STAFF_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:break-word}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:1rem;top:.5rem;z-index:2;background:#ffdd00;color:#0b0c0c;padding:.5rem}
header{background:#1d3b5a;color:#fff}
header .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:center;justify-content:space-between;padding:.5rem 1rem}
header a,header button.link{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
.who{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;font-size:.95rem}
nav.staff{background:#f3f2f1;border-bottom:1px solid #b1b4b6}
nav.staff ul{list-style:none;margin:0;padding:0 1rem;display:flex;flex-wrap:wrap;gap:0 1.25rem;max-width:72rem;margin:0 auto}
nav.staff a{display:inline-block;min-height:44px;padding:.6rem 0;color:#1d3b5a}
nav.staff a[aria-current]{font-weight:700;text-decoration:none;border-bottom:4px solid #1d3b5a}
main{padding:1.5rem 0 3rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:#1d70b8}a:visited{color:#4c2c92}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:0}
a:focus{background:#ffdd00;color:#0b0c0c;text-decoration:none}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:700;margin-bottom:.5rem}
th,td{text-align:left;padding:.5rem .75rem .5rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
td.num,th.num{text-align:right}
label{display:block;font-weight:700;margin:0 0 .25rem}
.hint{color:#505a5f;margin:0 0 .5rem;font-weight:400}
input[type=text],input[type=email],input[type=password],input[type=number],input[type=date],input[type=search],select,textarea{font:inherit;padding:.4rem;border:2px solid #0b0c0c;min-height:44px;max-width:100%;margin:0 0 1rem}
input[type=text],input[type=email],input[type=password],input[type=search],textarea{width:100%;max-width:32rem}
textarea{min-height:6rem}
fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}
legend{font-weight:700;margin-bottom:.25rem}
.choice{display:flex;gap:.5rem;align-items:center;margin:.25rem 0}.choice label{font-weight:400;margin:0}
.choice input{width:1.5rem;height:1.5rem}
button,.button{font:inherit;font-weight:700;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:.6rem 1rem;min-height:44px;cursor:pointer;display:inline-block;text-decoration:none;margin:0 .5rem .75rem 0}
button.secondary,.button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
button.warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
button.link{background:none;box-shadow:none;color:#1d70b8;text-decoration:underline;padding:0;font-weight:400;min-height:auto;margin:0}
form.inline{display:inline}
.error-summary{border:4px solid #d4351c;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.error{color:#d4351c;font-weight:700;margin:0 0 .25rem}
.notice{border-left:6px solid #1d70b8;background:#f3f8fc;padding:.75rem 1rem;margin:0 0 1.5rem}
.success{border-left:6px solid #00703c;background:#f3faf6;padding:.75rem 1rem;margin:0 0 1.5rem}
.alerts-banner{border:4px solid #d4351c;background:#fff5f4;padding:1rem;margin:1rem 0 0}
.alerts-banner h2{margin:0 0 .5rem;color:#942514;font-size:1.25rem}
.tag{display:inline-block;padding:.1rem .5rem;font-size:.85rem;font-weight:700;background:#e8f1f8;color:#0c2d4a}
ul.actions{list-style:none;margin:0;padding:0}ul.actions li{margin:0 0 .25rem}
.source{border-inline-start:4px solid #b1b4b6;background:#f3f2f1;padding:.25rem .75rem;margin:.25rem 0 .5rem;white-space:pre-line}
.tag.red{background:#f6d7d2;color:#2a0b06}.tag.green{background:#cce2d8;color:#005a30}.tag.grey{background:#eeefef;color:#383f43}.tag.yellow{background:#fff7bf;color:#594d00}
dl.summary{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem;margin:0 0 1.5rem}
dl.summary dt{font-weight:700}dl.summary dd{margin:0}
.muted{color:#505a5f}
ul.links{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}ul.links a{display:inline-block;padding:.3rem 0}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
@media (max-width:40rem){dl.summary{grid-template-columns:1fr}h1{font-size:1.6rem}}
@media print{header,nav.staff,.no-print,.alerts-banner{display:none}a{color:#0b0c0c;text-decoration:none}}
`;
