// The admin page for API tokens: issue one (shown once), see when each was last used, revoke.
import { FormKeyField } from '../staff/form-key-field.tsx';
import { pageTranslator } from '../i18n/request-language.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import { formatWhenBrief } from '../time/format.ts';
import type { TokenSummary } from './tokens.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';

const t = pageTranslator('api');

export interface TokensPageProps {
  csrfToken: string;
  tokens: TokenSummary[];
  zone: string;
  /** A token just issued: its secret is shown this once. */
  issued?: { name: string; token: string };
  revokedName?: string;
  nameError?: string;
  name?: string;
  /** The issue form's key when it is drawn again after a mistake (form-once.ts). */
  formKey?: string;
}

export function TokensPage({ csrfToken, tokens, zone, issued, revokedName, nameError, name, formKey }: TokensPageProps) {
  return (
    <>
      <SharedErrorSummary title={t('tokens.errorSummary')} errors={nameError ? [{ id: 'token-name', message: nameError }] : []} />
      {issued && (
        <div class="success" role="status">
          <h2>{t('tokens.issuedHeading')}</h2>
          <p>{t('tokens.issuedBody', { name: issued.name })}</p>
          <label for="issued-token">{t('tokens.tokenLabel')}</label>
          <input id="issued-token" type="text" readOnly value={issued.token} spellcheck={false} autoComplete="off" />
        </div>
      )}
      {revokedName && (
        <div class="success" role="status">
          <p>{t('tokens.revoked', { name: revokedName })}</p>
        </div>
      )}
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <p>{t('tokens.keepSafe')}</p>
      <p class="muted">{t('tokens.docs')}</p>

      <h2>{t('tokens.issueHeading')}</h2>
      <form method="post" action="/staff/admin/api-tokens" novalidate>
        <CsrfField token={csrfToken} />
        <FormKeyField value={formKey} />
        <label for="token-name">{t('tokens.nameLabel')}</label>
        <p class="hint" id="token-name-hint">
          {t('tokens.nameHint')}
        </p>
        {nameError && (
          <p class="error" id="token-name-error">
            {nameError}
          </p>
        )}
        <input
          id="token-name"
          name="name"
          type="text"
          maxLength={100}
          autoComplete="off"
          value={name ?? ''}
          aria-describedby={nameError ? 'token-name-hint token-name-error' : 'token-name-hint'}
          aria-invalid={nameError ? 'true' : undefined}
        />
        <button type="submit">{t('tokens.issue')}</button>
      </form>

      <h2>{t('tokens.listHeading')}</h2>
      {tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
          <table>
            <caption id="tokens-caption">{t('tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.colName')}</th>
                <th scope="col">{t('tokens.colCreated')}</th>
                <th scope="col">{t('tokens.colLastUsed')}</th>
                <th scope="col">{t('tokens.colStatus')}</th>
                <th scope="col">{t('tokens.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td>{formatWhenBrief(tok.createdAt, zone)}</td>
                  <td>{tok.lastUsedAt ? formatWhenBrief(tok.lastUsedAt, zone) : t('tokens.never')}</td>
                  <td>
                    {tok.revokedAt ? (
                      <span class="tag grey">{t('tokens.revokedOn', { when: formatWhenBrief(tok.revokedAt, zone) })}</span>
                    ) : (
                      <span class="tag green">{t('tokens.active')}</span>
                    )}
                  </td>
                  <td>
                    {!tok.revokedAt && (
                      <form class="inline" method="post" action={`/staff/admin/api-tokens/${tok.id}/revoke`}>
                        <CsrfField token={csrfToken} />
                        <button type="submit" class="warning" aria-label={t('tokens.revokeLabel', { name: tok.name })}>
                          {t('tokens.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
