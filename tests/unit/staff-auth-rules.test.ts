import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../server/csv/writer.ts';
import { deviceCookieValue, readDeviceCookie } from '../../server/staff/device.ts';
import { afterFailure, isLocked, LOCK_AFTER_FAILURES, LOCK_MS } from '../../server/staff/lockout.ts';
import { safeNext } from '../../server/staff/session.ts';
import { distinctSlugs, slugify } from '../../server/staff/slugs.ts';
import { matchTotp, newTotpSecret, totpCodeAt } from '../../server/staff/totp.ts';

const now = new Date('2026-05-12T10:00:00Z');

describe('the lock-out rule', () => {
  it('counts failures, locks on the tenth for 15 minutes and starts the count again', () => {
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) {
      state = afterFailure(state.failedSignIns, now);
      expect(state).toEqual({ failedSignIns: i, lockedUntil: null });
    }
    state = afterFailure(state.failedSignIns, now);
    expect(state).toEqual({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) });
    expect(isLocked(state, new Date(now.getTime() + LOCK_MS - 1))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCK_MS))).toBe(false);
  });
});

describe('where to go after signing in', () => {
  it.each([
    ['/staff', '/staff'],
    ['/staff/admin/users?page=2&x=y', '/staff/admin/users?page=2&x=y'],
    [undefined, '/staff'],
    ['', '/staff'],
    ['//evil.example', '/staff'],
    ['https://evil.example/staff', '/staff'],
    ['/staffing', '/staff'],
    ['/\\evil.example', '/staff'],
    ['/staff/\nSet-Cookie: x', '/staff'],
    ['javascript:alert(1)', '/staff'],
  ])('%j → %j', (next, want) => {
    expect(safeNext(next)).toBe(want);
  });
});

describe('web-address names for a new service', () => {
  it('makes readable slugs and keeps them apart', () => {
    expect(slugify("St. Mary's & North  ")).toBe('st-marys-north');
    expect(slugify('Ynys Môn')).toBe('ynys-mon');
    expect(slugify('***', 'service')).toBe('service');
    expect(distinctSlugs(['North', 'north', 'Riverside'], ['riverside'])).toEqual(['north', 'north-2', 'riverside-2']);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 1234', "'+44 1234"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, want) => {
    expect(neutraliseCell(cell)).toBe(want);
  });
});

describe('two-step codes', () => {
  const secret = newTotpSecret();

  it('accepts the current code and the ones either side, once each', () => {
    const code = totpCodeAt(secret, now);
    const step = matchTotp(secret, code, now)!;
    expect(step).toBe(Math.floor(now.getTime() / 30_000));
    expect(matchTotp(secret, code.replace(/(\d{3})/, '$1 '), now)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotp(secret, code, now, step)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });
});

describe('trusted device cookies', () => {
  it('are read back only with the secret that signed them, and never for someone else', () => {
    const value = deviceCookieValue('s'.repeat(64), 'user-1');
    expect(readDeviceCookie('s'.repeat(64), value)?.userId).toBe('user-1');
    expect(readDeviceCookie('t'.repeat(64), value)).toBeUndefined();
    const [, nonce, mac] = value.split('.');
    expect(readDeviceCookie('s'.repeat(64), `user-2.${nonce}.${mac}`)).toBeUndefined();
    expect(readDeviceCookie('s'.repeat(64), 'garbage')).toBeUndefined();
  });
});
