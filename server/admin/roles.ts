// Which roles work in one area and which across the whole service: the access policy says
// (server/staff/policy.ts); the user forms ask an area of exactly those roles.
import { STAFF_ROLES, type StaffRole } from '../../db/schema.ts';
import { AREA_ROLES } from '../staff/policy.ts';

export const needsArea = (role: StaffRole) => AREA_ROLES.includes(role);
export { AREA_ROLES, STAFF_ROLES };
