// Lighthouse's accessibility and best-practices scores (and performance, with Lighthouse's own
// simulated mobile throttling) for every kind of page a respondent can reach: the personal link's
// welcome, a form step of each question type in the End of Order Questionnaire (with the safety
// note showing), the chat, check your answers, thank you, the Tell Us open link (its welcome and
// each kind of step), a problem page, the privacy notice and accessibility statement, the front
// door and the public "You said, we did" page. Goal (issue #16): 100 for accessibility and best
// practices on every one. Against the real server (`server/main.ts`, embedded database); pages
// inside a questionnaire are opened with that draft's cookie.
//
// Lighthouse 12.2.3 (13 needs Node 22) is not a project dependency: with its dependencies it adds
// ~100 MB to node_modules. Where it can be found — `LIGHTHOUSE_DIR=/folder/with/node_modules`,
// e.g. after `npm install --prefix /tmp/lh lighthouse@12.2.3` — it runs for real, on
// /usr/bin/chromium. Otherwise the same audits run here through playwright-core: Lighthouse's
// scored axe-core rules, weighted as Lighthouse weights them, and its best-practice checks
// (doctype, charset, viewport, font size, images, paste, console errors, DevTools issues and
// deprecations); no performance score then.
//   node --import tsx tests/bench/lighthouse.ts
//   LIGHTHOUSE_DIR=/tmp/lh node --import tsx tests/bench/lighthouse.ts
import { readFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildClient } from '../../client/build.ts';
import { openDatabase } from '../../db/index.ts';
import { youSaidWeDid } from '../../db/schema.ts';
import type { ChatStepResponse, QuestionView } from '../../server/respond/chat-model.ts';
import { benchService } from './support/bench-service.ts';
import { startServer } from '../support/server-process.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const PHONE = { width: 360, height: 640, deviceScaleFactor: 2 };

// ── the server, a service with the built-in questionnaires, a published change ────────────────
await buildClient();
const dataDir = mkdtempSync(join(tmpdir(), 'heard-lighthouse-'));
const open = await openDatabase({ kind: 'pglite', dataDir });
const { db, service, invite } = await benchService(open);
const [inProgress, sent] = [await invite(), await invite()];
await db.insert(youSaidWeDid).values({
  serviceId: service.id,
  youSaid: 'Meetings at the office were hard to get to after college.',
  weDid: 'Workers now meet you at college or at the library if you ask.',
  happenedOn: new Date(Date.now() - 30 * 86_400_000),
  publishedAt: new Date(),
});
await open.close();
const server = await startServer({ DATA_DIR: dataDir, DEMO_SEED: 'false', RUN_JOBS: 'false', LOG_LEVEL: 'warn' });

// ── drafts in the states each page needs, made over HTTP as a phone would ─────────────────────
/** One phone's cookies, by name and path (each draft's cookie lives on that draft's own path). */
const jar = new Map<string, { name: string; value: string; path: string }>();
const cookieFor = (path: string) =>
  [...jar.values()]
    .filter((c) => c.path === '/' || path === c.path || path.startsWith(`${c.path}/`) || path.startsWith(`${c.path}?`))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
async function request(path: string, init: { method?: string; body?: string; json?: boolean } = {}): Promise<Response> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    redirect: 'manual',
    headers: { cookie: cookieFor(path), origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: init.json ? 'application/json' : 'text/html' },
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((a) => a.trim());
    const at = pair!.indexOf('=');
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    jar.set(`${pair!.slice(0, at)} ${path}`, { name: pair!.slice(0, at), value: pair!.slice(at + 1), path });
  }
  return res;
}
const location = (res: Response) => new URL(res.headers.get('location') ?? '', server.url).pathname;

/** Answers every question from `stepUrl` on (first option, a few words, contact skipped); returns each step's view. */
async function answerAll(stepUrl: string, choose: (q: QuestionView) => string | undefined = () => undefined): Promise<QuestionView[]> {
  const first = await request(stepUrl);
  const html = await first.text();
  const seen: QuestionView[] = [];
  let current: QuestionView | null = JSON.parse(/<script type="application\/json" id="chat-props">(.*?)<\/script>/s.exec(html)![1]!).current as QuestionView;
  while (current) {
    seen.push(current);
    const form = new URLSearchParams();
    const picked = choose(current);
    if (picked) form.append('answer', picked);
    else if (current.inputKind === 'single' || current.inputKind === 'multiple') form.append('answer', current.options[0]!.value);
    else if (current.inputKind === 'short_text' || current.inputKind === 'long_text') form.append('answer', 'They listened to me.');
    form.append('action', current.inputKind === 'contact' ? 'skip' : 'continue');
    const reply = (await (await request(current.stepUrl, { method: 'POST', body: form.toString(), json: true })).json()) as ChatStepResponse;
    if (!reply.ok) throw new Error(`step ${current.id} refused: ${JSON.stringify(reply)}`);
    current = reply.next;
  }
  return seen;
}
const oneOfEachType = (steps: QuestionView[], label: string) => {
  const byType = new Map<string, QuestionView>();
  for (const s of steps) if (!byType.has(s.questionType)) byType.set(s.questionType, s);
  return [...byType.values()].map((s) => ({ name: `${label}: ${s.questionType.replace('_', ' ')} step`, path: s.stepUrl }));
};

interface Target {
  name: string;
  path: string;
  /** Chat or form, as the preferences cookie says (form unless given). */
  mode?: 'chat' | 'form';
  /** A page sent with a 4xx status, which Lighthouse refuses to audit: always checked the other way. */
  errorStatus?: boolean;
}
/**
 * The cookies a page is opened with: its draft's, and the preferences. Given as a request header,
 * never set in the browser (Chromium would send its own cookies instead of the header).
 */
const cookieOf = (t: Target) => [cookieFor(t.path).split('; ').filter((c) => c && !c.startsWith('heard_prefs=')), `heard_prefs=en.${t.mode ?? 'form'}.0`].flat().join('; ');
const targets: Target[] = [];
// A personal link, answered to the end but not sent; "No" to feeling safe, so the follow-up
// question and the safety note show. Chat is asked for once and then remembered by the cookie.
const draft = location(await request(`/r/${inProgress}?mode=chat`));
targets.push({ name: 'welcome (personal link)', path: draft });
const eooqSteps = await answerAll(location(await request(`${draft}/next`)), (q) => (q.id === 'feel_safe' ? 'no' : undefined));
targets.push({ name: 'chat: quick replies', path: eooqSteps[0]!.stepUrl, mode: 'chat' });
targets.push({ name: 'chat: free text', path: eooqSteps.find((s) => s.inputKind === 'long_text')!.stepUrl, mode: 'chat' });
targets.push(...oneOfEachType(eooqSteps, 'form'));
targets.push({ name: 'check your answers', path: `${draft}/check` });
// Another, sent.
const done = location(await request(`/r/${sent}`));
await answerAll(location(await request(`${done}/next`)));
await request(`${done}/send`, { method: 'POST', body: '' });
targets.push({ name: 'thank you', path: `${done}/sent` });
// The Tell Us open link: its welcome, then a draft of its own.
const tellUs = `/s/${service!.slug}/tell-us`;
targets.push({ name: 'Tell Us: welcome (open link)', path: tellUs });
const tellUsSteps = await answerAll(location(await request(tellUs, { method: 'POST', body: '' })));
targets.push(...oneOfEachType(tellUsSteps, 'Tell Us'));
targets.push(
  { name: 'problem: unknown link (404)', path: '/r/ABCDEFGHJK', errorStatus: true },
  { name: 'privacy notice', path: '/about/privacy' },
  { name: 'accessibility statement', path: '/about/accessibility' },
  { name: 'front door', path: '/' },
  { name: 'you said, we did', path: `/you-said-we-did/${service!.slug}` },
);

// ── the audits ──────────────────────────────────────────────────────────────────────────────
interface Scores {
  accessibility: number;
  bestPractices: number;
  performance?: number;
  /** What lost points. */
  failing: string[];
}

type LighthouseRun = (url: string, flags: object) => Promise<{ lhr: { runtimeError?: { code: string; message: string }; categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>; audits: Record<string, { score: number | null; scoreDisplayMode: string }> } } | undefined>;

async function withLighthouse(dir: string): Promise<(url: string, target: Target) => Promise<Scores>> {
  const lighthousePath = createRequire(join(dir, 'package.json')).resolve('lighthouse');
  const lighthouse = ((await import(pathToFileURL(lighthousePath).href)) as { default: LighthouseRun }).default;
  const launcher = (await import(pathToFileURL(createRequire(lighthousePath).resolve('chrome-launcher')).href)) as { launch(o: object): Promise<{ port: number; kill(): void }> };
  const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  process.on('exit', () => chrome.kill());
  return async (url, target) => {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['accessibility', 'best-practices', 'performance'],
      formFactor: 'mobile',
      screenEmulation: { mobile: true, disabled: false, ...PHONE },
      extraHeaders: { Cookie: cookieOf(target) },
    });
    if (!result) throw new Error(`Lighthouse gave nothing for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) return { accessibility: 0, bestPractices: 0, performance: 0, failing: [`${runtimeError.code}: ${runtimeError.message}`] };
    const failing = ['accessibility', 'best-practices']
      .flatMap((c) => categories[c]!.auditRefs.filter((r) => r.weight > 0 && audits[r.id]?.score !== null && (audits[r.id]?.score ?? 1) < 1).map((r) => r.id));
    const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100);
    return { accessibility: score('accessibility'), bestPractices: score('best-practices'), performance: score('performance'), failing };
  };
}

/** Lighthouse 12's scored accessibility audits (axe-core rules) and their weights. */
const A11Y_WEIGHTS: Record<string, number> = {
  accesskeys: 7, 'aria-allowed-attr': 10, 'aria-allowed-role': 1, 'aria-command-name': 7, 'aria-conditional-attr': 7, 'aria-deprecated-role': 1, 'aria-dialog-name': 7,
  'aria-hidden-body': 10, 'aria-hidden-focus': 7, 'aria-input-field-name': 7, 'aria-meter-name': 7, 'aria-progressbar-name': 7, 'aria-prohibited-attr': 7, 'aria-required-attr': 10,
  'aria-required-children': 10, 'aria-required-parent': 10, 'aria-roles': 7, 'aria-text': 7, 'aria-toggle-field-name': 7, 'aria-tooltip-name': 7, 'aria-treeitem-name': 7,
  'aria-valid-attr-value': 10, 'aria-valid-attr': 10, 'button-name': 10, bypass: 7, 'color-contrast': 7, 'definition-list': 7, dlitem: 7, 'document-title': 7, 'duplicate-id-aria': 10,
  'form-field-multiple-labels': 3, 'frame-title': 7, 'heading-order': 3, 'html-has-lang': 7, 'html-lang-valid': 7, 'html-xml-lang-mismatch': 3, 'image-alt': 10, 'image-redundant-alt': 1,
  'input-button-name': 10, 'input-image-alt': 10, label: 7, 'link-in-text-block': 7, 'link-name': 7, list: 7, listitem: 7, 'meta-refresh': 10, 'meta-viewport': 10, 'object-alt': 7,
  'select-name': 7, 'skip-link': 3, tabindex: 7, 'table-duplicate-name': 1, 'target-size': 7, 'td-headers-attr': 7, 'th-has-data-cells': 7, 'valid-lang': 7, 'video-caption': 10,
};
/** Lighthouse 12's best-practice audits this can check on a local page, and their weights (https, redirects and third-party cookies pass here by construction). */
const BP_WEIGHTS = { 'is-on-https': 5, 'redirects-http': 1, 'geolocation-on-start': 1, 'notification-on-start': 1, 'paste-preventing-inputs': 3, 'image-aspect-ratio': 1, 'image-size-responsive': 1, viewport: 1, 'font-size': 1, doctype: 1, charset: 1, deprecations: 5, 'third-party-cookies': 5, 'errors-in-console': 1, 'inspector-issues': 1 };

async function withoutLighthouse(browser: Browser): Promise<(url: string, target: Target) => Promise<Scores>> {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return async (url, target) => {
    const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
    await context.setExtraHTTPHeaders({ cookie: cookieOf(target) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const issues: string[] = [];
    const deprecations: string[] = [];
    cdp.on('Audits.issueAdded', ({ issue }) => (issue.code === 'DeprecationIssue' ? deprecations : issues).push(issue.code));
    await cdp.send('Audits.enable');
    const errors: string[] = [];
    // The page's own status is the page's business (a problem page is a 404 on purpose), as in Lighthouse.
    page.on('console', (m) => m.type() === 'error' && m.location().url !== url && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url()} failed`));
    page.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' && errors.push(`${r.url()} ${r.status()}`));
    const documentResponse = await page.goto(url, { waitUntil: 'networkidle' });
    const headers = documentResponse?.headers() ?? {};
    const checks = await page.evaluate(() => {
      const viewport = document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? '';
      const texts = [...document.querySelectorAll('body *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && (el as HTMLElement).offsetParent !== null);
      const small = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 12).length;
      const images = [...document.images].filter((img) => img.naturalWidth > 0 && !img.src.endsWith('.svg') && !img.src.includes('.svg?'));
      const pasteBlocked = [...document.querySelectorAll('input,textarea')].some((el) => {
        const event = new Event('paste', { cancelable: true, bubbles: true });
        el.dispatchEvent(event);
        return event.defaultPrevented;
      });
      return {
        doctype: document.doctype?.name === 'html' && document.compatMode === 'CSS1Compat',
        charset: document.characterSet === 'UTF-8' && /<meta charset="?utf-8/i.test(document.documentElement.outerHTML.slice(0, 1024)),
        viewport: /width=device-width/.test(viewport) && !/user-scalable=(no|0)|maximum-scale=1(\.0)?(,|$)/.test(viewport),
        fontSize: texts.length === 0 || small / texts.length <= 0.4,
        imageAspect: images.every((img) => Math.abs(img.naturalWidth / img.naturalHeight - img.width / img.height) < 0.05),
        imageSize: images.every((img) => img.naturalWidth >= img.width * Math.min(devicePixelRatio, 2) * 0.75),
        paste: !pasteBlocked,
      };
    });
    checks.charset ||= /charset=utf-8/i.test(headers['content-type'] ?? '');
    await page.evaluate(axeSource);
    const axe = await page.evaluate(async (rules) => {
      const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string }[]; passes: { id: string }[] }> } }).axe.run;
      const r = await run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return { violations: r.violations.map((v) => v.id), passes: r.passes.map((v) => v.id) };
    }, Object.keys(A11Y_WEIGHTS));
    await context.close();
    const applicable = [...axe.violations, ...axe.passes];
    const a11yTotal = applicable.reduce((n, id) => n + (A11Y_WEIGHTS[id] ?? 0), 0);
    const a11yLost = axe.violations.reduce((n, id) => n + (A11Y_WEIGHTS[id] ?? 0), 0);
    const bp: Record<keyof typeof BP_WEIGHTS, boolean> = {
      'is-on-https': true, 'redirects-http': true, 'geolocation-on-start': true, 'notification-on-start': true, 'third-party-cookies': true,
      'paste-preventing-inputs': checks.paste, 'image-aspect-ratio': checks.imageAspect, 'image-size-responsive': checks.imageSize, viewport: checks.viewport, 'font-size': checks.fontSize,
      doctype: checks.doctype, charset: checks.charset, deprecations: deprecations.length === 0, 'errors-in-console': errors.length === 0, 'inspector-issues': issues.length === 0,
    };
    const bpFailing = (Object.keys(bp) as (keyof typeof BP_WEIGHTS)[]).filter((id) => !bp[id]);
    const bpTotal = Object.values(BP_WEIGHTS).reduce((n, w) => n + w, 0);
    const bpLost = bpFailing.reduce((n, id) => n + BP_WEIGHTS[id], 0);
    const detail = [...errors.map((e) => `console: ${e}`), ...issues.map((i) => `issue: ${i}`), ...deprecations.map((d) => `deprecation: ${d}`)];
    return {
      accessibility: a11yTotal ? Math.round((100 * (a11yTotal - a11yLost)) / a11yTotal) : 100,
      bestPractices: Math.round((100 * (bpTotal - bpLost)) / bpTotal),
      failing: [...axe.violations, ...bpFailing, ...detail.slice(0, 3)],
    };
  };
}

const lighthouseDir = process.env.LIGHTHOUSE_DIR ?? process.cwd();
let hasLighthouse = true;
try {
  createRequire(join(lighthouseDir, 'package.json')).resolve('lighthouse');
} catch {
  hasLighthouse = false;
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
const results: (Target & Scores)[] = [];
try {
  const equivalent = await withoutLighthouse(browser);
  const audit = hasLighthouse ? await withLighthouse(lighthouseDir) : equivalent;
  for (const t of targets) results.push({ ...t, ...(await (t.errorStatus ? equivalent : audit)(`${server.url}${t.path}`, t)) });
} finally {
  await browser.close();
  await server.stop();
}

// ── report ──────────────────────────────────────────────────────────────────────────────────
console.log(
  hasLighthouse
    ? `Lighthouse (${lighthouseDir}), Chromium ${CHROMIUM}, mobile ${PHONE.width}×${PHONE.height}; performance under Lighthouse's simulated mobile throttling`
    : 'Lighthouse is not installed (see the header): its scored axe-core rules and best-practice checks, run through playwright-core, weighted as Lighthouse weighs them',
);
console.log(`  ${'page'.padEnd(32)} ${'a11y'.padStart(5)} ${'b.p.'.padStart(5)} ${hasLighthouse ? 'perf'.padStart(5) : ''}  goal (100, 100)`);
let missed = 0;
for (const r of results) {
  const ok = r.accessibility === 100 && r.bestPractices === 100;
  if (!ok) missed++;
  const perf = r.performance === undefined ? '' : String(r.performance).padStart(5);
  const name = hasLighthouse && r.errorStatus ? `${r.name} *` : r.name;
  console.log(`  ${name.padEnd(32)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${perf}  ${ok ? '✓' : `✗ ${r.failing.join(', ')}`}`);
}
if (hasLighthouse && results.some((r) => r.errorStatus)) console.log('  * Lighthouse audits no page sent with a 4xx status: its checks run the other way (see the header)');
process.exit(missed > 0 ? 1 : 0);
