import type { StaffRole } from '../../db/schema.ts';

/** The signed-in member of staff (or API token) a request acts for. Set by the sign-in middleware. */
export interface StaffPrincipal {
  kind: 'staff' | 'api';
  /** The staff user's id; for an API token, the token's id. */
  id: string;
  serviceId: string;
  /** The area an area-scoped role works in; null for service-wide roles. */
  areaId: string | null;
  role: StaffRole;
  name: string;
  email: string;
}
