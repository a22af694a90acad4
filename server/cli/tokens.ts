// API tokens from the command line, through the same functions as the admin page.
import { issueApiToken, revokeApiToken } from '../api/tokens.ts';
import { cliActor, CliError, serviceBySlug, t, type CliContext } from './context.ts';

export async function issueToken(ctx: CliContext, input: { service: string; name: string }): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  const issued = await issueApiToken(ctx.db, ctx.clock, { serviceId: service.id, name: input.name, createdBy: null, actor: cliActor(service.id) });
  ctx.out(t('done.tokenIssued', { name: issued.name, id: issued.id }));
  ctx.out(`  ${issued.token}`);
}

export async function revokeToken(ctx: CliContext, input: { service: string; id: string }): Promise<void> {
  const service = await serviceBySlug(ctx.db, input.service);
  if (!(await revokeApiToken(ctx.db, ctx.clock, { serviceId: service.id, tokenId: input.id, actor: cliActor(service.id) }))) {
    throw new CliError(t('errors.tokenNotFound', { service: service.slug, id: input.id }));
  }
  ctx.out(t('done.tokenRevoked', { id: input.id }));
}
