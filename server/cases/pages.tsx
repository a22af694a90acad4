// The case pages: the list (search by reference), the form to record or correct a case, and
// the case itself with its invitations and answers.
import { pageTranslator } from '../i18n/request-language.ts';
import type { TFunction } from 'i18next';
import { Fragment, type ComponentChildren } from 'preact';
import { CsrfField } from '../ui/staff-page.tsx';
import { FormKeyField } from '../staff/form-key-field.tsx';
import { ErrorSummary, SelectField, TableWrap, TextField, type FieldError } from '../ui/form-parts.tsx';
import { formatDay } from '../time/format.ts';
import type { CaseFormError, CaseFormValues } from './form.ts';
import { REPORTING_DETAIL_NAMES, REPORTING_DETAILS, type ReportingDetail } from './reporting-details.ts';
import { CASES_PER_PAGE, type CaseDetail, type CaseListQuery, type CaseSummary } from './store.ts';

type T = TFunction;

const fieldIds: Record<string, string> = { caseReference: 'caseReference', areaId: 'areaId', kind: 'kind' };
export const caseFormErrors = (t: T, errors: CaseFormError[]): FieldError[] => errors.map((e) => ({ id: fieldIds[e.field] ?? e.field, message: t(e.key) }));

function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="success" role="status">
      <p>{children}</p>
    </div>
  );
}

const cw = pageTranslator('casework');
const tv = pageTranslator('victims');

export function CaseListPage(props: {
  t: T;
  query: CaseListQuery;
  rows: CaseSummary[];
  total: number;
  victimsOnly: boolean;
  showKind: boolean;
  zone: string;
  canHandOver?: boolean;
  /** Whether this person records victims' contact (and so may import those records). */
  recordsVictims?: boolean;
  /** The people whose caseload can be shown on its own (for those who oversee caseloads). */
  holders?: { id: string; name: string }[];
}) {
  const { t, query, rows, total, victimsOnly, showKind, zone } = props;
  const pages = Math.max(1, Math.ceil(total / CASES_PER_PAGE));
  const link = (page: number) => `/staff/cases?${new URLSearchParams({ search: query.search, status: query.status, ...(query.holder ? { holder: query.holder } : {}), page: String(page) })}`;
  const empty = query.search ? t('list.noneFound', { search: query.search }) : query.status === 'open' && total === 0 ? t(victimsOnly ? 'list.noneVictims' : 'list.none') : t('list.noneInStatus');
  return (
    <>
      <h1>{t(victimsOnly ? 'list.titleVictims' : 'list.title')}</h1>
      <p>{t(victimsOnly ? 'list.introVictims' : 'list.intro')}</p>
      <p>
        <a class="button" href="/staff/cases/new">
          {t('list.new')}
        </a>
        {props.canHandOver && (
          <>
            {' '}
            <a class="button secondary" href="/staff/caseloads/hand-over">
              {cw('handOver.title')}
            </a>
          </>
        )}
        {props.recordsVictims && (
          <>
            {' '}
            <a class="button secondary" href="/staff/victim-contacts/import">
              {tv('import.link')}
            </a>
          </>
        )}
      </p>
      <form method="get" action="/staff/cases" role="search">
        <TextField id="search" type="search" label={t('list.search')} hint={t('list.searchHint')} value={query.search} spellcheck={false} />
        <SelectField
          id="status"
          label={t('list.status')}
          value={query.status}
          options={[
            { value: 'open', label: t('list.statusOpen') },
            { value: 'closed', label: t('list.statusClosed') },
            { value: 'all', label: t('list.statusAll') },
          ]}
        />
        {props.holders && (
          <SelectField id="holder" label={t('list.holder')} value={query.holder ?? ''} blank={t('list.holderAnyone')} options={props.holders.map((h) => ({ value: h.id, label: h.name }))} />
        )}
        <button type="submit" class="secondary">
          {t('list.searchButton')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="notice">{empty}</p>
      ) : (
        <TableWrap label={t('list.tableLabel')}>
          <table>
            <caption>{t('list.caption', { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.reference')}</th>
                {showKind && <th scope="col">{t('list.kind')}</th>}
                <th scope="col">{t('list.area')}</th>
                <th scope="col">{t('list.owner')}</th>
                <th scope="col">{t('list.recorded')}</th>
                <th scope="col">{t('list.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={`/staff/cases/${r.id}`}>{r.caseReference}</a>
                  </th>
                  {showKind && <td>{t(`kind.${r.kind}`)}</td>}
                  <td>{r.areaName}</td>
                  <td>{r.ownerName ?? t('list.noOwner')}</td>
                  <td>{formatDay(r.createdAt, zone)}</td>
                  <td>{r.closedAt ? <span class="tag grey">{t('status.closed')}</span> : <span class="tag green">{t('status.open')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {pages > 1 && (
        <nav aria-label={t('list.pagination')}>
          <p>{t('list.page', { page: query.page, pages })}</p>
          {query.page > 1 && (
            <a href={link(query.page - 1)} rel="prev">
              {t('list.previous')}
            </a>
          )}{' '}
          {query.page < pages && (
            <a href={link(query.page + 1)} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

function DetailFields({ t, values, errors }: { t: T; values: CaseFormValues; errors: CaseFormError[] }) {
  const errorOf = (d: ReportingDetail) => {
    const e = errors.find((x) => x.field === d);
    return e ? t(e.key) : undefined;
  };
  return (
    <fieldset>
      <legend>
        <h2>{t('form.detailsTitle')}</h2>
      </legend>
      <p class="hint">{t('form.detailsIntro')}</p>
      {REPORTING_DETAIL_NAMES.map((d) => (
        <SelectField
          key={d}
          id={d}
          label={t(`form.${d}`)}
          hint={d === 'ethnicity' ? t('form.ethnicityHint') : undefined}
          error={errorOf(d)}
          value={values.details[d] ?? ''}
          blank={t('form.notRecorded')}
          options={(REPORTING_DETAILS[d] as readonly string[]).map((v) => ({ value: v, label: v }))}
        />
      ))}
    </fieldset>
  );
}

export function CaseFormPage(props: {
  t: T;
  csrf: string;
  mode: 'new' | 'edit';
  action: string;
  cancel: string;
  values: CaseFormValues;
  errors: CaseFormError[];
  /** The areas to choose from, or the one fixed area's name. */
  area: { choose: { id: string; name: string }[] } | { fixed: string } | undefined;
  /** Whose case it is: only a child's case has reporting details. */
  kind: 'child' | 'victim';
  /** This person records both kinds (the kind was chosen on the page before). */
  chooseKind: boolean;
  reference?: string;
  /** A new case's form key (form-once.ts): a double press records one case. */
  formKey?: string;
}) {
  const { t, values, errors } = props;
  const errorOf = (f: string) => {
    const e = errors.find((x) => x.field === f);
    return e ? t(e.key) : undefined;
  };
  return (
    <>
      <ErrorSummary title={t('errors.summary')} errors={caseFormErrors(t, errors)} />
      <h1>{props.mode === 'new' ? t('form.newTitle') : t('form.editTitle', { reference: props.reference })}</h1>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        {props.mode === 'new' && <FormKeyField value={props.formKey} />}
        <TextField id="caseReference" label={t('form.reference')} hint={t('form.referenceHint')} error={errorOf('caseReference')} value={values.caseReference} spellcheck={false} />
        {props.chooseKind && (
          <p>
            <input type="hidden" name="kind" value={props.kind} />
            {t(`form.kindIs.${props.kind}`)} <a href="/staff/cases/new">{t('form.kindChange')}</a>
          </p>
        )}
        {props.area && 'choose' in props.area && (
          <SelectField id="areaId" label={t('form.area')} error={errorOf('areaId')} value={values.areaId} blank="" options={props.area.choose.map((a) => ({ value: a.id, label: a.name }))} />
        )}
        {props.area && 'fixed' in props.area && <p>{t('form.areaFixed', { area: props.area.fixed })}</p>}
        {props.kind === 'child' && (
          <TextField id="orderEndsOn" type="date" label={t('form.orderEndsOn')} hint={t('form.orderEndsOnHint')} error={errorOf('orderEndsOn')} value={values.orderEndsOn} width="short" />
        )}
        {props.kind === 'child' ? <DetailFields t={t} values={values} errors={errors} /> : props.mode === 'new' && <p class="hint">{t('form.victimNext')}</p>}
        <button type="submit">{props.mode === 'new' ? t('form.create') : t('form.save')}</button>
        <a class="button secondary" href={props.cancel}>
          {t('form.cancel')}
        </a>
      </form>
    </>
  );
}

/** For someone who records both kinds: whose case is it? Each choice opens its own form. */
export function CaseKindChoice({ t, error }: { t: T; error?: string }) {
  return (
    <>
      <ErrorSummary title={t('errors.summary')} errors={error ? [{ id: 'kind-choice', message: error }] : []} />
      <h1>{t('form.newTitle')}</h1>
      <p>{t('form.kindQuestion')}</p>
      <ul class="choices" id="kind-choice">
        <li>
          <a href="/staff/cases/new?kind=child">{t('form.kindChild')}</a>
        </li>
        <li>
          <a href="/staff/cases/new?kind=victim">{t('form.kindVictim')}</a>
        </li>
      </ul>
    </>
  );
}

export function CasePage(props: {
  t: T;
  csrf: string;
  found: CaseDetail;
  zone: string;
  notice?: string;
  showKind: boolean;
  owners: { id: string; name: string }[] | undefined;
  canEnter: boolean;
  /** For a victim's case: their contact and restorative justice record. */
  victimContact?: ComponentChildren;
  invitations: ComponentChildren;
  responses: ComponentChildren;
}) {
  const { t, csrf, found, zone } = props;
  const base = `/staff/cases/${found.id}`;
  return (
    <>
      {props.notice && <Notice>{props.notice}</Notice>}
      <h1>{t('view.title', { reference: found.caseReference })}</h1>
      {found.kind === 'child' && (
        <p>
          <a href={`/staff/reports/distance/cases/${found.id}`}>{cw('records.journey')}</a>
        </p>
      )}
      <dl class="summary">
        <dt>{t('view.reference')}</dt>
        <dd>{found.caseReference}</dd>
        {props.showKind && (
          <>
            <dt>{t('view.kind')}</dt>
            <dd>{t(`kind.${found.kind}`)}</dd>
          </>
        )}
        <dt>{t('view.area')}</dt>
        <dd>{found.areaName}</dd>
        <dt>{t('view.owner')}</dt>
        <dd>{found.ownerName ?? t('list.noOwner')}</dd>
        <dt>{t('view.recorded')}</dt>
        <dd>{formatDay(found.createdAt, zone)}</dd>
        <dt>{t('view.status')}</dt>
        <dd>{found.closedAt ? t('view.closedOn', { date: formatDay(found.closedAt, zone) }) : t('status.open')}</dd>
      </dl>
      {found.kind === 'child' ? (
        <>
          <h2>{t('view.details')}</h2>
          <dl class="summary">
            <dt>{t('form.orderEndsOn')}</dt>
            <dd>{found.orderEndsOn ? formatDay(new Date(`${found.orderEndsOn}T12:00:00Z`), zone) : t('form.notRecorded')}</dd>
            {REPORTING_DETAIL_NAMES.map((d) => (
              <Fragment key={d}>
                <dt>{t(`form.${d}`)}</dt>
                <dd>{found[d] ?? t('form.notRecorded')}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : (
        props.victimContact
      )}
      <p>
        {found.closedAt ? (
          <span class="notice">{t('view.closedNotice')}</span>
        ) : (
          <a class="button" href={`${base}/invitations/new`}>
            {t('view.invite')}
          </a>
        )}{' '}
        {props.canEnter && (
          <a class="button secondary" href={`/staff/responses/enter?case=${found.id}`}>
            {t('view.enter')}
          </a>
        )}{' '}
        {props.canEnter && (
          <a class="button secondary" href="/staff/print/paper">
            {t('view.printPaper')}
          </a>
        )}{' '}
        <a class="button secondary" href={`${base}/edit`}>
          {t('view.edit')}
        </a>
      </p>
      <h2>{t('view.invitationsTitle')}</h2>
      {props.invitations}
      <h2>{t('view.responsesTitle')}</h2>
      {props.responses}
      {props.owners && (
        <>
          <h2>{t('view.reassignTitle')}</h2>
          {props.owners.length === 0 ? (
            <p>{t('view.reassignNobody')}</p>
          ) : (
            <form method="post" action={`${base}/owner`}>
              <CsrfField token={csrf} />
              <SelectField id="ownerId" label={t('view.reassignLabel')} value={found.ownerId ?? ''} options={props.owners.map((o) => ({ value: o.id, label: o.name }))} />
              <button type="submit" class="secondary">
                {t('view.reassignButton')}
              </button>
            </form>
          )}
        </>
      )}
      <h2>{found.closedAt ? t('view.reopen') : t('view.close')}</h2>
      {!found.closedAt && <p class="hint">{t('view.closeHint')}</p>}
      <form method="post" action={`${base}/${found.closedAt ? 'reopen' : 'close'}`}>
        <CsrfField token={csrf} />
        <button type="submit" class={found.closedAt ? 'secondary' : 'warning'}>
          {found.closedAt ? t('view.reopen') : t('view.close')}
        </button>
      </form>
    </>
  );
}
