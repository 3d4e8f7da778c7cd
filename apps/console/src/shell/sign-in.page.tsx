import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import {
  OIDC_SIGN_IN_PATH,
  readSignInMethods,
  signIn,
  signInWithLink,
  type Locale,
  type SessionView,
  type SignInMethods,
} from '../api/session';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { LOCALE_NAMES, LOCALES, useLocaleSettings } from '../i18n/locale';
import { useStrings } from '../i18n/strings';

/** "#/sign-in/link/<token>": the one-time link an administrator's command printed. */
const LINK = /^#\/sign-in\/link\/([A-Za-z0-9_-]+)$/;
/** "#/sign-in/sso-failed/<code>": where the single sign-on callback sends a browser it refused. */
const SSO_FAILED = /^#\/sign-in\/sso-failed\/([a-z0-9-]{1,64})$/;

export function SignInPage(props: { onSignedIn: (session: SessionView) => void; onLocale: (locale: Locale) => void }) {
  const t = useStrings(COMMON_STRINGS);
  const { locale } = useLocaleSettings();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [methods, setMethods] = useState<SignInMethods>();

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'totp-required') setNeedsTotp(true);
    setFailure(error instanceof ApiError ? error.reason : String(error));
  };

  useEffect(() => {
    readSignInMethods().then(setMethods, () => setMethods(undefined));
    const ssoFailed = SSO_FAILED.exec(window.location.hash);
    if (!ssoFailed) return;
    setFailure(ssoFailed[1] === 'oidc-unknown-person' ? t('ssoUnknownPerson') : t('ssoFailed', { code: ssoFailed[1] }));
    // Said once: a password sign-in after it lands on the console's home, not on this address.
    window.history.replaceState(null, '', '#/');
  }, []);

  useEffect(() => {
    const link = LINK.exec(window.location.hash);
    if (!link) return;
    signInWithLink(link[1]).then((session) => {
      window.location.hash = '/';
      props.onSignedIn(session);
    }, fail);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    signIn({ username, password, ...(needsTotp ? { totp } : {}) }).then(props.onSignedIn, fail);
  };

  return (
    <main className="sign-in">
      <h1>{t('appName')}</h1>
      <form onSubmit={submit} aria-label={t('signIn')}>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {needsTotp && (
          <label>
            {t('totp')}
            <input
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          </label>
        )}
        {failure && (
          <p role="alert" className="error">
            {t('signInFailed', { reason: failure })}
          </p>
        )}
        <button type="submit">{t('signIn')}</button>
      </form>
      {methods?.oidc && (
        // A link, not a fetch: the provider's pages need the whole window.
        <a className="button sso" href={OIDC_SIGN_IN_PATH}>
          {t('signInWith', { name: methods.oidc.name })}
        </a>
      )}
      <label>
        {t('language')}
        <select value={locale} onChange={(e) => props.onLocale(e.target.value as Locale)}>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
    </main>
  );
}
