// The answer just given, as the respondent reads it back in their bubble while it is on its way
// (the server's own wording replaces it once it arrives).

/** The visible text of an element, without decorations (emoji) or words only for screen readers. */
function visibleText(el: Element | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"],.visually-hidden'))) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function answerTextOf(form: HTMLFormElement, submitter: HTMLButtonElement | null, skipped: string): string {
  if (submitter?.name === 'action' && submitter.value === 'skip') return skipped;
  if (submitter?.name === 'answer') return visibleText(submitter);
  const chosen = Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')).map((box) => visibleText(form.querySelector(`label[for="${box.id}"]`)));
  if (chosen.length > 0) return chosen.join(', ');
  return Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type=text],input[type=tel],input[type=email],textarea'))
    .map((field) => field.value.trim())
    .filter(Boolean)
    .join(', ');
}
