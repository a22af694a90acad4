// What the case form may carry. Only the fields a person may set are read: a service, an
// owner or a role sent with the form is never looked at (owners change through reassignment,
// the service always comes from the session, the area from the session for area-scoped roles).
import { z } from 'zod';
import { normaliseCaseReference } from './reference.ts';
import { parseReportingDetail, REPORTING_DETAIL_NAMES, type ReportingDetail, type ReportingDetails } from './reporting-details.ts';

const Field = z.string().max(200).optional();
const CaseFields = z.object({
  caseReference: Field,
  areaId: Field,
  kind: Field,
  orderEndsOn: Field,
  ...Object.fromEntries(REPORTING_DETAIL_NAMES.map((d) => [d, Field])),
});

export type CaseFormField = 'caseReference' | 'areaId' | 'kind' | 'orderEndsOn' | ReportingDetail;
export type CaseFormError = { field: CaseFormField; key: string };

export interface CaseFormValues {
  caseReference: string;
  areaId: string;
  kind: string;
  details: ReportingDetails;
  /** A child's order end day as typed (YYYY-MM-DD), or ''. */
  orderEndsOn: string;
}

export interface ParsedCaseForm {
  values: CaseFormValues;
  /** Set when every field is valid: the canonical reference. */
  reference?: string;
  errors: CaseFormError[];
}

export const emptyDetails = (): ReportingDetails => ({ ageBand: null, gender: null, ethnicity: null, careStatus: null, specialNeeds: null });

/**
 * Reads the case form. `areaChoice` and `kindChoice` say whether this person chooses the area
 * and kind at all; when they do not, whatever was sent is ignored.
 */
export function parseCaseForm(body: Record<string, unknown>, opts: { areaChoice: boolean; kindChoice: boolean; referenceRequired?: boolean; kind?: 'child' | 'victim' }): ParsedCaseForm {
  const parsed = CaseFields.safeParse(body);
  const raw = (parsed.success ? parsed.data : {}) as Record<string, string | undefined>;
  const errors: CaseFormError[] = [];
  const details = emptyDetails();
  const kind = opts.kindChoice ? (raw.kind ?? '') : '';
  // A victim's case has no child's reporting details, whatever was sent.
  const victim = (opts.kind ?? kind) === 'victim';
  for (const d of victim ? [] : REPORTING_DETAIL_NAMES) {
    const parsedDetail = parseReportingDetail(d, raw[d] ?? '');
    if (parsedDetail.ok) details[d] = parsedDetail.value;
    else errors.push({ field: d, key: 'errors.detailInvalid' });
  }
  const values: CaseFormValues = {
    caseReference: (raw.caseReference ?? '').trim().slice(0, 60),
    areaId: opts.areaChoice ? (raw.areaId ?? '') : '',
    kind,
    details,
    orderEndsOn: victim ? '' : (raw.orderEndsOn ?? '').trim(),
  };
  if (values.orderEndsOn !== '' && !z.iso.date().safeParse(values.orderEndsOn).success) errors.push({ field: 'orderEndsOn', key: 'errors.orderEndsInvalid' });
  let reference: string | undefined;
  if (opts.referenceRequired !== false) {
    if (values.caseReference === '') errors.unshift({ field: 'caseReference', key: 'errors.referenceMissing' });
    else {
      reference = normaliseCaseReference(values.caseReference);
      if (!reference) errors.unshift({ field: 'caseReference', key: 'errors.referenceInvalid' });
    }
  }
  if (opts.kindChoice && values.kind !== 'child' && values.kind !== 'victim') errors.push({ field: 'kind', key: 'errors.kindMissing' });

  if (opts.areaChoice && !z.uuid().safeParse(values.areaId).success) errors.push({ field: 'areaId', key: 'errors.areaMissing' });
  return { values, reference: errors.length === 0 ? reference : undefined, errors };
}
