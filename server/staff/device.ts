// "Trusted device" cookies (OWASP's answer to lock-out as a denial of service): after a full
// sign-in the browser gets a cookie signed with the session secret that names the user. When
// their account is locked by someone guessing elsewhere, a browser holding that cookie may still
// try — limited by its own counter — so an attacker cannot keep a named manager out.
import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.ts';
import { randomToken, sameSecret, sha256Hex } from '../security/tokens.ts';

export const DEVICE_COOKIE_MS = 90 * 24 * 60 * 60 * 1000;

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-heard_device' : 'heard_device';
}

const sign = (secret: string, userId: string, nonce: string) => createHmac('sha256', secret).update(`device:${userId}:${nonce}`).digest('base64url');

/** A new signed value naming this user. */
export function deviceCookieValue(secret: string, userId: string): string {
  const nonce = randomToken(16);
  return `${userId}.${nonce}.${sign(secret, userId, nonce)}`;
}

export interface TrustedDevice {
  userId: string;
  /** A key for this device's own attempt counter (a hash, never the cookie itself). */
  key: string;
}

/** The device a cookie value stands for, if its signature is ours. */
export function readDeviceCookie(secret: string, value: string | undefined): TrustedDevice | undefined {
  const parts = value?.split('.');
  if (!parts || parts.length !== 3) return undefined;
  const [userId, nonce, mac] = parts as [string, string, string];
  if (!sameSecret(mac, sign(secret, userId, nonce))) return undefined;
  return { userId, key: `staff-signin:device:${sha256Hex(nonce).slice(0, 32)}` };
}

export function trustedDevice(c: Context<AppEnv>): TrustedDevice | undefined {
  const { config } = c.var.deps;
  return readDeviceCookie(config.sessionSecret, getCookie(c, deviceCookieName(config.secureCookies)));
}

export function rememberDevice(c: Context<AppEnv>, userId: string): void {
  const { config, clock } = c.var.deps;
  setCookie(c, deviceCookieName(config.secureCookies), deviceCookieValue(config.sessionSecret, userId), {
    path: '/',
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'Lax',
    expires: new Date(clock.now().getTime() + DEVICE_COOKIE_MS),
  });
}
