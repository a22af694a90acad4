// The staff pages' sections, each listed in the navigation when the access policy lets the
// person do its action. The frame (server/ui/staff-page.tsx) is given this through the
// composition, so the shared view parts never import the policy.
import { can, type Action } from './policy.ts';
import type { StaffPrincipal } from './principal.ts';

export type StaffSection =
  | 'home'
  | 'alerts'
  | 'cases'
  | 'responses'
  | 'tell-us'
  | 'complaints'
  | 'comments'
  | 'import'
  | 'export'
  | 'reports'
  | 'you-said-we-did'
  | 'questionnaires'
  | 'builder'
  | 'admin';

/** Navigation: a section is listed when the role may do its action. */
const SECTIONS: { id: StaffSection; href: string; action?: Action }[] = [
  { id: 'home', href: '/staff' },
  { id: 'alerts', href: '/staff/alerts', action: 'alerts.handle' },
  { id: 'cases', href: '/staff/cases', action: 'cases.read' },
  { id: 'responses', href: '/staff/responses', action: 'cases.read' },
  // The participation lead reads the anonymised comments, compliments and ideas there too.
  { id: 'tell-us', href: '/staff/tell-us', action: 'tellus.read' },
  { id: 'complaints', href: '/staff/complaints', action: 'complaints.handle' },
  { id: 'comments', href: '/staff/comments', action: 'comments.read' },
  { id: 'import', href: '/staff/import', action: 'responses.import' },
  { id: 'export', href: '/staff/export', action: 'responses.export' },
  { id: 'reports', href: '/staff/reports', action: 'reports.view' },
  { id: 'you-said-we-did', href: '/staff/you-said-we-did', action: 'yousaid.manage' },
  { id: 'questionnaires', href: '/staff/questionnaires', action: 'questionnaires.manage' },
  { id: 'builder', href: '/staff/builder', action: 'questionnaires.build' },
  { id: 'admin', href: '/staff/admin', action: 'admin' },
];

export interface NavSection {
  id: StaffSection;
  href: string;
}

/** The sections this person's role may open, in the navigation's order. */
export function sectionsFor(staff: StaffPrincipal): NavSection[] {
  return SECTIONS.filter((s) => !s.action || can(staff, s.action)).map(({ id, href }) => ({ id, href }));
}
