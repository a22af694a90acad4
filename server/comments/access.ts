// Who sees which comments, and who may tag and approve them. In the style of the access policy
// (server/staff/policy.ts), which this builds on:
//   service admin        every comment in the service, in full; tags and approves
//   team manager         their area's comments (not victims'), in full; tags and approves
//   participation lead   only quotes approved for sharing, anonymised; tags them and keeps the themes
//   board member         only quotes approved for sharing, anonymised; reads
// Complaints are never comments here: they go through the complaints procedure.
import { can } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export interface CommentAccess {
  serviceId: string;
  /** Sees the comment itself with where and when it came from, approved or not. */
  full: boolean;
  /** null: every area. */
  areaId: string | null;
  /** Victims' survey comments. */
  victims: boolean;
  canTag: boolean;
  canApprove: boolean;
}

/** What this person may do with comments, or undefined when they have no business with them. */
export function commentAccess(p: StaffPrincipal): CommentAccess | undefined {
  const tag = can(p, 'comments.moderate');
  switch (p.role) {
    case 'service_admin':
      return { serviceId: p.serviceId, full: true, areaId: null, victims: true, canTag: tag, canApprove: tag };
    case 'team_manager':
      return p.areaId ? { serviceId: p.serviceId, full: true, areaId: p.areaId, victims: false, canTag: tag, canApprove: tag } : undefined;
    case 'participation_lead':
    case 'board_member':
      return { serviceId: p.serviceId, full: false, areaId: null, victims: can(p, 'reports.victims'), canTag: tag, canApprove: false };
    default:
      return undefined;
  }
}

