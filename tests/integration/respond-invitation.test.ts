import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drafts, invitations, rateLimits } from '../../db/schema.ts';
import { CODE_ALPHABET, generateInvitationCode, hashCode, normaliseCode } from '../../server/respond/codes.ts';
import { RESPONDENT_LIMITS } from '../../server/rate-limit/limits.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeCase, makeQuestionnaire, makeService, makeStaff, MINI_EOOQ } from '../support/fixtures.ts';
import { location, makeInvitation, Respondent } from '../support/respond.ts';

let t: TestApp;
let ctx: { serviceId: string; areaId: string; caseId: string; questionnaireId: string };
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const { service, north } = await makeService(t.deps.db);
  const worker = await makeStaff(t.deps.db, service.id, 'case_manager', north.id);
  const child = await makeCase(t.deps.db, { serviceId: service.id, areaId: north.id, ownerId: worker.id });
  const { questionnaire } = await makeQuestionnaire(t.deps.db, service.id, MINI_EOOQ);
  ctx = { serviceId: service.id, areaId: north.id, caseId: child.id, questionnaireId: questionnaire.id };
});
afterAll(() => t.close());

const invite = (extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
  makeInvitation(t.deps.db, { ...ctx, expiresAt: extra.expiresAt ?? new Date(t.clock.now().getTime() + 14 * day), revokedAt: extra.revokedAt });

let address = 0;
/** Each test its own client address, so the per-address limit only bites where it is tested. */
const newChild = () => new Respondent(t, { 'x-forwarded-for': `198.51.100.${++address}` });

describe('invitation codes', () => {
  it('are 13 characters from an alphabet with no 0, O, 1, I or L, and at least 64 bits', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateInvitationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{13}$/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(13 * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(64);
    // Every symbol turns up: the generator is not stuck on part of the alphabet.
    expect(new Set([...codes].join('')).size).toBe(CODE_ALPHABET.length);
  });

  it('are stored as a SHA-256 hash and read back whatever the case or spacing', () => {
    const code = generateInvitationCode();
    expect(hashCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(code.toLowerCase())).toBe(hashCode(code));
    expect(normaliseCode(`${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`)).toBe(code);
    expect(normaliseCode('O0O0O0O0O0O0O')).toBeUndefined();
  });
});

describe('opening a personal link', () => {
  it('swaps the code for a cookie and sends the child on to an address without the code', async () => {
    const { code, invitation } = await invite();
    const child = newChild();
    const res = await child.get(`/r/${code}`);
    expect(res.status).toBe(303);
    expect(location(res)).toMatch(/^\/q\/[0-9a-f-]{36}$/);
    expect(location(res)).not.toContain(code);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('heard_r='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toContain(`Path=${location(res)}`);
    expect(cookie).not.toContain(code);

    const [row] = await t.deps.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.openedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const intro = await child.get(location(res));
    expect(intro.status).toBe(200);
    const page = await intro.text();
    expect(page).toContain('Your worker will read this and may get in touch if you need help.');
    expect(page).toContain('You can skip any question');
    expect(page).toMatch(/It takes about \d+ minutes?\./);
  });

  it('says plainly when a code is unknown (404), expired or withdrawn (410)', async () => {
    const unknown = await newChild().get(`/r/${generateInvitationCode()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('We could not find that link');
    expect((await newChild().get('/r/not-a-code')).status).toBe(404);

    const old = await invite({ expiresAt: new Date(t.clock.now().getTime() - 1000) });
    const expired = await newChild().get(`/r/${old.code}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');

    const stopped = await invite({ revokedAt: t.clock.now() });
    const revoked = await newChild().get(`/r/${stopped.code}`);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('This link is no longer in use');
  });

  it('shows "already sent, thank you" for a link whose answers were sent', async () => {
    const { code, invitation } = await invite();
    await t.deps.db.update(invitations).set({ submittedAt: t.clock.now() }).where(eq(invitations.id, invitation.id));
    const res = await newChild().get(`/r/${code}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You have already sent your answers with this link');
  });

  it('resumes the same draft when the code is opened again on a device with no cookie', async () => {
    const { code, invitation } = await invite();
    const phone = newChild();
    const first = await phone.get(`/r/${code}`);
    const draftPath = location(first);
    await phone.post(`${draftPath}/step/views_taken_seriously`, { answer: 'most', action: 'continue' });

    const laptop = newChild();
    const again = await laptop.get(`/r/${code}`);
    expect(location(again)).toBe(draftPath);
    const next = await laptop.get(`${draftPath}/next`);
    expect(location(next)).toBe(`${draftPath}/step/feel_safe`);
    const rows = await t.deps.db.select().from(drafts).where(eq(drafts.invitationId, invitation.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual({ views_taken_seriously: 'most' });
    // The personal link's draft lasts until the invitation expires.
    expect(rows[0]!.expiresAt.toISOString()).toBe(invitation.expiresAt.toISOString());
    // The old phone's cookie no longer owns the draft: the code's holder does.
    expect((await phone.get(`${draftPath}/next`)).status).toBe(404);
  });

  it('refuses a draft page to anyone without its cookie', async () => {
    const { code } = await invite();
    const child = newChild();
    const draftPath = location(await child.get(`/r/${code}`));
    const stranger = newChild();
    const res = await stranger.get(`${draftPath}/step/views_taken_seriously`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('We could not find your answers on this device');
  });

  it('stops a run of guesses from one address with 429, and lets another address in', async () => {
    const guesser = new Respondent(t, { 'x-forwarded-for': '203.0.113.77' });
    const { limit } = RESPONDENT_LIMITS.inviteCodePerAddress;
    for (let i = 0; i < limit; i++) expect((await guesser.get(`/r/${generateInvitationCode()}`)).status).toBe(404);
    const blocked = await guesser.get(`/r/${generateInvitationCode()}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain('Please wait a moment');
    const { code } = await invite();
    expect((await newChild().get(`/r/${code}`)).status).toBe(303);
    // The window ends and the address may try again.
    t.clock.advance(RESPONDENT_LIMITS.inviteCodePerAddress.windowMs + 1000);
    expect((await guesser.get(`/r/${generateInvitationCode()}`)).status).toBe(404);
    // Addresses are never stored as they are.
    const keys = (await t.deps.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys.join(' ')).not.toContain('203.0.113.77');
  });
});
