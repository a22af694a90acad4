// Admin: where each admin task lives.
import type { T } from '../../staff/pages/form-parts.tsx';

const SECTIONS = [
  { href: '/staff/admin/users', key: 'users' },
  { href: '/staff/admin/settings', key: 'settings' },
  { href: '/staff/admin/audit', key: 'audit' },
  // Admin pages other capabilities own.
  { href: '/staff/admin/api-tokens', key: 'apiTokens' },
  { href: '/staff/admin/outbox', key: 'outbox' },
  { href: '/staff/admin/privacy', key: 'privacy' },
  { href: '/staff/admin/alert-settings', key: 'alertSettings' },
] as const;

export function AdminIndexPage({ t }: { t: T }) {
  return (
    <>
      <h1>{t('admin.index.title')}</h1>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <a href={s.href}>{t(`admin.index.${s.key}.link`)}</a> – {t(`admin.index.${s.key}.text`)}
          </li>
        ))}
      </ul>
    </>
  );
}
