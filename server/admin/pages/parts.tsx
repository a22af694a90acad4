// Form pieces the admin pages share: the role radios and the area choice.
import type { StaffRole } from '../../../db/schema.ts';
import type { T } from '../../staff/pages/form-parts.tsx';
import { STAFF_ROLES } from '../roles.ts';
import type { StaffStatus } from '../users.ts';

export function RoleRadios({ t, value, error }: { t: T; value?: string; error?: string }) {
  return (
    <fieldset aria-describedby={error ? 'role-error' : undefined}>
      <legend>{t('admin.users.role')}</legend>
      {error && (
        <p class="error" id="role-error">
          {t(error)}
        </p>
      )}
      {STAFF_ROLES.map((role, i) => (
        <div class="choice" key={role}>
          <input type="radio" name="role" id={i === 0 ? 'role' : `role-${role}`} value={role} checked={value === role} />
          <label for={i === 0 ? 'role' : `role-${role}`}>
            {t(`roles.${role}`)} <span class="hint">– {t(`admin.roleHints.${role}`)}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function AreaSelect({ t, areas, value, error }: { t: T; areas: { id: string; name: string }[]; value?: string | null; error?: string }) {
  return (
    <div class="field">
      <label for="areaId">{t('admin.users.area')}</label>
      <p class="hint" id="areaId-hint">
        {t('admin.users.areaHint')}
      </p>
      {error && (
        <p class="error" id="areaId-error">
          {t(error)}
        </p>
      )}
      <select id="areaId" name="areaId" aria-describedby={error ? 'areaId-hint areaId-error' : 'areaId-hint'} aria-invalid={error ? 'true' : undefined}>
        <option value="">{t('admin.users.noArea')}</option>
        {areas.map((a) => (
          <option key={a.id} value={a.id} selected={value === a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

const TAG: Record<StaffStatus, string> = { active: 'tag green', invited: 'tag yellow', disabled: 'tag grey', locked: 'tag red' };

export function StatusTag({ t, status }: { t: T; status: StaffStatus }) {
  return <strong class={TAG[status]}>{t(`admin.status.${status}`)}</strong>;
}

export const roleName = (t: T, role: StaffRole) => t(`roles.${role}`);
