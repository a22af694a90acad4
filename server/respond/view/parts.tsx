// Small pieces several respondent pages share.
import type { StepError, Translate } from './contract.ts';

import type { Audience } from './contract.ts';
export type { Audience };

/**
 * Shown once an answer marked as a safeguarding concern is given: calm, never blocking, with
 * who to talk to. Victims get Victim Support; children get Childline.
 */
export function ConcernNote({ t, audience, personal }: { t: Translate; audience: Audience; personal: boolean }) {
  const lines = [
    personal ? t('concern.worker') : t('concern.service'),
    ...(audience === 'victim' ? [t('concern.victimSupport')] : audience === 'child' ? [t('concern.childline')] : []),
    t('concern.emergency'),
  ];
  return (
    <aside class="note" aria-labelledby="concern-heading">
      <h2 id="concern-heading">{t('concern.heading')}</h2>
      <p>{t('concern.intro')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p>{t('concern.carryOn')}</p>
    </aside>
  );
}

export function ErrorSummary({ t, errors }: { t: Translate; errors: StepError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('errors.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field people never see (hidden by the stylesheet); robots fill it in. */
export function Honeypot({ t }: { t: Translate }) {
  return (
    <div class="hp">
      <label for="website">{t('honeypot')}</label>
      <input type="text" id="website" name="website" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/** `<script type="application/json">` content, safe inside HTML (no "</script>" can close it). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
