import { useState, type FormEvent } from 'react';
import { useStrings } from '../i18n/strings';
import { useActionOutcome } from './action-outcome';
import { myAccount } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';

/** Sets or changes the person's password (no current one after a first sign-in by link). */
export function PasswordSection() {
  const t = useStrings(PEOPLE_STRINGS);
  const outcome = useActionOutcome(PEOPLE_STRINGS);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');

  const change = (event: FormEvent) => {
    event.preventDefault();
    outcome.clear();
    if (newPassword !== repeated) return outcome.fail(t('passwordsDiffer'));
    myAccount.password({ ...(currentPassword ? { currentPassword } : {}), newPassword }).then(() => {
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
      outcome.succeed('passwordChanged');
    }, outcome.fail);
  };

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('passwordTitle')}</h2>
      <form className="stacked" onSubmit={change}>
        <label>
          {t('currentPassword')}
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            aria-describedby="current-password-hint"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
        </label>
        <p id="current-password-hint" className="hint">
          {t('currentPasswordHint')}
        </p>
        <label>
          {t('newPassword')}
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
        </label>
        <label>
          {t('repeatPassword')}
          <input
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
          />
        </label>
        <div className="actions">
          <button type="submit">{t('changePassword')}</button>
        </div>
        {outcome.view}
      </form>
    </section>
  );
}
