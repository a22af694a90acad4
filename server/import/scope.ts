// What a person (or an API token) may import, as the access policy scopes it: the whole service
// or one area; victims' surveys only for those who work with victims. One place for the staff
// page and the API; the CLI, run by the operator, imports for a whole service.
import { ApiError, errorText } from '../http/errors.ts';
import { can, caseKindsFor, scopeOf } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import type { ImportScope } from './check.ts';

/** Largest CSV accepted, by the staff page and the API alike. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function importScopeFor(p: StaffPrincipal): ImportScope {
  const scope = scopeOf(p, 'responses.import');
  if (scope.kind === 'none') {
    throw new ApiError(403, 'forbidden', can(p, 'responses.import') ? errorText('forbidden.importNoArea') : errorText('forbidden.import'));
  }
  return {
    serviceId: p.serviceId,
    areaId: scope.kind === 'area' ? scope.areaId : null,
    victims: caseKindsFor(p).includes('victim'),
    // Who keyed the rows in: a person; an API token is recorded in the audit log instead.
    enteredBy: p.kind === 'staff' ? p.id : null,
  };
}
