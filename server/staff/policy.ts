// The access policy: the one place that says who may do what and see which rows. Every staff
// route and API call asks here; every query for identifiable data adds the matching condition,
// so a row outside someone's reach is simply not found (404), never shown.
//
//   service admin        everything in their service
//   team manager         children's cases, responses, Tell Us and complaints in their area
//   case manager         their own cases and those cases' responses; Tell Us items the child
//                        chose to share with their worker (never a complaint they kept from them)
//   victim liaison       victims' cases and victim surveys only
//   participation lead   reports, anonymised comments, themes, "you said, we did"
//   board member         reports and anonymised comments only
// Nobody ever sees another service's data; a case manager never sees a victim's answers.
import { and, eq, exists, getTableName, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alerts, cases, complaints, questionnaires, responses, tellUsItems, type StaffRole } from '../../db/schema.ts';
import type { StaffPrincipal } from './principal.ts';

export const ACTIONS = [
  'admin', // users, settings, API tokens, audit log, outbox
  'questionnaires.manage',
  'questionnaires.build', // the step-by-step builder: drafts, translations, preview, publish
  'cases.child', // record children, issue invitations, review their responses
  'cases.victim', // record victims, issue victim survey invitations
  'responses.enter', // key in a paper form or phone call
  'alerts.handle',
  'tellus.handle', // read and handle Tell Us items, log one from phone/email/paper
  'complaints.handle',
  'comments.moderate', // tag themes, approve quotes for sharing
  'yousaid.manage',
  'reports.view',
  'reports.victims',
  'reports.identifiable', // reports without suppression (shared within the team only)
  'cases.read', // open the case list and the responses inbox (children's or victims' cases)
  'tellus.read', // open the Tell Us pages (the participation lead: anonymised words only)
  'comments.read', // open the comments pages (anonymised for those without comments.moderate)
  'responses.import', // check and import a file of earlier responses
  'responses.export', // download responses as CSV
  'cases.reassign', // hand a case (and its alerts) to someone else
  'caseloads.manage', // oversee caseloads: overdue reviews, who holds what, hand a whole caseload over
  'reports.children', // reports on children's questionnaires (area, board, distance travelled, by group)
  'comments.identifiable', // read comments in full (which response, when), not only approved quotes
  'quotes.approve', // approve a comment as a quote to share beyond the team
] as const;
export type Action = (typeof ACTIONS)[number];

export const GRANTS: Record<StaffRole, readonly Action[]> = {
  service_admin: ACTIONS,
  team_manager: ['cases.child', 'cases.read', 'cases.reassign', 'caseloads.manage', 'responses.enter', 'responses.import', 'responses.export', 'alerts.handle', 'tellus.handle', 'tellus.read', 'complaints.handle', 'comments.read', 'comments.identifiable', 'comments.moderate', 'quotes.approve', 'yousaid.manage', 'reports.view', 'reports.children', 'reports.identifiable'],
  case_manager: ['cases.child', 'cases.read', 'responses.enter', 'responses.export', 'alerts.handle', 'tellus.handle', 'tellus.read', 'reports.view', 'reports.children'],
  victim_liaison: ['cases.victim', 'cases.read', 'responses.enter', 'responses.export', 'alerts.handle', 'comments.read', 'comments.identifiable', 'comments.moderate', 'quotes.approve', 'reports.view', 'reports.victims', 'reports.identifiable'],
  participation_lead: ['tellus.read', 'comments.read', 'comments.moderate', 'yousaid.manage', 'reports.view', 'reports.children', 'reports.victims', 'questionnaires.build'],
  board_member: ['comments.read', 'reports.view', 'reports.children', 'reports.victims'],
};

export function can(p: StaffPrincipal, action: Action): boolean {
  return GRANTS[p.role].includes(action);
}

/** Who can hold (own) a case of each kind: the people a case can be handed to. */
export const CASE_HOLDERS = { child: ['case_manager', 'team_manager'], victim: ['victim_liaison'] } as const satisfies Record<string, readonly StaffRole[]>;
export const ALL_CASE_HOLDERS: readonly StaffRole[] = [...CASE_HOLDERS.child, ...CASE_HOLDERS.victim];

/** True for those who see only the cases they hold themselves (case managers), not everyone's in their scope. */
export const ownCasesOnly = (p: StaffPrincipal) => p.role === 'case_manager';

/** The roles that may do an action (for documents and tests; routes ask `requireStaff(action)`). */
export function rolesFor(action: Action): StaffRole[] {
  return (Object.keys(GRANTS) as StaffRole[]).filter((r) => GRANTS[r].includes(action));
}

/**
 * Where a person's reach lies. "The whole service" and "no area at all" are different kinds, so
 * an area role whose area was never set can never be mistaken for a service-wide one.
 */
export type Scope = { kind: 'service' } | { kind: 'area'; areaId: string } | { kind: 'none' };
export const SERVICE_SCOPE: Scope = Object.freeze({ kind: 'service' });
export const NO_SCOPE: Scope = Object.freeze({ kind: 'none' });

/** The roles that work in one area only; everyone else works across their service. */
export const AREA_ROLES: readonly StaffRole[] = ['team_manager', 'case_manager'];

/**
 * The scope of a person's data, or of one action: none when the action is not theirs, one area
 * for team and case managers (none if they have no area), the whole service for everyone else.
 */
export function scopeOf(p: StaffPrincipal, action?: Action): Scope {
  if (action && !can(p, action)) return NO_SCOPE;
  if (!AREA_ROLES.includes(p.role)) return SERVICE_SCOPE;
  return p.areaId ? { kind: 'area', areaId: p.areaId } : NO_SCOPE;
}

/** Whether a row in `areaId` (null: service-wide, no area) lies within a scope. */
export function scopeIncludes(scope: Scope, areaId: string | null): boolean {
  if (scope.kind === 'service') return true;
  if (scope.kind === 'area') return areaId === scope.areaId;
  return false;
}

/** The SQL condition for an area column under a scope (true, one area, or nothing). */
export function scopeCondition(scope: Scope, areaColumn: AnyPgColumn): SQL {
  if (scope.kind === 'service') return sql`true`;
  if (scope.kind === 'area') return eq(areaColumn, scope.areaId);
  return sql`false`;
}

/** Which kinds of case a role works with. */
export function caseKindsFor(p: StaffPrincipal): ('child' | 'victim')[] {
  if (p.role === 'service_admin') return ['child', 'victim'];
  if (p.role === 'victim_liaison') return ['victim'];
  if (p.role === 'team_manager' || p.role === 'case_manager') return ['child'];
  return [];
}

const nothing = sql`false`;

/**
 * A column as `"table"."column"`. Drizzle leaves columns unqualified in a one-table query, and
 * inside the correlated subqueries below an unqualified name could silently bind to the wrong
 * table; naming the table makes each condition mean exactly what it says.
 */
const col = (c: AnyPgColumn) => sql`${sql.identifier(getTableName(c.table))}.${sql.identifier(c.name)}`;

/** Cases this person may see (identifiable): use in every query on `cases`. */
export function visibleCases(p: StaffPrincipal): SQL {
  const kinds = caseKindsFor(p);
  if (kinds.length === 0) return nothing;
  const scope = scopeOf(p);
  if (scope.kind === 'none') return nothing;
  const conditions: SQL[] = [eq(cases.serviceId, p.serviceId), inArray(cases.kind, kinds), scopeCondition(scope, cases.areaId)];
  if (p.role === 'case_manager') conditions.push(eq(cases.ownerId, p.id));
  return and(...conditions)!;
}

const victimQuestionnaire = (questionnaireId: SQL) =>
  exists(sql`(select 1 from ${questionnaires} where ${col(questionnaires.id)} = ${questionnaireId} and (${col(questionnaires.audience)} = 'victim' or ${col(questionnaires.kind)} = 'victim_satisfaction'))`);

/**
 * Responses this person may open one by one (identifiable): use in every query on `responses`.
 * Victims' answers only for admins and victim liaison; a case manager only their own cases;
 * a team manager their area (including anonymous open-link responses from the area).
 */
export function visibleResponses(p: StaffPrincipal): SQL {
  const inService = eq(responses.serviceId, p.serviceId);
  switch (p.role) {
    case 'service_admin':
      return inService;
    case 'victim_liaison':
      return and(inService, victimQuestionnaire(col(responses.questionnaireId)))!;
    case 'team_manager':
      if (!p.areaId) return nothing;
      return and(inService, eq(responses.areaId, p.areaId), sql`not ${victimQuestionnaire(col(responses.questionnaireId))}`)!;
    case 'case_manager':
      return and(
        inService,
        sql`not ${victimQuestionnaire(col(responses.questionnaireId))}`,
        exists(sql`(select 1 from ${cases} where ${col(cases.id)} = ${col(responses.caseId)} and ${col(cases.ownerId)} = ${p.id})`),
      )!;
    default:
      return nothing;
  }
}

/** Alerts this person may see and act on. */
export function visibleAlerts(p: StaffPrincipal): SQL {
  const inService = eq(alerts.serviceId, p.serviceId);
  const victim = victimQuestionnaire(sql`(select ${col(responses.questionnaireId)} from ${responses} where ${col(responses.id)} = ${col(alerts.responseId)})`);
  switch (p.role) {
    case 'service_admin':
      return inService;
    case 'victim_liaison':
      return and(inService, victim)!;
    case 'team_manager':
      if (!p.areaId) return nothing;
      return and(inService, eq(alerts.areaId, p.areaId), sql`not ${victim}`)!;
    case 'case_manager':
      return and(inService, sql`not ${victim}`, or(eq(alerts.assignedTo, p.id), exists(sql`(select 1 from ${cases} where ${col(cases.id)} = ${col(alerts.caseId)} and ${col(cases.ownerId)} = ${p.id})`)))!;
    default:
      return nothing;
  }
}

/** Tell Us items (comments, compliments, complaints, ideas) this person may read in full. */
export function visibleTellUs(p: StaffPrincipal): SQL {
  const inService = eq(tellUsItems.serviceId, p.serviceId);
  switch (p.role) {
    case 'service_admin':
      return inService;
    case 'team_manager':
      return p.areaId ? and(inService, eq(tellUsItems.areaId, p.areaId))! : nothing;
    case 'case_manager':
      // Only what the child chose to share with their worker ("Would you like your worker to
      // know?" — yes): about their own cases, or their area's open items about no case. What
      // the child kept from their worker (a complaint about them, above all) goes to the people
      // the complaints procedure names, never to case managers. Plus what they logged themselves.
      return p.areaId
        ? and(
            inService,
            or(
              and(
                eq(tellUsItems.tellMyWorker, true),
                or(
                  exists(sql`(select 1 from ${cases} where ${col(cases.id)} = ${col(tellUsItems.caseId)} and ${col(cases.ownerId)} = ${p.id})`),
                  and(isNull(tellUsItems.caseId), eq(tellUsItems.areaId, p.areaId), isNull(tellUsItems.handledAt)),
                ),
              ),
              eq(tellUsItems.loggedBy, p.id),
            ),
          )!
        : nothing;
    default:
      return nothing;
  }
}

/** Complaints this person may see and handle. */
export function visibleComplaints(p: StaffPrincipal): SQL {
  const inService = eq(complaints.serviceId, p.serviceId);
  switch (p.role) {
    case 'service_admin':
      return inService;
    case 'team_manager':
      return p.areaId ? and(inService, or(eq(complaints.areaId, p.areaId), eq(complaints.ownerId, p.id)))! : nothing;
    case 'case_manager':
      return and(inService, eq(complaints.ownerId, p.id))!;
    default:
      return nothing;
  }
}

const PARTICIPATION_TYPES = ['comment', 'compliment', 'idea'] as const;

/**
 * Tell Us items the participation lead reads anonymised: comments, compliments and ideas in
 * their service, never complaints. Select only the type, the text and when it arrived with
 * this — never the case, contact details, area or who logged it.
 */
export function tellUsForParticipation(p: StaffPrincipal): SQL {
  if (p.role !== 'participation_lead') return nothing;
  return and(eq(tellUsItems.serviceId, p.serviceId), inArray(tellUsItems.type, [...PARTICIPATION_TYPES]))!;
}

/** Who reads the contact details left with a Tell Us comment, compliment or idea, to reply. */
export function readsTellUsContact(p: StaffPrincipal): boolean {
  return p.kind === 'staff' && (p.role === 'service_admin' || p.role === 'team_manager');
}

/** A complainant's contact details are for the complaint's owner (its handler) alone. */
export function readsComplaintContact(p: StaffPrincipal, complaint: { ownerId: string | null }): boolean {
  return p.kind === 'staff' && complaint.ownerId === p.id;
}

/** What a set of contact details was left for: the reply that has to be made, and by whom. */
export type ContactPurpose =
  | { kind: 'complaint'; ownerId: string | null }
  | { kind: 'tell_us' }
  | { kind: 'response'; caseOwnerId: string | null };

/**
 * Who may read contact details a child or victim left for a reply: only the people who must
 * reply — a complaint's owner; for other Tell Us items the managers who answer them; for any
 * other questionnaire the worker who holds the case (or, with no case, the area's managers).
 * The same rule on every page that could show them (a response, a Tell Us item, a complaint).
 */
export function readsContact(p: StaffPrincipal, purpose: ContactPurpose): boolean {
  if (p.kind !== 'staff') return false;
  switch (purpose.kind) {
    case 'complaint':
      return readsComplaintContact(p, purpose);
    case 'tell_us':
      return readsTellUsContact(p);
    case 'response':
      return purpose.caseOwnerId ? purpose.caseOwnerId === p.id : readsTellUsContact(p) || p.role === 'victim_liaison';
  }
}
