import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useActionOutcome } from './action-outcome';
import { myAccount, type ApiTokenView, type CreatedApiToken } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';

const MAX_EXPIRY_DAYS = 366;

/** The person's API tokens: create (the secret shown this once), list, revoke (effective at once). */
export function TokensSection() {
  const t = useStrings(PEOPLE_STRINGS);
  const dateTime = useDateTime();
  const outcome = useActionOutcome(PEOPLE_STRINGS);
  const [tokens, setTokens] = useState<ApiTokenView[]>([]);
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<CreatedApiToken>();

  const reload = useCallback(() => myAccount.tokens().then(setTokens, outcome.fail), []);
  useEffect(() => void reload(), [reload]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    outcome.clear();
    const expiresInDays = days ? Number(days) : undefined;
    myAccount.createToken({ name: name.trim(), ...(expiresInDays ? { expiresInDays } : {}) }).then((token) => {
      setCreated(token);
      setName('');
      setDays('');
      return reload();
    }, outcome.fail);
  };
  const revoke = (token: ApiTokenView) => {
    outcome.clear();
    myAccount.revokeToken(token.id).then(() => {
      if (created?.id === token.id) setCreated(undefined);
      outcome.succeed('revoked', { name: token.name });
      return reload();
    }, outcome.fail);
  };

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokensTitle')}</h2>
      <p className="hint">{t('tokensHelp')}</p>
      <form className="inline-form" onSubmit={create}>
        <label>
          {t('tokenName')}
          <input name="tokenName" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('tokenExpiry')}
          <input
            name="tokenExpiry"
            type="number"
            min={1}
            max={MAX_EXPIRY_DAYS}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <button type="submit">{t('createToken')}</button>
      </form>
      {created && (
        <div className="created-secret" role="status">
          <p>
            <strong>{t('newToken', { name: created.name })}</strong> {t('tokenShownOnce')}
          </p>
          <code data-testid="new-token">{created.token}</code>
        </div>
      )}
      {outcome.view}
      {tokens.length === 0 ? (
        <p>{t('noTokens')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tokenName')}</th>
              <th scope="col">{t('tokenCreated')}</th>
              <th scope="col">{t('tokenLastUsed')}</th>
              <th scope="col">{t('tokenExpires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{dateTime(token.createdAt)}</td>
                <td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : '—'}</td>
                <td>{token.expiresAt ? dateTime(token.expiresAt) : t('never')}</td>
                <td>
                  <button type="button" onClick={() => revoke(token)} aria-label={`${t('revoke')} ${token.name}`}>
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
