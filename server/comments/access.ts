// Who sees which comments, and who may tag and approve them. In the style of the access policy
// (server/staff/policy.ts), which this builds on:
//   service admin        every comment in the service, in full; tags and approves
//   team manager         their area's comments (not victims'), in full; tags and approves
//   victim liaison       victims' comments only (never children's or Tell Us), in full; tags and approves
//   participation lead   only quotes approved for sharing, anonymised; tags them and keeps the themes
//   board member         only quotes approved for sharing, anonymised; reads
// Complaints are never comments here: they go through the complaints procedure.
import { can, scopeOf } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';

export interface CommentAccess {
  serviceId: string;
  /** Sees the comment itself with where and when it came from, approved or not. */
  full: boolean;
  /** null: every area. */
  areaId: string | null;
  /** Victims' survey comments. */
  victims: boolean;
  /** Children's comments: free-text answers to other surveys, and Tell Us. */
  children: boolean;
  canTag: boolean;
  canApprove: boolean;
}

/** What this person may do with comments, or undefined when they have no business with them. */
export function commentAccess(p: StaffPrincipal): CommentAccess | undefined {
  const scope = scopeOf(p, 'comments.read');
  if (scope.kind === 'none') return undefined;
  const full = can(p, 'comments.identifiable');
  return {
    serviceId: p.serviceId,
    full,
    areaId: scope.kind === 'area' ? scope.areaId : null,
    // Victims' words in full only to those who handle victims' cases; as quotes to whoever reads victims' reports.
    victims: full ? can(p, 'cases.victim') : can(p, 'reports.victims'),
    children: full ? can(p, 'cases.child') : can(p, 'reports.children'),
    canTag: can(p, 'comments.moderate'),
    canApprove: can(p, 'quotes.approve'),
  };
}

