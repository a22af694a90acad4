// A victim's contact and restorative justice record as rules, without I/O: the steps follow one
// another (nobody takes up restorative justice without being offered it, nor is offered it
// without being contacted, nor contacted without agreeing), and the dates are real and in order.
// Days are YYYY-MM-DD in the service's zone; they compare as text.
import { VICTIM_CONTACT_PREFERENCES } from '../../db/schema.ts';

export type ContactPreference = (typeof VICTIM_CONTACT_PREFERENCES)[number];

export interface VictimContactInput {
  identifiedOn: string | undefined;
  contactPreference: ContactPreference | null;
  notContactable: boolean;
  /** Null: not asked yet. */
  agreedToContact: boolean | null;
  /** Undefined: not contacted (yet). */
  contactedOn: string | undefined;
  rjOffered: boolean;
  rjTakenUp: boolean;
  wantsFurtherSupport: boolean;
}

export type VictimContactField = 'identifiedOn' | 'agreedToContact' | 'contactedOn' | 'rjOffered' | 'rjTakenUp' | 'wantsFurtherSupport';
export interface VictimContactError {
  field: VictimContactField;
  /** A key in the victims locale, under `errors.`. */
  key: string;
}

/** Every problem with the record, each beside its field; none when it holds together. */
export function checkVictimContact(v: VictimContactInput, today: string): VictimContactError[] {
  const errors: VictimContactError[] = [];
  const contacted = v.contactedOn !== undefined;
  if (!v.identifiedOn) errors.push({ field: 'identifiedOn', key: 'identifiedMissing' });
  else if (v.identifiedOn > today) errors.push({ field: 'identifiedOn', key: 'future' });
  if (v.notContactable && v.agreedToContact !== null) errors.push({ field: 'agreedToContact', key: 'notContactableAgreed' });
  if (contacted) {
    if (v.notContactable) errors.push({ field: 'contactedOn', key: 'contactedButNotContactable' });
    else if (v.agreedToContact !== true) errors.push({ field: 'contactedOn', key: 'contactedWithoutAgreeing' });
    if (v.contactedOn! > today) errors.push({ field: 'contactedOn', key: 'future' });
    else if (v.identifiedOn && v.contactedOn! < v.identifiedOn) errors.push({ field: 'contactedOn', key: 'contactedBeforeIdentified' });
  }
  if (v.rjOffered && !contacted) errors.push({ field: 'rjOffered', key: 'offeredWithoutContact' });
  if (v.rjTakenUp && !v.rjOffered) errors.push({ field: 'rjTakenUp', key: 'takenUpWithoutOffer' });
  if (v.wantsFurtherSupport && !contacted) errors.push({ field: 'wantsFurtherSupport', key: 'supportWithoutContact' });
  return errors;
}

/** The steps a victim has reached, as the Victims Board counts them. */
export const FUNNEL_STEPS = ['identified', 'notContactable', 'agreed', 'contacted', 'rjOffered', 'rjTakenUp', 'furtherSupport'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
