// Form mode with JavaScript: each answer goes with fetch, and the server answers with the next
// step's page itself (no redirect, one round trip instead of three); "Send" on the check page
// the same way, with the thank-you page. The new page's body takes
// the old one's place, the address and title follow, focus goes to its heading (or the error
// summary), and the browser's back button and the page's back link work as before. Without
// JavaScript, or if anything goes wrong, the form simply posts as it always did.
import { forgetDraft } from './chat/pending.ts';
import { parsePage } from './parse-page.ts';
import { postPlainly } from './post-plainly.ts';

/** An answer to a step, or "Send" on the check page: both answered in place. */
const IN_PLACE_FORM = /^\/q\/[^/]+\/(step\/[^/?#]+|send$)/;
const SENT = /^(\/q\/[^/]+)\/sent$/;
const JOURNEY_LINK = /^\/q\/[^/]+\/(step\/[^/?#]+|check)(\?from=check)?$/;
let busy = false;
/** The address of the page on screen (a jump to #answer-0 from the error summary is not a new page). */
let shown = location.pathname + location.search;

function showReadAloud() {
  if (!('speechSynthesis' in window)) return;
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-read-aloud]'))) button.hidden = false;
}

/** Puts a page the server sent in place of this one. */
function adopt(html: string, url: string, push: boolean) {
  const doc = parsePage(html);
  if (!doc.body || !doc.getElementById('main')) throw new Error('not a respondent page');
  document.title = doc.title;
  document.body.replaceWith(document.adoptNode(doc.body));
  if (push) history.pushState(null, '', url);
  shown = location.pathname + location.search;
  // The thank-you page's own script does not run in place: forget what this phone kept offline here.
  const sent = SENT.exec(location.pathname);
  if (sent) forgetDraft(sent[1]!);
  showReadAloud();
  window.scrollTo(0, 0);
  const target = document.querySelector<HTMLElement>('.error-summary') ?? document.querySelector<HTMLElement>('main h1');
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
}

async function open(url: string, push: boolean) {
  busy = true;
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (!res.ok || res.redirected) return location.assign(res.url || url);
    adopt(await res.text(), url, push);
  } catch {
    location.assign(url);
  } finally {
    busy = false;
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || busy) {
    if (busy) event.preventDefault();
    return;
  }
  const action = form.getAttribute('action') ?? '';
  if (form.method.toLowerCase() !== 'post' || !IN_PLACE_FORM.test(action)) return;
  event.preventDefault();
  const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
  const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  if (submitter?.name) body.append(submitter.name, submitter.value);
  busy = true;
  fetch(action, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'heard-in-place': '1' },
  })
    .then(async (res) => {
      const where = res.headers.get('heard-location');
      if (!where || res.redirected || (res.status !== 200 && res.status !== 400)) throw new Error('not in place');
      adopt(await res.text(), where, where !== location.pathname + location.search);
    })
    .catch(() => postPlainly(action, body.toString()))
    .finally(() => {
      busy = false;
    });
});

// The back link and the check page's "Change" links: the same pages, fetched in place.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
  const href = link.getAttribute('href') ?? '';
  if (!JOURNEY_LINK.test(href) || !link.closest('main')) return;
  event.preventDefault();
  if (!busy) void open(href, true);
});

window.addEventListener('popstate', () => {
  const here = location.pathname + location.search;
  if (here !== shown) void open(here, false);
});
