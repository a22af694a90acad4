// The victim contact form as it arrives: checkboxes are present or absent, a radio may be
// missing, dates may be anything. Parsed by zod into the record the rules check.
import { z } from 'zod';
import { VICTIM_CONTACT_PREFERENCES } from '../../db/schema.ts';
import { parseDay } from '../time/date-param.ts';
import type { VictimContactInput } from './funnel.ts';

const text = z.string().max(40).optional().catch(undefined);
const VictimContactForm = z.object({
  identifiedOn: text,
  contactPreference: z.enum(VICTIM_CONTACT_PREFERENCES).optional().catch(undefined),
  notContactable: text,
  agreedToContact: z.enum(['yes', 'no', 'not_asked']).optional().catch(undefined),
  contactedOn: text,
  rjOffered: text,
  rjTakenUp: text,
  wantsFurtherSupport: text,
});

/** What was typed, kept to show again after a problem (dates as typed). */
export interface VictimContactTyped {
  identifiedOn: string;
  contactedOn: string;
}

/** The record, and the dates as typed. A date typed but not real is reported as such. */
export function parseVictimContactForm(body: Record<string, unknown>): { input: VictimContactInput; typed: VictimContactTyped; badDates: ('identifiedOn' | 'contactedOn')[] } {
  const f = VictimContactForm.parse(body);
  const identified = (f.identifiedOn ?? '').trim();
  const contacted = (f.contactedOn ?? '').trim();
  const badDates: ('identifiedOn' | 'contactedOn')[] = [];
  if (identified && !parseDay(identified)) badDates.push('identifiedOn');
  if (contacted && !parseDay(contacted)) badDates.push('contactedOn');
  const on = (v: string | undefined) => v !== undefined && v !== '';
  return {
    input: {
      identifiedOn: parseDay(identified),
      contactPreference: f.contactPreference ?? null,
      notContactable: on(f.notContactable),
      agreedToContact: f.agreedToContact === 'yes' ? true : f.agreedToContact === 'no' ? false : null,
      contactedOn: parseDay(contacted),
      rjOffered: on(f.rjOffered),
      rjTakenUp: on(f.rjTakenUp),
      wantsFurtherSupport: on(f.wantsFurtherSupport),
    },
    typed: { identifiedOn: identified, contactedOn: contacted },
    badDates,
  };
}
