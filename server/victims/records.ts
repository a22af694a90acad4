// A victim's contact record as other systems send it: a JSON body through the API, or one row of
// a CSV file (the case management system's export, or a spreadsheet kept before Heard). Both are
// read into the same record the case page saves, and checked by the same rules (funnel.ts).
import { z } from 'zod';
import { VICTIM_CONTACT_PREFERENCES } from '../../db/schema.ts';
import { normaliseCaseReference } from '../cases/reference.ts';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';
import { isSaneDay } from '../time/date-param.ts';
import type { VictimContactError, VictimContactInput } from './funnel.ts';

const t = pageTranslator('victims');
const ti = pageTranslator('import');
const Day = z.string().refine(isSaneDay, errorIn(t, 'import.problems.day'));

/** The API's body (PUT /api/v1/victim-contacts/{caseReference}). */
export const VictimContactBody = z.strictObject({
  identifiedOn: Day,
  contactPreference: z.enum(VICTIM_CONTACT_PREFERENCES).nullable().default(null),
  notContactable: z.boolean().default(false),
  /** null: not asked yet. */
  agreedToContact: z.boolean().nullable().default(null),
  contactedOn: Day.nullable().default(null),
  rjOffered: z.boolean().default(false),
  rjTakenUp: z.boolean().default(false),
  wantsFurtherSupport: z.boolean().default(false),
});

export const inputOfBody = (b: z.output<typeof VictimContactBody>): VictimContactInput => ({ ...b, contactedOn: b.contactedOn ?? undefined });

/** The record as the API gives it back. */
export const bodyOfInput = (v: VictimContactInput) => ({
  identifiedOn: v.identifiedOn ?? null,
  contactPreference: v.contactPreference,
  notContactable: v.notContactable,
  agreedToContact: v.agreedToContact,
  contactedOn: v.contactedOn ?? null,
  rjOffered: v.rjOffered,
  rjTakenUp: v.rjTakenUp,
  wantsFurtherSupport: v.wantsFurtherSupport,
});

/** A rule broken, in words, under the API's or the CSV's own name for the field. */
export const problemText = (e: VictimContactError) => t(`errors.${e.key}`);

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────

export const CONTACT_COLUMNS = ['case_reference', 'identified_on', 'contact_preference', 'not_contactable', 'agreed_to_contact', 'contacted_on', 'rj_offered', 'rj_taken_up', 'wants_further_support'] as const;
type Column = (typeof CONTACT_COLUMNS)[number];

/** Which column holds each field the rules name. */
export const COLUMN_OF: Record<VictimContactError['field'], Column> = {
  identifiedOn: 'identified_on',
  agreedToContact: 'agreed_to_contact',
  contactedOn: 'contacted_on',
  rjOffered: 'rj_offered',
  rjTakenUp: 'rj_taken_up',
  wantsFurtherSupport: 'wants_further_support',
};

const yesNo = (blank: boolean | null) =>
  z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(['yes', 'no', ''], errorIn(t, 'import.problems.yesNo')))
    .transform((v) => (v === '' ? blank : v === 'yes'));

const ContactRow = z.object({
  case_reference: z.string().transform((v, ctx) => normaliseCaseReference(v) ?? (ctx.addIssue({ code: 'custom', message: t('import.problems.notReference') }), z.NEVER)),
  identified_on: z.string().trim().pipe(Day),
  contact_preference: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum([...VICTIM_CONTACT_PREFERENCES, ''], { error: () => t('import.problems.preference', { choices: VICTIM_CONTACT_PREFERENCES.join(', ') }) }))
    .transform((v) => (v === '' ? null : v)),
  not_contactable: yesNo(false),
  agreed_to_contact: yesNo(null),
  contacted_on: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), Day], errorIn(t, 'import.problems.dayOrEmpty')))
    .transform((v) => (v === '' ? undefined : v)),
  rj_offered: yesNo(false),
  rj_taken_up: yesNo(false),
  wants_further_support: yesNo(false),
});

export interface RowProblem {
  row: number | null;
  column: string | null;
  problem: string;
}

/** The header must be exactly these columns, in this order. */
export function headerProblems(header: string[]): RowProblem[] {
  const found = header.map((h) => h.trim());
  if (found.length === CONTACT_COLUMNS.length && CONTACT_COLUMNS.every((c, i) => found[i] === c)) return [];
  return [{ row: 1, column: null, problem: t('import.problems.header', { columns: CONTACT_COLUMNS.join(',') }) }];
}

/** One row: its case reference and record, or what is wrong with each cell. */
export function readContactRow(cells: string[], row: number): { reference: string; input: VictimContactInput } | { problems: RowProblem[] } {
  if (cells.length !== CONTACT_COLUMNS.length) return { problems: [{ row, column: null, problem: ti('problems.cellCount', { cells: cells.length, columns: CONTACT_COLUMNS.length }) }] };
  const parsed = ContactRow.safeParse(Object.fromEntries(CONTACT_COLUMNS.map((c, i) => [c, cells[i]!])));
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ row, column: String(i.path[0] ?? ''), problem: i.message })) };
  const r = parsed.data;
  return {
    reference: r.case_reference,
    input: {
      identifiedOn: r.identified_on,
      contactPreference: r.contact_preference,
      notContactable: r.not_contactable ?? false,
      agreedToContact: r.agreed_to_contact,
      contactedOn: r.contacted_on,
      rjOffered: r.rj_offered ?? false,
      rjTakenUp: r.rj_taken_up ?? false,
      wantsFurtherSupport: r.wants_further_support ?? false,
    },
  };
}
