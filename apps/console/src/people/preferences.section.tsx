import { useState, type FormEvent } from 'react';
import type { Locale, SessionView } from '../api/session';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { LOCALE_NAMES, LOCALES } from '../i18n/locale';
import { useStrings } from '../i18n/strings';
import { useActionOutcome } from './action-outcome';
import { myAccount } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';
import { timeZones } from './time-zones';

/** Display name, language (the whole console switches at once) and time zone of the signed-in person. */
export function PreferencesSection(props: { session: SessionView; onSession?: (next: SessionView) => void }) {
  const { session, onSession } = props;
  const t = useStrings(PEOPLE_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const outcome = useActionOutcome(PEOPLE_STRINGS);
  const [displayName, setDisplayName] = useState(session.person.displayName);
  const [locale, setLocale] = useState<Locale>(session.person.locale);
  const [timeZone, setTimeZone] = useState(session.person.timeZone);

  const save = (event: FormEvent) => {
    event.preventDefault();
    outcome.clear();
    myAccount.preferences({ displayName, locale, timeZone }).then((person) => {
      onSession?.({ ...session, person });
      outcome.succeed('saved');
    }, outcome.fail);
  };

  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('preferencesTitle')}</h2>
      <form className="stacked" onSubmit={save}>
        <label>
          {t('displayName')}
          <input
            name="displayName"
            value={displayName}
            maxLength={120}
            required
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label>
          {common('language')}
          <select name="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('timeZone')}
          <select name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {timeZones(session.person.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">{common('save')}</button>
        </div>
        {outcome.view}
      </form>
    </section>
  );
}
