import { useState } from 'react';
import { ApiError } from '../api/http';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { markCompliant, reviewedDiffusions, withdraw, type DiffusionReviewState } from './reviewer.api';
import { REVIEWER_STRINGS } from './reviewer.strings';
import { ReasonForm } from './reason.form';
import { SubjectLine } from './subject';
import './reviewer.css';

const REVIEW_STATES: readonly DiffusionReviewState[] = ['pending', 'compliant', 'withdrawn'];

/**
 * The hub's review of every diffusion it received, whatever route built it: find a pending one
 * compliant, or withdraw it with a reason (also one found compliant before); each decision names
 * its reviewer.
 */
export function ReviewDiffusionsPage() {
  const t = useStrings(REVIEWER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const [state, setState] = useState<DiffusionReviewState>('pending');
  const diffusions = useLoaded(() => reviewedDiffusions(state), state);
  useServerEvents(['review'], diffusions.reload, diffusions.reload);
  const [withdrawing, setWithdrawing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const decide = (step: Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    step
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
      <label>
        {t('state')}{' '}
        <select value={state} onChange={(event) => setState(event.target.value as DiffusionReviewState)}>
          {REVIEW_STATES.map((name) => (
            <option key={name} value={name}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
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
            <li key={diffusion.id} data-diffusion={diffusion.id} data-review={diffusion.reviewState ?? undefined}>
              <strong>{diffusion.body.title}</strong>
              <span>
                {t('from')} {diffusion.from} · {t('recipients')} {diffusion.recipients.join(', ')} ·{' '}
                {at(diffusion.receivedAt)}
              </span>
              {diffusion.body.subject && <SubjectLine subject={diffusion.body.subject} />}
              <p>{diffusion.body.details}</p>
              {diffusion.reviewedBy && diffusion.reviewedAt && (
                <p className="decided-by">
                  {t(diffusion.reviewState === 'withdrawn' ? 'withdrawn' : 'compliant')} ·{' '}
                  {t('decidedBy', { who: diffusion.reviewedBy, at: at(diffusion.reviewedAt) })}
                  {diffusion.withdrawReason ? ` · ${diffusion.withdrawReason}` : ''}
                </p>
              )}
              {diffusion.reviewState === 'withdrawn' ? null : withdrawing === diffusion.id ? (
                <ReasonForm
                  label={t('reason')}
                  confirm={t('withdraw')}
                  busy={busy}
                  onSubmit={(reason) => decide(withdraw(diffusion.id, reason))}
                  onCancel={() => setWithdrawing(undefined)}
                />
              ) : (
                <div className="actions">
                  {diffusion.reviewState === 'pending' && (
                    <button type="button" disabled={busy} onClick={() => decide(markCompliant(diffusion.id))}>
                      {t('markCompliant')}
                    </button>
                  )}
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
