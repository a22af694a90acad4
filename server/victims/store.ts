// Reading and saving a victim's contact and restorative justice record. Only for a victim case
// this person may see and record victims' details on (the access policy decides); each save is
// audited with the steps reached, never free text (there is none).
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { victimContacts } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { can } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { dayOf, startOfDay } from '../time/working-time.ts';
import { findCase } from '../cases/store.ts';
import { checkVictimContact, type VictimContactError, type VictimContactInput } from './funnel.ts';

export type VictimContactRow = typeof victimContacts.$inferSelect;

/** As the form shows it: days in the service's zone. A case not yet recorded on starts from the day the case was. */
export async function victimContactOf(db: Queryable, c: { id: string; createdAt: Date }, zone: string): Promise<VictimContactInput & { saved: boolean }> {
  const [row] = await db.select().from(victimContacts).where(eq(victimContacts.caseId, c.id));
  if (!row) return { saved: false, identifiedOn: dayOf(c.createdAt, zone), contactPreference: null, notContactable: false, agreedToContact: null, contactedOn: undefined, rjOffered: false, rjTakenUp: false, wantsFurtherSupport: false };
  return {
    saved: true,
    identifiedOn: dayOf(row.identifiedOn, zone),
    contactPreference: row.contactPreference,
    notContactable: row.notContactable,
    agreedToContact: row.agreedToContact,
    contactedOn: row.contactedOn ? dayOf(row.contactedOn, zone) : undefined,
    rjOffered: row.rjOffered,
    rjTakenUp: row.rjTakenUp,
    wantsFurtherSupport: row.wantsFurtherSupport,
  };
}

export type SaveResult = { ok: true } | { ok: false; errors: VictimContactError[] } | undefined;

/** Saves the record; undefined when the case is not a victim case this person may record on. */
export async function saveVictimContact(
  deps: { db: Database; clock: Clock },
  p: StaffPrincipal,
  caseId: string,
  form: { input: VictimContactInput; badDates: VictimContactError['field'][] },
  zone: string,
): Promise<SaveResult> {
  const found = await findCase(deps.db, p, caseId);
  if (!found || found.kind !== 'victim' || !can(p, 'cases.victim')) return undefined;
  const { input } = form;
  const now = deps.clock.now();
  const errors = [...form.badDates.map((field) => ({ field, key: 'dateInvalid' })), ...checkVictimContact(input, dayOf(now, zone)).filter((e) => !form.badDates.includes(e.field))];
  if (errors.length > 0) return { ok: false, errors };
  const values = {
    identifiedOn: startOfDay(input.identifiedOn!, zone),
    contactPreference: input.contactPreference,
    notContactable: input.notContactable,
    agreedToContact: input.agreedToContact,
    contactedOn: input.contactedOn ? startOfDay(input.contactedOn, zone) : null,
    rjOffered: input.rjOffered,
    rjTakenUp: input.rjTakenUp,
    wantsFurtherSupport: input.wantsFurtherSupport,
    updatedAt: now,
    updatedBy: p.kind === 'staff' ? p.id : null,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(victimContacts).values({ caseId: found.id, ...values }).onConflictDoUpdate({ target: victimContacts.caseId, set: values });
    const steps = { notContactable: input.notContactable, agreed: input.agreedToContact, contacted: Boolean(input.contactedOn), rjOffered: input.rjOffered, rjTakenUp: input.rjTakenUp, furtherSupport: input.wantsFurtherSupport };
    await recordAudit(tx, deps.clock, { actor: p, action: 'victim.contact', subjectType: 'case', subjectId: found.id, detail: steps });
  });
  return { ok: true };
}
