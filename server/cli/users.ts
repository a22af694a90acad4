// create-user: a member of staff, with either a one-time link to choose their own password (the
// same invite link an admin sends from the staff pages) or a password read from standard input,
// so it never appears in the shell history or the process list.
import { and, eq, sql } from 'drizzle-orm';
import { areas, staffUsers, type StaffRole } from '../../db/schema.ts';
import { needsArea } from '../admin/roles.ts';
import { recordAudit } from '../audit/record.ts';
import { PASSWORD_MIN } from '../staff/forms.ts';
import { issueLink, linkPath } from '../staff/one-time-links.ts';
import { hashPassword } from '../staff/password.ts';
import { cliActor, CliError, serviceBySlug, t, type CliContext } from './context.ts';

const PASSWORD_MAX = 200;

export interface NewUser {
  service: string;
  email: string;
  name: string;
  role: StaffRole;
  area?: string;
  passwordStdin: boolean;
}

/** The password as piped in: one trailing line break (from echo or a file) is not part of it. */
export function passwordFromStdin(raw: string): string {
  const password = raw.replace(/\r?\n$/, '');
  if ([...password].length < PASSWORD_MIN) throw new CliError(t('errors.passwordTooShort', { min: PASSWORD_MIN }));
  if ([...password].length > PASSWORD_MAX) throw new CliError(t('errors.passwordTooLong', { max: PASSWORD_MAX }));
  return password;
}

export async function createUser(ctx: CliContext, input: NewUser): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  const roleName = input.role.replace(/_/g, ' ');
  if (needsArea(input.role) && !input.area) throw new CliError(t('errors.areaNeeded', { role: roleName }));
  if (!needsArea(input.role) && input.area) throw new CliError(t('errors.areaNotUsed', { role: roleName }));
  const [area] = input.area ? await ctx.db.select().from(areas).where(and(eq(areas.serviceId, service.id), eq(areas.slug, input.area))) : [];
  if (input.area && !area) throw new CliError(t('errors.unknownArea', { service: service.slug, slug: input.area }));
  const password = input.passwordStdin ? passwordFromStdin(await ctx.readStdin()) : undefined;
  const passwordHash = password ? await hashPassword(password) : null;

  const result = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.serviceId, service.id), sql`lower(${staffUsers.email}) = lower(${input.email})`));
    if (taken) return undefined;
    const now = ctx.clock.now();
    const [user] = await tx
      .insert(staffUsers)
      .values({ serviceId: service.id, areaId: area?.id ?? null, email: input.email, name: input.name, role: input.role, passwordHash, passwordChangedAt: passwordHash ? now : null, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!user) return undefined;
    const link = passwordHash ? undefined : await issueLink(tx, ctx.clock, { purpose: 'invite', userId: user.id, serviceId: service.id });
    await recordAudit(tx, ctx.clock, {
      actor: cliActor(service.id),
      action: 'user.create',
      subjectType: 'staff_user',
      subjectId: user.id,
      detail: { role: input.role, areaId: area?.id ?? null, password: passwordHash ? 'set' : 'invite_link' },
    });
    return { user, link };
  });
  if (!result) throw new CliError(t('errors.emailTaken', { email: input.email }));
  ctx.out(t('done.userCreated', { name: input.name, email: input.email, role: roleName }));
  if (!result.link) return ctx.out(t('done.passwordSet'));
  ctx.out(t('done.inviteLink', { expires: result.link.expiresAt.toISOString() }));
  ctx.out(`  ${ctx.config.publicUrl}${linkPath('invite', result.link.token)}`);
}
