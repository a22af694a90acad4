// Reporting details recorded by staff from the case system, never asked of the child. They are
// copied onto each response at submission and grouped on in disproportionality reports, so the
// stored value is the group's own name (reports show it as it is). Null means "not recorded".
export const AGE_BANDS = ['10-13', '14-15', '16-17', '18+'] as const;
export const GENDERS = ['Male', 'Female', 'Another gender'] as const;
/** The five high-level ethnic groups of the 2021 Census (England and Wales). */
export const ETHNIC_GROUPS = [
  'Asian, Asian British or Asian Welsh',
  'Black, Black British, Black Welsh, Caribbean or African',
  'Mixed or Multiple ethnic groups',
  'White',
  'Other ethnic group',
] as const;
export const CARE_STATUSES = ['Looked after', 'Care leaver', 'Not in care'] as const;
export const SPECIAL_NEEDS = ['EHC plan', 'SEN support', 'No identified SEN'] as const;

export const REPORTING_DETAILS = {
  ageBand: AGE_BANDS,
  gender: GENDERS,
  ethnicity: ETHNIC_GROUPS,
  careStatus: CARE_STATUSES,
  specialNeeds: SPECIAL_NEEDS,
} as const;

export type ReportingDetail = keyof typeof REPORTING_DETAILS;
export const REPORTING_DETAIL_NAMES = Object.keys(REPORTING_DETAILS) as ReportingDetail[];

export type ReportingDetails = { [K in ReportingDetail]: string | null };

/**
 * One detail's value as entered anywhere (case form, CSV import, API): blank is "not recorded"
 * (null); otherwise it must be one of the list, matched without regard to case or spaces around
 * it, and the list's own spelling is kept. Pure.
 */
export function parseReportingDetail(detail: ReportingDetail, input: string): { ok: true; value: string | null } | { ok: false } {
  const v = input.trim();
  if (v === '') return { ok: true, value: null };
  const found = (REPORTING_DETAILS[detail] as readonly string[]).find((x) => x.toLowerCase() === v.toLowerCase());
  return found ? { ok: true, value: found } : { ok: false };
}

/** The list as a reader sees it, for error messages: "Male", "Female" or "Another gender". */
export const reportingDetailList = (detail: ReportingDetail) => (REPORTING_DETAILS[detail] as readonly string[]).map((v) => `"${v}"`).join(', ');
