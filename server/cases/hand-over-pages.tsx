// Hand over a caseload: choose who from and who to, check the list, confirm.
import type { TFunction } from 'i18next';
import { ErrorSummary, SelectField, TableWrap } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import type { HandOverPlan, Holder } from './hand-over.ts';

const label = (t: TFunction, h: Holder) => (h.disabled ? t('handOver.leftName', { name: h.name }) : h.name);

export function ChooseHandOverPage({ t, holders, receivers, from, to, error }: { t: TFunction; holders: Holder[]; receivers: Holder[]; from: string; to: string; error?: 'from' | 'to' | 'same' }) {
  const errors = error ? [{ id: error === 'from' ? 'from' : 'to', message: t(`handOver.errors.${error}`) }] : [];
  return (
    <>
      <ErrorSummary title={t('handOver.errors.title')} errors={errors} />
      <h1>{t('handOver.title')}</h1>
      <p>{t('handOver.intro')}</p>
      {holders.length === 0 ? (
        <p class="notice">{t('handOver.nobody')}</p>
      ) : (
        <form method="get" action="/staff/caseloads/hand-over" novalidate>
          <SelectField id="from" label={t('handOver.from')} hint={t('handOver.fromHint')} value={from} blank={t('handOver.choose')} options={holders.map((h) => ({ value: h.id, label: label(t, h) }))} error={error === 'from' ? t('handOver.errors.from') : undefined} />
          <SelectField id="to" label={t('handOver.to')} value={to} blank={t('handOver.choose')} options={receivers.map((h) => ({ value: h.id, label: h.name }))} error={error === 'to' || error === 'same' ? t(`handOver.errors.${error}`) : undefined} />
          <button type="submit">{t('handOver.continue')}</button>
        </form>
      )}
    </>
  );
}

export function CheckHandOverPage({ t, plan, csrfToken }: { t: TFunction; plan: HandOverPlan; csrfToken: string }) {
  const moving = plan.cases.filter((c) => c.blocked === null);
  const staying = plan.cases.filter((c) => c.blocked !== null);
  const alerts = moving.reduce((n, c) => n + c.openAlerts, 0);
  return (
    <>
      <a class="back" href={`/staff/caseloads/hand-over?from=${plan.from.id}&to=${plan.to.id}&change=1`}>
        {t('handOver.back')}
      </a>
      <h1>{t('handOver.checkTitle', { from: plan.from.name, to: plan.to.name })}</h1>
      {moving.length === 0 ? (
        <p class="notice">{t('handOver.nothingToMove', { from: plan.from.name, to: plan.to.name })}</p>
      ) : (
        <>
          <p>{t('handOver.summary', { count: moving.length, from: plan.from.name, to: plan.to.name })}</p>
          {alerts > 0 && <p>{t('handOver.alerts', { count: alerts, to: plan.to.name })}</p>}
          <TableWrap label={t('handOver.movingCaption')}>
            <table>
              <caption>{t('handOver.movingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('handOver.case')}</th>
                  <th scope="col">{t('handOver.area')}</th>
                  <th scope="col">{t('handOver.openAlerts')}</th>
                </tr>
              </thead>
              <tbody>
                {moving.map((c) => (
                  <tr key={c.id}>
                    <td>{c.caseReference}</td>
                    <td>{c.areaName}</td>
                    <td>{c.openAlerts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {staying.length > 0 && (
        <>
          <h2>{t('handOver.stayingTitle', { count: staying.length })}</h2>
          <ul>
            {staying.map((c) => (
              <li key={c.id}>{t(`handOver.blocked.${c.blocked}`, { reference: c.caseReference, area: c.areaName, to: plan.to.name })}</li>
            ))}
          </ul>
        </>
      )}
      {moving.length > 0 && (
        <form method="post" action="/staff/caseloads/hand-over">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="from" value={plan.from.id} />
          <input type="hidden" name="to" value={plan.to.id} />
          {moving.map((c) => (
            <input key={c.id} type="hidden" name="caseId" value={c.id} />
          ))}
          <button type="submit">{t('handOver.confirm', { count: moving.length })}</button>
        </form>
      )}
    </>
  );
}

export function HandOverDonePage({ t, cases, alerts, to }: { t: TFunction; cases: number; alerts: number; to: string }) {
  return (
    <>
      <div class="success" role="status">
        <h1>{t('handOver.doneTitle')}</h1>
        <p>{t('handOver.done', { count: cases, to })}</p>
        {alerts > 0 && <p>{t('handOver.doneAlerts', { count: alerts })}</p>}
      </div>
      <p>
        <a href="/staff/cases">{t('handOver.toCases')}</a>
      </p>
    </>
  );
}
