// "Read this to me": reads the question on the page aloud with the browser's own speech
// (speechSynthesis), in the page's language. Where the browser cannot speak, the button stays
// hidden (the server renders it hidden, so it never shows without JavaScript either).
// One listener on the document serves the form pages and every question the chat island adds.

/** The words a listener needs: the question, its hint, and the answers to choose from. */
function spokenText(form: Element): string {
  const parts: string[] = [];
  const read = (el: Element | null) => {
    if (!el) return;
    const copy = el.cloneNode(true) as Element;
    for (const quiet of Array.from(copy.querySelectorAll('[aria-hidden="true"],.visually-hidden,.caption,.who'))) quiet.remove();
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) parts.push(text);
  };
  read(form.querySelector('legend, h1, .msg.current'));
  read(form.querySelector('.hint'));
  for (const choice of Array.from(form.querySelectorAll('.replies button, .opt label'))) read(choice);
  return parts.join('. ');
}

if ('speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function') {
  const synth = window.speechSynthesis;
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-read-aloud]'))) button.hidden = false;

  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-read-aloud]');
    const form = button?.closest('form');
    if (!button || !form) return;
    // Pressing again stops the reading.
    if (button.getAttribute('aria-pressed') === 'true') {
      synth.cancel();
      return;
    }
    synth.cancel();
    const question = form.querySelector('legend, h1, .msg.current');
    const utterance = new SpeechSynthesisUtterance(spokenText(form));
    utterance.lang = question?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    utterance.rate = 0.95;
    const done = () => button.setAttribute('aria-pressed', 'false');
    utterance.onend = done;
    utterance.onerror = done;
    button.setAttribute('aria-pressed', 'true');
    synth.speak(utterance);
  });
}
