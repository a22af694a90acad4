// The phone number or email address a case manager types when sending an invitation: checked,
// written one way, and masked for every later view (the full contact is never shown again).
import { z } from 'zod';

export type Channel = 'sms' | 'email';

const phone = z
  .string()
  .max(40)
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^(\+447\d{9}|07\d{9}|\+[1-9]\d{7,14})$/));
const email = z.string().trim().max(254).pipe(z.email());

/** The contact written one way, or undefined when it is not a mobile number / email address. */
export function parseContact(channel: Channel, raw: string): string | undefined {
  const r = (channel === 'sms' ? phone : email).safeParse(raw);
  if (!r.success) return undefined;
  return channel === 'sms' ? r.data.replace(/^\+44/, '0') : r.data.toLowerCase();
}

/** "•••••••• 123" for a number, "j•••@example.org" for an address. */
export function maskContact(channel: Channel, contact: string): string {
  if (channel === 'sms') return `•••••••• ${contact.slice(-3)}`;
  const [local = '', domain = ''] = contact.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
