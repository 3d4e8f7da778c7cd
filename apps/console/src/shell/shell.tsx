import { signOut, type SessionView } from '../api/session';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useLocaleSettings } from '../i18n/locale';
import { useStrings } from '../i18n/strings';
import { matchRoute, routesFor, type ConsoleRoute } from './console-route';
import { useHashPath } from './hash-path';

/** Navigation of the pages this person may open here, and the page the hash names. */
export function Shell(props: {
  routes: readonly ConsoleRoute[];
  session: SessionView;
  onSession: (next: SessionView | null) => void;
}) {
  const { routes, session, onSession } = props;
  const t = useStrings(COMMON_STRINGS);
  const { locale } = useLocaleSettings();
  const path = useHashPath();
  const mine = routesFor(routes, session);
  const first = mine.find((route) => route.label);
  const opened = matchRoute(mine, path === '/' && first ? first.path : path);
  const forbidden = !opened && matchRoute(routes, path) !== undefined;

  return (
    <div className="shell">
      <header>
        <strong>
          {t('appName')} · {session.service.kind}
          {session.service.code ? ` ${session.service.code}` : ''}
        </strong>
        <nav aria-label="main">
          {mine
            .filter((route) => route.label)
            .map((route) => (
              <a key={route.path} href={`#${route.path}`} aria-current={opened?.route === route ? 'page' : undefined}>
                {route.label![locale]}
              </a>
            ))}
        </nav>
        <span className="person">
          {session.person.displayName}
          {session.person.borderPost ? ` · ${session.person.borderPost}` : ''}
        </span>
        <button type="button" onClick={() => void signOut().finally(() => onSession(null))}>
          {t('signOut')}
        </button>
      </header>
      <main>
        {opened ? (
          <opened.route.page params={opened.params} session={session} onSession={onSession} />
        ) : (
          <p role="alert">{forbidden ? t('notAllowed') : t('notFound')}</p>
        )}
      </main>
    </div>
  );
}
