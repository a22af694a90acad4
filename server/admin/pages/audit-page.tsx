// Admin → Audit log: search form (GET), results a page at a time, CSV export of every match.
import { ErrorSummary, Field, type T } from '../../staff/pages/form-parts.tsx';
import type { AuditRow } from '../../audit/search.ts';

export interface AuditPageProps {
  t: T;
  query: Record<string, string>;
  choices: { actions: string[]; subjectTypes: string[]; people: { id: string; name: string; email: string }[] };
  result: { rows: AuditRow[]; total: number; page: number; pages: number } | undefined;
  errors: Record<string, string>;
  formatWhen: (d: Date) => string;
}

function Choice({ id, label, value, options, any }: { id: string; label: string; value?: string; options: { value: string; label: string }[]; any: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const queryString = (q: Record<string, string>, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v && k !== 'page') params.set(k, v);
  if (extra.page) params.set('page', extra.page);
  const s = params.toString();
  return s ? `?${s}` : '';
};

function actorOf(t: T, row: AuditRow): string {
  if (row.actorKind === 'staff' && row.actorName) return `${row.actorName} (${row.actorEmail})`;
  if (row.actorKind === 'api') return t('audit.actor.api', { name: row.actorName ?? row.actorId ?? '' });
  return t(`audit.actor.${row.actorKind}`);
}

/** What an action code means, in plain words (the code itself where no words are written yet). */
export const actionWords = (t: T, code: string): string => t(`audit.actions.${code}`, { defaultValue: code });

const detailText = (detail: Record<string, unknown>) => (Object.keys(detail).length === 0 ? '' : JSON.stringify(detail));

export function AuditPage(p: AuditPageProps) {
  const { t, query, choices, result, errors } = p;
  const any = t('audit.any');
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form method="get" action="/staff/admin/audit" novalidate>
        <Choice id="action" label={t('audit.filters.action')} value={query.action} any={any} options={choices.actions.map((a) => ({ value: a, label: actionWords(t, a) })).sort((x, y) => x.label.localeCompare(y.label))} />
        <Choice id="actor" label={t('audit.filters.actor')} value={query.actor} any={any} options={choices.people.map((s) => ({ value: s.id, label: `${s.name} (${s.email})` }))} />
        <Choice id="subjectType" label={t('audit.filters.subjectType')} value={query.subjectType} any={any} options={choices.subjectTypes.map((s) => ({ value: s, label: s }))} />
        <Field id="caseReference" label={t('audit.filters.caseReference')} hint={t('audit.filters.caseReferenceHint')} value={query.caseReference} spellcheck={false} />
        <Field id="subjectId" label={t('audit.filters.subjectId')} hint={t('audit.filters.subjectIdHint')} value={query.subjectId} spellcheck={false} />
        <Field id="from" type="date" label={t('audit.filters.from')} value={query.from} error={errors.from && t(errors.from)} />
        <Field id="to" type="date" label={t('audit.filters.to')} value={query.to} error={errors.to && t(errors.to)} />
        <button type="submit">{t('audit.filters.submit')}</button>
        <a class="button secondary" href="/staff/admin/audit">
          {t('audit.filters.clear')}
        </a>
      </form>

      {result && (
        <>
          <h2 id="results-heading">{t('audit.results', { count: result.total })}</h2>
          {result.total > 0 && (
            <p>
              <a href={`/staff/admin/audit/export.csv${queryString(query)}`} download>
                {t('audit.export', { count: result.total })}
              </a>
            </p>
          )}
          {result.rows.length > 0 && (
            // Focusable, so the table can be scrolled sideways with the keyboard on a narrow screen.
            <div class="table-wrap" role="region" aria-labelledby="results-heading" tabIndex={0}>
              <table aria-labelledby="results-heading">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.columns.at')}</th>
                    <th scope="col">{t('audit.columns.actor')}</th>
                    <th scope="col">{t('audit.columns.action')}</th>
                    <th scope="col">{t('audit.columns.subject')}</th>
                    <th scope="col">{t('audit.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id}>
                      <td>{p.formatWhen(row.at)}</td>
                      <td>{actorOf(t, row)}</td>
                      <td>
                        {actionWords(t, row.action)}
                        <br />
                        <code class="muted">{row.action}</code>
                      </td>
                      <td>{row.subjectType ? `${row.subjectType} ${row.subjectId ?? ''}` : ''}</td>
                      <td>
                        <code>{detailText(row.detail)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.pages > 1 && (
            <nav aria-label={t('audit.pagination')}>
              <p>{t('audit.pageOf', { page: result.page, pages: result.pages })}</p>
              <ul class="pagination">
                {result.page > 1 && (
                  <li>
                    <a href={`/staff/admin/audit${queryString(query, { page: String(result.page - 1) })}`} rel="prev">
                      {t('audit.previous')}
                    </a>
                  </li>
                )}
                {result.page < result.pages && (
                  <li>
                    <a href={`/staff/admin/audit${queryString(query, { page: String(result.page + 1) })}`} rel="next">
                      {t('audit.next')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
