import { useState, type FormEvent } from 'react';
import type { SessionView } from '../api/session';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import { useActionOutcome } from './action-outcome';
import { myAccount, type TotpEnrolment } from './people.api';
import { PEOPLE_STRINGS } from './people.strings';

/**
 * The second factor: start an enrolment (the secret and otpauth URI shown as text: no QR library
 * renders without inline styles, which the CSP forbids), confirm it with a code, or remove it with one.
 */
export function TotpSection(props: { session: SessionView; onSession?: (next: SessionView) => void }) {
  const { session, onSession } = props;
  const t = useStrings(PEOPLE_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const outcome = useActionOutcome(PEOPLE_STRINGS);
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [code, setCode] = useState('');
  const on = session.person.totp;

  const start = () => {
    outcome.clear();
    myAccount.startTotp().then(setEnrolment, outcome.fail);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    outcome.clear();
    const step = on ? myAccount.removeTotp(code.trim()) : myAccount.confirmTotp(code.trim());
    step.then((person) => {
      setEnrolment(undefined);
      setCode('');
      onSession?.({ ...session, person });
      outcome.succeed(person.totp ? 'totpEnabled' : 'totpRemoved');
    }, outcome.fail);
  };

  const codeForm = (
    <form className="stacked" onSubmit={submit}>
      <label>
        {t('totpCode')}
        <input
          name="totpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{3} ?[0-9]{3}"
          required={!on}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit">{on ? t('totpRemove') : t('totpConfirm')}</button>
        {enrolment && (
          <button type="button" onClick={() => setEnrolment(undefined)}>
            {common('cancel')}
          </button>
        )}
      </div>
    </form>
  );

  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{t('totpTitle')}</h2>
      <p>{on ? t('totpOn') : t('totpOff')}</p>
      {on && codeForm}
      {!on && !enrolment && (
        <button type="button" onClick={start}>
          {t('totpStart')}
        </button>
      )}
      {!on && enrolment && (
        <>
          <p>{t('totpScan')}</p>
          <dl className="secret">
            <dt>{t('totpSecret')}</dt>
            <dd>
              <code data-testid="totp-secret">{enrolment.secret}</code>
            </dd>
            <dt>{t('totpUri')}</dt>
            <dd>
              <a href={enrolment.uri}>
                <code>{enrolment.uri}</code>
              </a>
            </dd>
          </dl>
          {codeForm}
        </>
      )}
      {outcome.view}
    </section>
  );
}
