import type { PageProps } from '../shell/console-route';
import { useStrings } from '../i18n/strings';
import { PasswordSection } from './password.section';
import { PEOPLE_STRINGS } from './people.strings';
import { PreferencesSection } from './preferences.section';
import { TokensSection } from './tokens.section';
import { TotpSection } from './totp.section';
import './people.css';

/** "My account": what every signed-in person manages for themselves. */
export function MyAccountPage({ session, onSession }: PageProps) {
  const t = useStrings(PEOPLE_STRINGS);
  return (
    <div className="people-area my-account">
      <h1>
        {t('myAccount')} · {session.person.username}
      </h1>
      <PreferencesSection session={session} onSession={onSession} />
      <PasswordSection />
      <TotpSection session={session} onSession={onSession} />
      <TokensSection />
    </div>
  );
}
