// The "You said, we did" form, parsed with zod. Dates are days in the service's time zone,
// stored as midday there so a change never slips into the period before.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { errorIn, pageTranslator } from '../i18n/request-language.ts';

const t = pageTranslator('you-said-we-did');

const text = (requiredKey: string) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, errorIn(t, requiredKey)).max(1000, errorIn(t, 'staff.errors.tooLong')));

export const EntryForm = z.object({
  youSaid: text('staff.errors.youSaid'),
  weDid: text('staff.errors.weDid'),
  whatNext: z
    .string()
    .default('')
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(1000, errorIn(t, 'staff.errors.tooLong'))),
  happenedOn: z.iso.date(errorIn(t, 'staff.errors.happenedOn')),
  area: z.union([z.literal(''), z.uuid(errorIn(t, 'staff.errors.area'))]).default(''),
  theme: z.union([z.literal(''), z.uuid(errorIn(t, 'staff.errors.theme'))]).default(''),
});

export interface EntryInput {
  youSaid: string;
  weDid: string;
  whatNext: string | null;
  happenedOn: Date;
  areaId: string | null;
  themeId: string | null;
}

export type FieldError = { field: string; message: string };

/** The form as an entry, or the problems with it (field ids match the form's inputs). */
export function parseEntryForm(form: Record<string, unknown>, zone: string, now: Date): { ok: true; input: EntryInput } | { ok: false; errors: FieldError[] } {
  const parsed = EntryForm.safeParse(form);
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const i of parsed.error.issues) {
      const field = String(i.path[0]);
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: i.message });
    }
    return { ok: false, errors };
  }
  const day = DateTime.fromISO(parsed.data.happenedOn, { zone });
  if (day.startOf('day').toMillis() > now.getTime()) return { ok: false, errors: [{ field: 'happenedOn', message: t('staff.errors.future') }] };
  return {
    ok: true,
    input: {
      youSaid: parsed.data.youSaid,
      weDid: parsed.data.weDid,
      whatNext: parsed.data.whatNext === '' ? null : parsed.data.whatNext,
      happenedOn: day.set({ hour: 12 }).toJSDate(),
      areaId: parsed.data.area === '' ? null : parsed.data.area,
      themeId: parsed.data.theme === '' ? null : parsed.data.theme,
    },
  };
}
