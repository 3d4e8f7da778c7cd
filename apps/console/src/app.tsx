import { useCallback, useEffect, useState } from 'react';
import { ApiError, useCsrfToken } from './api/http';
import { readSession, type Locale, type SessionView } from './api/session';
import { directionOf, LocaleContext, type LocaleSettings } from './i18n/locale';
import { ALL_ROUTES } from './console-routes';
import { Shell } from './shell/shell';
import { SignInPage } from './shell/sign-in.page';

function browserSettings(): LocaleSettings {
  const language = navigator.language.slice(0, 2);
  const locale: Locale = language === 'fr' || language === 'es' || language === 'ar' ? language : 'en';
  return { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}

/** The session gate: the sign-in page until there is a session, then the shell with the person's language. */
export function App() {
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  const [preSignIn, setPreSignIn] = useState<LocaleSettings>(browserSettings);

  const adopt = useCallback((next: SessionView | null) => {
    useCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    readSession().then(adopt, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) adopt(null);
      else throw error;
    });
  }, [adopt]);

  const settings: LocaleSettings = session
    ? { locale: session.person.locale, timeZone: session.person.timeZone }
    : preSignIn;
  useEffect(() => {
    document.documentElement.lang = settings.locale;
    document.documentElement.dir = directionOf(settings.locale);
  }, [settings.locale]);

  return (
    <LocaleContext.Provider value={settings}>
      {session === undefined ? null : session === null ? (
        <SignInPage onSignedIn={adopt} onLocale={(locale) => setPreSignIn({ ...preSignIn, locale })} />
      ) : (
        <Shell routes={ALL_ROUTES} session={session} onSession={adopt} />
      )}
    </LocaleContext.Provider>
  );
}
