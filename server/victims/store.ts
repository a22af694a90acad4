// Reading and saving a victim's contact and restorative justice record. Only for a victim case
// this person may see and record victims' details on (the access policy decides); each save is
// audited with the steps reached, never free text (there is none).
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/index.ts';
import { cases, victimContacts } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { can, visibleCases } from '../staff/policy.ts';
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

/** Every problem with a record as entered: dates that are not real, then the funnel's own rules. */
export function contactProblems(input: VictimContactInput, badDates: VictimContactError['field'][], today: string): VictimContactError[] {
  return [...badDates.map((field) => ({ field, key: 'dateInvalid' })), ...checkVictimContact(input, today).filter((e) => !badDates.includes(e.field))];
}

/** Writes one checked record and its audit row (inside the caller's transaction). */
async function writeContact(tx: Queryable, clock: Clock, p: StaffPrincipal, caseId: string, input: VictimContactInput, zone: string, via?: string): Promise<void> {
  const now = clock.now();
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
  await tx.insert(victimContacts).values({ caseId, ...values }).onConflictDoUpdate({ target: victimContacts.caseId, set: values });
  const steps = { notContactable: input.notContactable, agreed: input.agreedToContact, contacted: Boolean(input.contactedOn), rjOffered: input.rjOffered, rjTakenUp: input.rjTakenUp, furtherSupport: input.wantsFurtherSupport };
  await recordAudit(tx, clock, { actor: p, action: 'victim.contact', subjectType: 'case', subjectId: caseId, detail: via ? { ...steps, via } : steps });
}

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
  const errors = contactProblems(form.input, form.badDates, dayOf(deps.clock.now(), zone));
  if (errors.length > 0) return { ok: false, errors };
  await deps.db.transaction((tx) => writeContact(tx, deps.clock, p, found.id, form.input, zone));
  return { ok: true };
}

/** Saves many checked records in one transaction: all of them or none (the CSV import). */
export async function saveVictimContacts(deps: { db: Database; clock: Clock }, p: StaffPrincipal, rows: { caseId: string; input: VictimContactInput }[], zone: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    for (const r of rows) await writeContact(tx, deps.clock, p, r.caseId, r.input, zone, 'import');
  });
}

/** The victim cases this person may record on, by reference (as the case system writes it). */
export async function victimCasesByReference(db: Queryable, p: StaffPrincipal, references: string[]): Promise<Map<string, { id: string; createdAt: Date }>> {
  const out = new Map<string, { id: string; createdAt: Date }>();
  if (!can(p, 'cases.victim') || references.length === 0) return out;
  const rows = await db
    .select({ id: cases.id, reference: cases.caseReference, createdAt: cases.createdAt })
    .from(cases)
    .where(and(eq(cases.kind, 'victim'), inArray(cases.caseReference, references), visibleCases(p)));
  for (const r of rows) out.set(r.reference, { id: r.id, createdAt: r.createdAt });
  return out;
}
