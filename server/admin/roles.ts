// Which roles work in one area (the access policy limits them to it: see areaScope in
// server/staff/policy.ts) and which across the whole service.
import { STAFF_ROLES, type StaffRole } from '../../db/schema.ts';

export const AREA_ROLES: readonly StaffRole[] = ['team_manager', 'case_manager'];
export const needsArea = (role: StaffRole) => AREA_ROLES.includes(role);
export { STAFF_ROLES };
