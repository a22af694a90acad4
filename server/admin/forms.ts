// The admin forms, parsed with zod. Messages are keys in the `staff` locale namespace.
import { z } from 'zod';
import { STAFF_ROLES } from '../../db/schema.ts';
import { needsArea } from './roles.ts';

const roleAndArea = {
  role: z.enum(STAFF_ROLES, 'errors.roleMissing'),
  areaId: z
    .string()
    .transform((s) => (s === '' ? null : s))
    .pipe(z.uuid('errors.areaMissing').nullable()),
};

/** Area-scoped roles need an area; service-wide roles have none (whatever was chosen). */
const areaFitsRole = <T extends { role: (typeof STAFF_ROLES)[number]; areaId: string | null }>(f: T, ctx: z.RefinementCtx) => {
  if (needsArea(f.role) && !f.areaId) ctx.addIssue({ code: 'custom', message: 'errors.areaMissing', path: ['areaId'] });
};
const dropAreaIfServiceWide = <T extends { role: (typeof STAFF_ROLES)[number]; areaId: string | null }>(f: T): T => (needsArea(f.role) ? f : { ...f, areaId: null });

export const InviteForm = z
  .object({
    name: z.string().trim().min(1, 'errors.personNameMissing').max(120, 'errors.nameTooLong'),
    email: z.string().trim().pipe(z.email('errors.emailInvalid')),
    ...roleAndArea,
  })
  .superRefine(areaFitsRole)
  .transform(dropAreaIfServiceWide);

export const RoleForm = z.object(roleAndArea).superRefine(areaFitsRole).transform(dropAreaIfServiceWide);

export const ResetForm = z.object({ removeTwoFactor: z.literal('yes').optional().catch(undefined) }).transform((f) => ({ removeTwoFactor: f.removeTwoFactor === 'yes' }));
