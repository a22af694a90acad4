// The respondent cookie: a random token that owns one draft. Scoped to that draft's path, so a
// person can have a personal link and an open-link questionnaire going at once.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.ts';

export const draftBase = (draftId: string) => `/q/${draftId}`;

function cookieName(c: Context<AppEnv>): string {
  return c.var.deps.config.secureCookies ? '__Secure-heard_r' : 'heard_r';
}

export function setDraftCookie(c: Context<AppEnv>, draftId: string, token: string, expiresAt: Date): void {
  setCookie(c, cookieName(c), token, {
    path: draftBase(draftId),
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    expires: expiresAt,
  });
}

export function draftToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookieName(c));
}

/** Remembers the open-link draft on the open link's own path, so scanning the card again resumes it. */
const openLinkCookie = (c: Context<AppEnv>) => (c.var.deps.config.secureCookies ? '__Secure-heard_open' : 'heard_open');

export function setOpenLinkCookie(c: Context<AppEnv>, path: string, draftId: string, expiresAt: Date): void {
  setCookie(c, openLinkCookie(c), draftId, { path, httpOnly: true, sameSite: 'Lax', secure: c.var.deps.config.secureCookies, expires: expiresAt });
}

export function openLinkDraftId(c: Context<AppEnv>): string | undefined {
  return getCookie(c, openLinkCookie(c));
}

export function forgetOpenLink(c: Context<AppEnv>, path: string): void {
  deleteCookie(c, openLinkCookie(c), { path, secure: c.var.deps.config.secureCookies });
}
