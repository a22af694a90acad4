// The banner at the top of every staff page listing the signed-in person's open safeguarding
// alerts, so an alert cannot be missed whatever page someone is on. The staff frame
// (server/ui/staff-page.tsx) shows it on every page.
import type { Context } from 'hono';
import type { Queryable } from '../../db/index.ts';
import type { AppEnv } from '../deps.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { can } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { countOpenAlertsFor, listOpenAlertsFor, serviceTimeZone, type AlertSummary } from './queries.ts';
import { formatWhenBrief } from '../time/format.ts';
import { ageOf, agoOf } from './age.ts';
import { OutOfHoursTag } from './out-of-hours-parts.tsx';

const cw = pageTranslator('casework');

const SHOWN = 5;

export interface BannerData {
  /** The most urgent few. */
  alerts: AlertSummary[];
  /** How many are open in all. */
  total: number;
  zone: string;
  now: Date;
}

/** The open alerts this person may see (none for roles that do not handle alerts). */
export async function openAlertsForBanner(db: Queryable, principal: StaffPrincipal, now: Date): Promise<BannerData> {
  if (!can(principal, 'alerts.handle')) return { alerts: [], total: 0, zone: '', now };
  const alerts = await listOpenAlertsFor(db, principal, SHOWN);
  if (alerts.length === 0) return { alerts, total: 0, zone: '', now };
  return { alerts, total: await countOpenAlertsFor(db, principal), zone: await serviceTimeZone(db, principal.serviceId), now };
}

export function OpenAlertsBanner({ alerts, total, zone, now }: BannerData) {
  if (alerts.length === 0) return null;
  const t = pageTranslator('alerts');
  const hidden = total - alerts.length;
  return (
    <section class="alerts-banner" aria-labelledby="alerts-banner-title">
      <h2 id="alerts-banner-title">{t('banner.title', { count: total })}</h2>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>
            <a href={`/staff/alerts/${a.id}`}>
              {a.caseReference ? `${cw('alerts.bannerCase', { reference: a.caseReference })} ` : ''}
              {t('banner.item', { kind: t(`kind.${a.kind}`), where: a.areaName ? t('banner.where', { area: a.areaName }) : '', raised: formatWhenBrief(a.raisedAt, zone) })}
            </a>{' '}
            <span class="muted">({agoOf(a.raisedAt, now, cw)})</span> <StatusTag alert={a} />
            {a.outOfHours && (
              <>
                {' '}
                <OutOfHoursTag />
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        {hidden > 0 && `${t('banner.more', { count: hidden })} – `}
        <a href="/staff/alerts">{t('banner.all')}</a>
      </p>
    </section>
  );
}

/** "Not acknowledged" (red), "Escalated to …" (red), "Acknowledged" (yellow) or "Closed" (grey). */
export function StatusTag({ alert }: { alert: Pick<AlertSummary, 'closedAt' | 'acknowledgedAt' | 'escalationLevel'> }) {
  const t = pageTranslator('alerts');
  if (alert.closedAt) return <span class="tag grey">{t('status.closed')}</span>;
  if (alert.acknowledgedAt) return <span class="tag yellow">{t('status.acknowledged')}</span>;
  if (alert.escalationLevel > 0) return <span class="tag red">{t(`status.level${alert.escalationLevel}`)}</span>;
  return <span class="tag red">{t('status.new')}</span>;
}

/** The banner for the staff frame. */
export async function alertsBannerLoader(c: Context<AppEnv>, staff: StaffPrincipal) {
  return <OpenAlertsBanner {...await openAlertsForBanner(c.var.deps.db, staff, c.var.deps.clock.now())} />;
}
