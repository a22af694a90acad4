// Shortening how long Heard keeps identifiable data is checked first: the page says how many
// responses and Tell Us items the next retention run (within the hour) will anonymise, and the
// change goes ahead only when the admin confirms it.
import type { RetentionImpact } from '../../privacy/retention.ts';
import { type T } from '../../staff/pages/form-parts.tsx';
import { CsrfField } from '../../ui/staff-page.tsx';

export function RetentionConfirmPage(p: { t: T; csrfToken: string; values: Record<string, string>; from: number; to: number; impact: RetentionImpact }) {
  const { t } = p;
  return (
    <>
      <h1>{t('admin.settings.confirm.title')}</h1>
      <p>{t('admin.settings.confirm.change', { from: p.from, to: p.to })}</p>
      <div class="notice" role="status">
        <p>{t('admin.settings.confirm.impact', { responses: p.impact.responses, tellUs: p.impact.tellUsItems, to: p.to })}</p>
        <p>{t('admin.settings.confirm.final')}</p>
      </div>
      <form method="post" action="/staff/admin/settings" novalidate>
        <CsrfField token={p.csrfToken} />
        {Object.entries(p.values).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="confirmRetention" value={String(p.to)} />
        <button type="submit" class="warning">
          {t('admin.settings.confirm.submit', { to: p.to })}
        </button>
      </form>
      <p>
        <a href="/staff/admin/settings">{t('admin.settings.confirm.cancel', { from: p.from })}</a>
      </p>
    </>
  );
}
