// Case references come from the case management system (e.g. ChildView "CV-104233"). They are
// the only way Heard identifies a child or a victim, so a name typed by mistake must not pass:
// a reference is letters, digits, "-" and "/", with at least one digit.
export const CASE_REFERENCE_PATTERN = /^[A-Z0-9][A-Z0-9/-]{2,29}$/;

/** The reference made canonical (trimmed, upper case, inner spaces removed), or undefined when it cannot be one. */
export function normaliseCaseReference(raw: string): string | undefined {
  const ref = raw.trim().replace(/\s+/g, '').toUpperCase();
  if (!CASE_REFERENCE_PATTERN.test(ref) || !/\d/.test(ref)) return undefined;
  return ref;
}

/** Escapes LIKE wildcards so a search for "CV_1" finds exactly that text. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
