// Themes a service tags comments with ("meeting places", "being listened to"): created and
// renamed by people who moderate comments; names are unique within a service.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { commentThemes, themes } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import { ApiError } from '../http/errors.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export interface Theme {
  id: string;
  name: string;
  /** Comments tagged with it. */
  comments: number;
}

export async function listThemes(db: Queryable, serviceId: string): Promise<Theme[]> {
  const rows = await db
    .select({ id: themes.id, name: themes.name, comments: count(commentThemes.commentReviewId) })
    .from(themes)
    .leftJoin(commentThemes, eq(commentThemes.themeId, themes.id))
    .where(eq(themes.serviceId, serviceId))
    .groupBy(themes.id, themes.name)
    .orderBy(asc(sql`lower(${themes.name})`));
  return rows.map((r) => ({ ...r, comments: Number(r.comments) }));
}

export class ThemeNameTaken extends ApiError {
  constructor(name: string) {
    super(409, 'theme_exists', `There is already a theme called "${name}".`);
  }
}

function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { code?: string; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err.code === '23505') return true;
  }
  return false;
}

async function nameTaken(db: Queryable, serviceId: string, name: string, except?: string): Promise<boolean> {
  const rows = await db.select({ id: themes.id }).from(themes).where(and(eq(themes.serviceId, serviceId), sql`lower(${themes.name}) = lower(${name})`));
  return rows.some((r) => r.id !== except);
}

export async function createTheme(db: Queryable, clock: Clock, p: StaffPrincipal, name: string): Promise<string> {
  if (await nameTaken(db, p.serviceId, name)) throw new ThemeNameTaken(name);
  try {
    const [row] = await db.insert(themes).values({ serviceId: p.serviceId, name, createdAt: clock.now() }).returning({ id: themes.id });
    await recordAudit(db, clock, { actor: p, action: 'theme.create', subjectType: 'theme', subjectId: row!.id, detail: { name } });
    return row!.id;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ThemeNameTaken(name);
    throw e;
  }
}

/** Renames a theme of the person's own service; false when there is no such theme there. */
export async function renameTheme(db: Queryable, clock: Clock, p: StaffPrincipal, themeId: string, name: string): Promise<boolean> {
  const [theme] = await db.select().from(themes).where(and(eq(themes.id, themeId), eq(themes.serviceId, p.serviceId)));
  if (!theme) return false;
  if (await nameTaken(db, p.serviceId, name, themeId)) throw new ThemeNameTaken(name);
  await db.update(themes).set({ name }).where(eq(themes.id, themeId));
  await recordAudit(db, clock, { actor: p, action: 'theme.rename', subjectType: 'theme', subjectId: themeId, detail: { from: theme.name, to: name } });
  return true;
}
