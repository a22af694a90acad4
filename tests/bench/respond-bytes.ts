// Bytes a respondent's phone downloads, against the budgets in DESIGN.md:
//   • one form-mode step: ≤ 14 KB over the wire (compressed HTML with its inline CSS, no JavaScript);
//   • the chat island: ≤ 15 KB of compressed JavaScript;
//   • a whole End of Order Questionnaire in chat mode with JavaScript: ≤ 60 KB transferred
//     (the pages, both bundles, and every JSON answer of the island).
// Measured in-process (app.request with Accept-Encoding: gzip, as a phone asks) on an in-memory
// PGlite with the built-in EoOQ; bodies as sent. HTTP headers are counted apart.
//   node --import tsx tests/bench/respond-bytes.ts
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildClient } from '../../client/build.ts';
import { openDatabase } from '../../db/index.ts';
import { createApp } from '../../server/app.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/log.ts';
import type { ChatStepResponse, QuestionView } from '../../server/respond/chat-model.ts';
import { benchService } from './support/bench-service.ts';

const KB = 1024;
const BUDGET = { formStep: 14 * KB, island: 15 * KB, wholeChat: 60 * KB };
const ORIGIN = 'http://localhost';

await buildClient();
const open = await openDatabase({ kind: 'pglite' });
const { db, invite } = await benchService(open);
const app = createApp({
  db,
  config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: ORIGIN, RUN_JOBS: 'false' }, () => 'b'.repeat(64)),
  clock: systemClock,
  log: silentLogger,
});

/** One phone: its cookies, and everything it downloaded. */
class Phone {
  private cookies = new Map<string, string>();
  body = 0;
  headers = 0;
  requests = 0;
  async fetch(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ res: Response; text: string }> {
    const res = await app.request(path, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: { 'accept-encoding': 'gzip, deflate, br', origin: ORIGIN, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...init.headers },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    this.body += bytes.length;
    this.headers += [...res.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 17);
    this.requests++;
    const text = res.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes).toString() : bytes.toString();
    return { res, text };
  }
}

function answerFor(q: QuestionView): string {
  const form = new URLSearchParams();
  if (q.inputKind === 'single' || q.inputKind === 'multiple') form.append('answer', q.options[0]!.value);
  else if (q.inputKind === 'short_text' || q.inputKind === 'long_text') form.append('answer', 'My worker listened to me and helped me get back into college.');
  form.append('action', q.inputKind === 'contact' ? 'skip' : 'continue');
  return form.toString();
}

// ── one form step ────────────────────────────────────────────────────────────────────────────
const formPhone = new Phone();
const formCode = await invite();
const formDraft = (await formPhone.fetch(`/r/${formCode}?mode=form`)).res.headers.get('location')!;
const firstStep = (await formPhone.fetch(`${formDraft}/next`)).res.headers.get('location')!;
const before = formPhone.body;
const formStep = await formPhone.fetch(firstStep);
const formStepBytes = formPhone.body - before;
const formStepRaw = Buffer.byteLength(formStep.text);

// ── a whole EoOQ in chat mode, with JavaScript ──────────────────────────────────────────────────
const phone = new Phone();
const code = await invite();
const draft = (await phone.fetch(`/r/${code}?mode=chat`)).res.headers.get('location')!;
await phone.fetch(draft); // introduction
const chatStart = (await phone.fetch(`${draft}/next`)).res.headers.get('location')!;
const page = await phone.fetch(chatStart);
const scripts = [...page.text.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
let js = 0;
for (const src of scripts) {
  const before = phone.body;
  await phone.fetch(src);
  js += phone.body - before;
}
let current = (JSON.parse(/<script type="application\/json" id="chat-props">(.*?)<\/script>/s.exec(page.text)![1]!) as { current: QuestionView }).current;
let answered = 0;
let json = 0;
for (;;) {
  const before = phone.body;
  const { res, text } = await phone.fetch(current.stepUrl, { method: 'POST', body: answerFor(current), headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } });
  json += phone.body - before;
  const reply = JSON.parse(text) as ChatStepResponse;
  if (!res.ok || !reply.ok) throw new Error(`step ${current.id} refused: ${text}`);
  answered++;
  if (!reply.next) break;
  current = reply.next;
}
await phone.fetch(`${draft}/check`);
await phone.fetch(`${draft}/send`, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const sent = await phone.fetch(`${draft}/sent`);
if (!sent.text.includes('Thank you')) throw new Error('the answers were not sent');
const islandGzip = scripts.length ? gzipSync(Buffer.from(await (await app.request(scripts[0]!)).arrayBuffer())).length : 0;

// ── report ──────────────────────────────────────────────────────────────────────────────────
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const verdict = (n: number, budget: number) => `${n <= budget ? '✓ within' : '✗ OVER'} ${kb(budget)}`;
console.log('Respondent bytes (gzip, bodies as sent)');
console.log(`  form step (EoOQ step 1)       ${kb(formStepBytes).padStart(9)}  (${kb(formStepRaw)} uncompressed)  ${verdict(formStepBytes, BUDGET.formStep)}`);
console.log(`  chat island JS                ${kb(islandGzip).padStart(9)}  ${verdict(islandGzip, BUDGET.island)}`);
console.log(`  JS a chat page loads          ${kb(js).padStart(9)}  (${scripts.length} bundles, cached for a year)`);
console.log(`  whole EoOQ in chat mode       ${kb(phone.body).padStart(9)}  ${verdict(phone.body, BUDGET.wholeChat)}`);
console.log(`    of which JSON answers       ${kb(json).padStart(9)}  (${answered} questions answered)`);
console.log(`    HTTP response headers       ${kb(phone.headers).padStart(9)}  (${phone.requests} requests; with them ${kb(phone.body + phone.headers)})`);
await open.close();
process.exit(phone.body <= BUDGET.wholeChat && formStepBytes <= BUDGET.formStep && islandGzip <= BUDGET.island ? 0 : 1);
