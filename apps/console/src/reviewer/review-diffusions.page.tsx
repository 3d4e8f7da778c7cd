import { useState } from 'react';
import { ApiError } from '../api/http';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { activeDiffusions, withdraw } from './reviewer.api';
import { REVIEWER_STRINGS } from './reviewer.strings';
import { ReasonForm } from './reason.form';
import { SubjectLine } from './subject';
import './reviewer.css';

/** The hub's copy of every active diffusion, for the after-the-fact check; withdraw with a reason. */
export function ReviewDiffusionsPage() {
  const t = useStrings(REVIEWER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const diffusions = useLoaded(activeDiffusions, 'diffusions');
  useServerEvents(['review'], () => diffusions.reload());
  const [withdrawing, setWithdrawing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const confirm = (id: string, reason: string) => {
    setBusy(true);
    setFailure(undefined);
    withdraw(id, reason)
      .then(
        () => {
          setWithdrawing(undefined);
          diffusions.reload();
        },
        (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="review-page">
      <h1>{t('diffusions')}</h1>
      <p>{t('diffusionsHint')}</p>
      {[diffusions.error, failure].map(
        (error, index) =>
          error !== undefined && (
            <p key={index} role="alert" className="error">
              {common('error', { reason: typeof error === 'string' ? error : reasonOf(error) })}
            </p>
          ),
      )}
      {!diffusions.value ? (
        <p>{common('loading')}</p>
      ) : diffusions.value.length === 0 ? (
        <p>{t('diffusionsEmpty')}</p>
      ) : (
        <ul className="cards">
          {diffusions.value.map((diffusion) => (
            <li key={diffusion.id} data-diffusion={diffusion.id}>
              <strong>{diffusion.body.title}</strong>
              <span>
                {t('from')} {diffusion.from} · {t('recipients')} {diffusion.recipients.join(', ')} ·{' '}
                {at(diffusion.receivedAt)}
              </span>
              {diffusion.body.subject && <SubjectLine subject={diffusion.body.subject} />}
              <p>{diffusion.body.details}</p>
              {withdrawing === diffusion.id ? (
                <ReasonForm
                  label={t('reason')}
                  confirm={t('withdraw')}
                  busy={busy}
                  onSubmit={(reason) => confirm(diffusion.id, reason)}
                  onCancel={() => setWithdrawing(undefined)}
                />
              ) : (
                <div className="actions">
                  <button type="button" className="danger" onClick={() => setWithdrawing(diffusion.id)}>
                    {t('withdraw')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
