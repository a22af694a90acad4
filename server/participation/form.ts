// What the pack pages are asked for: a place and an ended quarter (query or form), and the pack
// itself (commentary and sections). Checked by zod; a problem is said beside its field.
import { z } from 'zod';
import { boundsOf, formatPeriod, parsePeriod, quarterOf, shiftQuarter, type Period } from '../reports/period.ts';
import { PACK_SECTIONS, type PackSection } from './pack.ts';

export const MAX_COMMENTARY = 6000;

/** The last eight quarters that have ended: a shared report covers nothing still running. */
export function endedQuarters(now: Date, zone: string): Period[] {
  const current = quarterOf(now, zone);
  return Array.from({ length: 8 }, (_, i) => shiftQuarter(current, -(i + 1)));
}

const blankToNull = (v: unknown) => (v === undefined || v === '' || v === 'all' ? null : v);

/** A place (an area id, or the whole service) and a quarter that has ended. */
export function placeSchema(now: Date, zone: string) {
  const offered = new Set(endedQuarters(now, zone).map(formatPeriod));
  return z.object({
    area: z.preprocess(blankToNull, z.uuid().nullable()),
    period: z
      .string()
      .optional()
      .transform((v) => v ?? formatPeriod(endedQuarters(now, zone)[0]!))
      .refine((v) => offered.has(v), 'Choose one of the last eight quarters that have ended'),
  });
}

export type Place = { area: string | null; period: string };

const sections = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(PACK_SECTIONS)).min(1, 'Choose at least one part of the report'));

export const PackFields = z.object({
  commentary: z
    .string()
    .default('')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(MAX_COMMENTARY, `Write ${MAX_COMMENTARY} characters or fewer`)),
  sections,
});

/** The pack's fields, or each problem by field; the sections in the report's order. */
export function parsePackFields(body: Record<string, unknown>): { ok: true; commentary: string; sections: PackSection[] } | { ok: false; errors: { field: string; message: string }[]; commentary: string; sections: string[] } {
  const parsed = PackFields.safeParse(body);
  if (parsed.success) return { ok: true, commentary: parsed.data.commentary, sections: PACK_SECTIONS.filter((s) => parsed.data.sections.includes(s)) };
  const raw = body.sections;
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
    commentary: typeof body.commentary === 'string' ? body.commentary : '',
    sections: (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((s): s is string => typeof s === 'string'),
  };
}

export const periodLabel = (text: string, zone: string) => boundsOf(parsePeriod(text)!, zone).label;
