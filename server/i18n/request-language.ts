// The language of the request being served, for the staff pages, their error pages and the
// API's messages. Staff text is looked up when it is used, not when a module loads, so the
// capability modules keep one `pageTranslator(ns)` each and every request reads its own language.
// Outside a request (jobs, the command line) the language is English.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TFunction } from 'i18next';
import type { Context, MiddlewareHandler } from 'hono';
import { translator } from './index.ts';

/** The languages the staff pages are written in (every namespace but the command line's). */
export const STAFF_LANGUAGES = ['en', 'cy'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

export const isStaffLanguage = (x: unknown): x is StaffLanguage => (STAFF_LANGUAGES as readonly unknown[]).includes(x);

/** The request's language once known; until then, how to find it (only worked out if text is needed). */
type Scope = { lang?: StaffLanguage; initial: () => StaffLanguage; chosen?: () => StaffLanguage | undefined };
const current = new AsyncLocalStorage<Scope>();

/** The language of the request being served; English outside one. */
export function requestLanguage(): StaffLanguage {
  const scope = current.getStore();
  if (!scope) return 'en';
  return (scope.lang ??= scope.initial());
}

/** Runs `work` in a language (a job writing to one person, a test). */
export function inLanguage<T>(lang: StaffLanguage, work: () => T): T {
  return current.run({ lang, initial: () => lang }, work);
}

/** Switches the rest of this request to the signed-in person's own language. */
export function useLanguageFromNowOn(lang: StaffLanguage): void {
  const store = current.getStore();
  if (store) store.lang = lang;
}

/**
 * Starts each request in a language: `initial` decides it before anyone is known (the browser's
 * choice on the sign-in page, Accept-Language on the API); signing in then moves to the person's.
 */
export function languageScope(initial: (c: Context) => StaffLanguage, chosen?: (c: Context) => StaffLanguage | undefined): MiddlewareHandler {
  return (c, next) => current.run({ initial: () => initial(c), chosen: chosen && (() => chosen(c)) }, next);
}

/** The language the visitor chose themselves on this request or before (a language link), if any. */
export function chosenLanguage(): StaffLanguage | undefined {
  return current.getStore()?.chosen?.();
}

/** The browser's first language in Accept-Language that is one of `among` (the staff languages unless given). */
export function fromAcceptLanguage<L extends string = StaffLanguage>(header: string | undefined, among: readonly L[] = STAFF_LANGUAGES as unknown as readonly L[]): L | undefined {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
    const hit = among.find((l) => l === tag);
    if (hit) return hit;
  }
  return undefined;
}

/** A translator for one namespace that answers in the language of the request using it. */
export function pageTranslator(ns: string | string[]): TFunction {
  const fixed = Object.fromEntries(STAFF_LANGUAGES.map((l) => [l, translator(l, ns)])) as Record<StaffLanguage, TFunction>;
  return ((...args: Parameters<TFunction>) => (fixed[requestLanguage()] as unknown as (...a: unknown[]) => string)(...args)) as unknown as TFunction;
}

/**
 * A zod error message looked up when the error happens, so a schema built once when its module
 * loads still speaks each reader's language: `z.string().min(1, errorIn(t, 'errors.name'))`.
 */
export const errorIn = (t: TFunction, key: string) => ({ error: () => t(key) as string });
