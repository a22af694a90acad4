// Who may see which report, on top of the access policy (server/staff/policy.ts):
//   - victims' reports only for roles allowed to see victims (reports.victims);
//   - an area-scoped role (team or case manager) sees its own area only: another area is
//     "not found" (404) and the whole service or the board overview is refused (403);
//   - the team version, with every small number, only for roles with reports.identifiable;
//   - the victim liaison officer works with victims only, so sees victims' reports only;
//   - one child's distance travelled only for staff who may see that case (visibleCases).
import { ApiError, errorText } from '../http/errors.ts';
import { can, scopeOf } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { Audience, ReportKind } from './model.ts';

export interface ReportRequest {
  area?: string;
  view?: Audience;
}

export interface GrantedReport {
  /** An area id or slug, or null for the whole service. */
  area: string | null;
  audience: Audience;
  allowVictims: boolean;
  /** Whether the person may pick another area or the whole service. */
  chooseArea: boolean;
  chooseView: boolean;
}

const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
const notFound = () => new ApiError(404, 'not_found', errorText('notFound.report'));

/** The kinds of report a person may open at all (for the reports page). */
export function reportsFor(p: StaffPrincipal): ReportKind[] {
  if (!can(p, 'reports.view')) return [];
  const scoped = scopeOf(p).kind !== 'service';
  const kinds: ReportKind[] = [];
  if (can(p, 'reports.children')) kinds.push('area');
  if (can(p, 'reports.children') && !scoped) kinds.push('board');
  if (can(p, 'reports.victims')) kinds.push('victims');
  if (can(p, 'reports.children')) kinds.push('distance');
  // The shared breakdown by group is for the whole service only (docs/reports.md).
  if (can(p, 'reports.children') && (!scoped || can(p, 'reports.identifiable'))) kinds.push('disproportionality');
  return kinds;
}

/**
 * Decides what a request for a report may show. `areaIds` maps the service's area slugs and ids
 * to ids, so a slug and an id for the same area are treated alike.
 */
export function grantReport(p: StaffPrincipal, kind: ReportKind, req: ReportRequest, areaIdOf: (slugOrId: string) => string | undefined): GrantedReport {
  if (!reportsFor(p).includes(kind)) {
    throw kind === 'victims' ? notFound() : forbidden(errorText('forbidden.report'));
  }
  const scope = scopeOf(p, 'reports.view');
  const scoped = scope.kind !== 'service';
  let area: string | null = req.area && req.area !== 'all' ? req.area : null;
  if (scoped) {
    if (scope.kind !== 'area') throw forbidden(errorText('forbidden.noArea'));
    const own = scope.areaId;
    if (req.area === 'all') throw forbidden(errorText('forbidden.ownAreaOnly'));
    if (area !== null && areaIdOf(area) !== own) throw notFound();
    area = own;
  }
  const mayTeam = can(p, 'reports.identifiable');
  if (req.view === 'team' && !mayTeam) throw forbidden(errorText('forbidden.sharedOnly'));
  return { area, audience: req.view ?? 'shared', allowVictims: can(p, 'reports.victims'), chooseArea: !scoped && kind !== 'board', chooseView: mayTeam };
}
