// Services and areas from the command line: list them, create a service (with the built-in
// questionnaires), add an area. Service and area slugs share one set of web addresses
// (/s/{slug}/…), so a new slug must be free in both.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.ts';
import { areas, services } from '../../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { BUILTIN_DEFINITIONS } from '../questionnaire/builtin/index.ts';
import { copyBuiltinForService } from '../questionnaires-admin/manage.ts';
import { slugify } from '../staff/slugs.ts';
import { cliActor, CliError, serviceBySlug, t, type CliContext } from './context.ts';

async function slugIsFree(db: Queryable, slug: string): Promise<boolean> {
  const [service] = await db.select({ id: services.id }).from(services).where(eq(services.slug, slug));
  const [area] = await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug));
  return !service && !area;
}

export async function listServices(ctx: CliContext): Promise<void> {
  const all = await ctx.db.select().from(services).orderBy(asc(services.slug));
  if (all.length === 0) return ctx.out(t('done.noServices'));
  const allAreas = await ctx.db.select().from(areas).orderBy(asc(areas.slug));
  for (const s of all) {
    ctx.out(t('done.serviceLine', { slug: s.slug, name: s.name }));
    for (const a of allAreas.filter((x) => x.serviceId === s.id)) ctx.out(t('done.areaLine', { slug: a.slug, name: a.name }));
  }
}

export async function createService(ctx: CliContext, input: { name: string; slug?: string; builtins: boolean }): Promise<void> {
  const slug = input.slug ?? slugify(input.name, 'service');
  if (!(await slugIsFree(ctx.db, slug))) throw new CliError(t('errors.slugTaken', { slug }));
  const [service] = await ctx.db.insert(services).values({ slug, name: input.name, createdAt: ctx.clock.now() }).returning();
  await recordAudit(ctx.db, ctx.clock, { actor: cliActor(service!.id), action: 'service.create', subjectType: 'service', subjectId: service!.id, detail: { slug, name: input.name } });
  ctx.out(t('done.serviceCreated', { name: input.name, slug }));
  if (!input.builtins) return;
  const change = { db: ctx.db, clock: ctx.clock, actor: cliActor(service!.id), serviceId: service!.id };
  for (const builtin of BUILTIN_DEFINITIONS) await copyBuiltinForService(change, builtin.slug);
  ctx.out(t('done.builtinsInstalled', { slugs: BUILTIN_DEFINITIONS.map((q) => q.slug).join(', ') }));
}

export async function createArea(ctx: CliContext, input: { service: string; name: string; slug?: string }): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  const slug = input.slug ?? slugify(input.name, 'area');
  if (!(await slugIsFree(ctx.db, slug))) throw new CliError(t('errors.slugTaken', { slug }));
  const [area] = await ctx.db.insert(areas).values({ serviceId: service.id, slug, name: input.name, createdAt: ctx.clock.now() }).returning();
  await recordAudit(ctx.db, ctx.clock, { actor: cliActor(service.id), action: 'area.create', subjectType: 'area', subjectId: area!.id, detail: { slug, name: input.name } });
  ctx.out(t('done.areaCreated', { name: input.name, slug, service: service.slug }));
}
