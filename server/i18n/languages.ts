// The languages Heard speaks to children and victims in (the staff pages: request-language.ts).
export const LANGUAGES = ['en', 'cy', 'pl', 'ro', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['ur'];
