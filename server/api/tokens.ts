// API tokens: issued by an admin (or the CLI) for one service, shown once, stored only as their
// SHA-256, revocable, and stamped with when they were last used. A token acts as the service's
// admin through the same access policy as a person, so it can never reach another service.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { apiTokens } from '../../db/schema.ts';
import type { AuditActor } from '../audit/record.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { randomToken, sha256Hex } from '../security/tokens.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { isId } from '../http/ids.ts';

/** Tokens start with a recognisable prefix, so one pasted into the wrong place can be spotted (and scanned for). */
export const TOKEN_PREFIX = 'heard_';
const TOKEN_PATTERN = /^heard_[A-Za-z0-9_-]{43}$/;

/** last_used_at is written at most this often, so a busy integration is not a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export const TokenName = z.string().trim().min(1).max(100);

export interface IssuedToken {
  id: string;
  name: string;
  /** The secret itself: shown once, never stored. */
  token: string;
}

export async function issueApiToken(
  db: Queryable,
  clock: Clock,
  input: { serviceId: string; name: string; createdBy: string | null; actor: AuditActor },
): Promise<IssuedToken> {
  const name = TokenName.parse(input.name);
  const token = TOKEN_PREFIX + randomToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ serviceId: input.serviceId, name, tokenHash: sha256Hex(token), createdBy: input.createdBy, createdAt: clock.now() })
    .returning({ id: apiTokens.id });
  await recordAudit(db, clock, { actor: input.actor, serviceId: input.serviceId, action: 'api_token.issue', subjectType: 'api_token', subjectId: row!.id, detail: { name } });
  return { id: row!.id, name, token };
}

/** Revokes a token of the service; false when there is no such live token in that service. */
export async function revokeApiToken(db: Queryable, clock: Clock, input: { serviceId: string; tokenId: string; actor: AuditActor }): Promise<boolean> {
  if (!isId(input.tokenId)) return false;
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: clock.now() })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.serviceId, input.serviceId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  if (revoked.length === 0) return false;
  await recordAudit(db, clock, { actor: input.actor, serviceId: input.serviceId, action: 'api_token.revoke', subjectType: 'api_token', subjectId: input.tokenId, detail: { name: revoked[0]!.name } });
  return true;
}

export interface TokenSummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A service's tokens, newest first (never their secrets, which are not kept). */
export async function listApiTokens(db: Queryable, serviceId: string): Promise<TokenSummary[]> {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.serviceId, serviceId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** The principal a bearer token stands for, or undefined when it is malformed, unknown or revoked. */
export async function authenticateApiToken(db: Queryable, clock: Clock, token: string): Promise<StaffPrincipal | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const [row] = await db
    .select({ id: apiTokens.id, serviceId: apiTokens.serviceId, name: apiTokens.name, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'api', id: row.id, serviceId: row.serviceId, areaId: null, role: 'service_admin', name: row.name, email: '' };
}
