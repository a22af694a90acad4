// The one small stylesheet every respondent page carries inline (with the CSP nonce): system
// fonts, no images, big tap targets, visible focus, works from 320px wide and at 200% zoom.
export const RESPONDENT_CSS = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1.1875rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:break-word}
.wrap{max-width:40rem;margin:0 auto;padding:0 1rem}
header{background:#1d3b5a;color:#fff;padding:.5rem 0}
header .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between}
header a{color:#fff}
.brand{font-weight:700;font-size:1.25rem}
nav ul,.langs{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:0 .75rem}
.settings{background:#f3f2f1;font-size:1rem}
.settings .wrap{display:flex;flex-wrap:wrap;gap:0 1.25rem;padding:.25rem 1rem}
.settings a{display:inline-block;min-height:44px;padding:.6rem 0;color:#1d3b5a}
.settings [aria-current]{font-weight:700;text-decoration:none}
main{padding:1rem 0 2rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.375rem;margin:1.5rem 0 .75rem}
legend{padding:0;margin:0 0 .5rem}
legend h1{margin:0}
.caption{display:block;color:#505a5f;font-size:1rem;margin-bottom:.25rem}
.hint{color:#505a5f;margin:0 0 1rem}
a{color:#1d70b8}a:visited{color:#4c2c92}
a:focus,button:focus,input:focus,textarea:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:0;background-color:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
input:focus,textarea:focus{background:#fff;box-shadow:inset 0 0 0 2px #0b0c0c}
.back{display:inline-block;min-height:44px;padding:.6rem 0 .6rem 1rem;position:relative;color:#0b0c0c}
.back::before{content:"";position:absolute;left:0;top:50%;width:.5rem;height:.5rem;border:solid currentColor;border-width:0 0 2px 2px;transform:translateY(-50%) rotate(45deg)}
[dir=rtl] .back{padding:.6rem 1rem .6rem 0}[dir=rtl] .back::before{left:auto;right:0;transform:translateY(-50%) rotate(-135deg)}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
.opt{display:flex;align-items:center;gap:.75rem;margin:0 0 .5rem;min-height:48px;border:2px solid #b1b4b6;border-radius:.5rem;padding:.25rem .75rem;position:relative}
.opt input{width:1.75rem;height:1.75rem;margin:0;flex:none;accent-color:#1d3b5a;position:relative;z-index:1}
.opt label{flex:1;padding:.5rem 0;cursor:pointer}
.opt label::after{content:"";position:absolute;inset:0}
.opt:has(input:checked){border-color:#1d3b5a;background:#eef4fa}
.opt:focus-within{outline:3px solid #ffbf47}
.emoji{font-size:1.75rem;line-height:1;margin-inline-end:.5rem}
.scale-ends{display:flex;justify-content:space-between;color:#505a5f;font-size:1rem}
label.field{display:block;font-weight:700;margin:0 0 .25rem}
input[type=text],input[type=tel],input[type=email],textarea{display:block;width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;min-height:48px;margin:0 0 1rem}
textarea{min-height:8rem}
.button{display:inline-block;font:inherit;font-weight:700;min-height:48px;min-width:44px;padding:.6rem 1.25rem;margin:0 .75rem .75rem 0;border:2px solid transparent;border-radius:.375rem;background:#00703c;color:#fff;cursor:pointer;text-decoration:none;text-align:center;box-shadow:0 2px 0 #002d18}
[dir=rtl] .button{margin:0 0 .75rem .75rem}
.button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.button:visited{color:#fff}.button.secondary:visited{color:#0b0c0c}
.read-aloud-slot{min-height:4rem}
.actions{display:flex;flex-wrap:wrap;align-items:center;margin-top:1rem}
.error-summary{border:4px solid #d4351c;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#d4351c;font-weight:700}
.error-message{color:#d4351c;font-weight:700;margin:0 0 .75rem}
.has-error{border-inline-start:5px solid #d4351c;padding-inline-start:1rem}
.note{border-inline-start:6px solid #1d70b8;background:#eef4fa;padding:1rem;margin:0 0 1.5rem}
.note h2{margin-top:0;font-size:1.25rem}
.note ul{padding-inline-start:1.25rem;margin:.5rem 0}
.summary{margin:0 0 1.5rem;padding:0}
.summary div{border-bottom:1px solid #b1b4b6;padding:.75rem 0}
.summary dt{font-weight:700}
.summary dd{margin:0}
.summary a{display:inline-block;min-height:44px;padding:.6rem 0}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
.skip-link{position:absolute;top:-20em}.skip-link:focus{position:static;display:inline-block;padding:.75rem}
.hp{display:none}
.chat{list-style:none;margin:0 0 1rem;padding:0}
.msg{max-width:85%;margin:0 0 .75rem;padding:.6rem .9rem;border-radius:1rem;background:#f3f2f1}
.msg.you{margin-inline-start:auto;background:#1d3b5a;color:#fff}
.msg.you a{color:#fff}
.msg .who{display:block;font-size:.875rem;font-weight:700}
.msg.current{background:#eef4fa;border:2px solid #1d3b5a}
.chat-form fieldset{margin-bottom:.5rem}
.replies{display:flex;flex-wrap:wrap;gap:.5rem}
.replies .button{margin:0;background:#fff;color:#1d3b5a;border-color:#1d3b5a;box-shadow:none;font-weight:400}
.msg.current:focus{outline:3px solid #ffbf47;outline-offset:2px}
.msg.typing{color:#505a5f;animation:heard-typing 1.2s ease-in-out infinite}
@keyframes heard-typing{50%{opacity:.45}}
footer{border-top:1px solid #b1b4b6;padding:1rem 0 2rem;font-size:1rem}
footer ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:0 1.25rem}
footer a{display:inline-block;min-height:44px;padding:.6rem 0}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.opt:has(input:checked){outline:2px solid}}
`.replace(/\n/g, '');
