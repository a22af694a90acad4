// The commands: their options (for node:util parseArgs) and a zod schema for the values, so a
// bad value is refused with the option's name before anything is opened or written.
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { STAFF_ROLES } from '../../db/schema.ts';
import { Slug } from '../questionnaires-admin/links.ts';
import type { CliContext } from './context.ts';
import { importQuestionnaire } from './questionnaires.ts';
import { importResponsesFile } from './responses.ts';
import { createArea, createService, listServices } from './services.ts';
import { issueToken, revokeToken } from './tokens.ts';
import { createUser } from './users.ts';

const Name = z.string().trim().min(1, 'give a name').max(120, 'use 120 characters or fewer');

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  options: Options;
  /** How many positional arguments it takes (import-questionnaire takes the file). */
  positionals?: number;
  schema: z.ZodType;
  run(ctx: CliContext, values: never): Promise<void>;
}

const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

function command<S extends z.ZodType>(c: { options: Options; positionals?: number; schema: S; run(ctx: CliContext, values: z.output<S>): Promise<void> }): Command {
  return c as unknown as Command;
}

export const COMMANDS: Record<string, Command> = {
  'list-services': command({ options: {}, schema: z.object({}), run: (ctx) => listServices(ctx) }),
  'create-service': command({
    options: { name: str, slug: str, builtins: flag },
    schema: z.object({ name: Name, slug: Slug.optional(), builtins: z.boolean().default(true) }),
    run: createService,
  }),
  'create-area': command({
    options: { service: str, name: str, slug: str },
    schema: z.object({ service: Slug, name: Name, slug: Slug.optional() }),
    run: createArea,
  }),
  'create-user': command({
    options: { service: str, email: str, name: str, role: str, area: str, 'password-stdin': flag },
    schema: z
      .object({
        service: Slug,
        email: z.string().trim().pipe(z.email('an email address')),
        name: Name,
        role: z.enum(STAFF_ROLES, `one of ${STAFF_ROLES.join(', ')}`),
        area: Slug.optional(),
        'password-stdin': z.boolean().default(false),
      })
      .transform(({ 'password-stdin': passwordStdin, ...rest }) => ({ ...rest, passwordStdin })),
    run: createUser,
  }),
  'issue-token': command({
    options: { service: str, name: str },
    schema: z.object({ service: Slug, name: z.string().trim().min(1, 'give the token a name').max(100, 'use 100 characters or fewer') }),
    run: issueToken,
  }),
  'revoke-token': command({
    options: { service: str, id: str },
    schema: z.object({ service: Slug, id: z.uuid('the token id that issue-token printed') }),
    run: revokeToken,
  }),
  'import-questionnaire': command({
    options: { service: str, 'open-link': flag },
    positionals: 1,
    schema: z
      .object({ service: Slug, 'open-link': z.boolean().optional(), file: z.string().min(1, 'give the definition file') })
      .transform(({ 'open-link': openLink, ...rest }) => ({ ...rest, openLink })),
    run: importQuestionnaire,
  }),
  'import-responses': command({
    options: { service: str, 'dry-run': flag },
    positionals: 1,
    schema: z
      .object({ service: Slug, 'dry-run': z.boolean().default(false), file: z.string().min(1, 'give the CSV file') })
      .transform(({ 'dry-run': dryRun, ...rest }) => ({ ...rest, dryRun })),
    run: importResponsesFile,
  }),
};
