// How an out-of-hours alert says so, wherever it is shown: a tag in lists and the banner, and a
// notice with the out-of-hours contact on the alert itself.
import { pageTranslator } from '../i18n/request-language.ts';
import { formatWhen } from '../time/format.ts';

const cw = pageTranslator('casework');

export interface OutOfHoursContact {
  name: string;
  phone: string;
  email: string;
}

export function OutOfHoursTag() {
  return <span class="tag yellow">{cw('alerts.outOfHoursTag')}</span>;
}

export function OutOfHoursNotice({ raisedAt, zone, contact, firstEscalation }: { raisedAt: Date; zone: string; contact: OutOfHoursContact; firstEscalation: Date | null }) {
  const who = [contact.name, contact.phone, contact.email].filter(Boolean).join(', ');
  return (
    <div class="notice" role="note" aria-labelledby="out-of-hours-title">
      <h2 id="out-of-hours-title">{cw('alerts.outOfHoursTitle')}</h2>
      <p>{cw('alerts.outOfHoursRaised', { at: formatWhen(raisedAt, zone) })}</p>
      <p>{who ? cw('alerts.outOfHoursContact', { contact: who }) : cw('alerts.outOfHoursNoContact')}</p>
      {firstEscalation && <p>{cw('alerts.outOfHoursEscalates', { at: formatWhen(firstEscalation, zone) })}</p>}
    </div>
  );
}
