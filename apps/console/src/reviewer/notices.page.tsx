import { useState } from 'react';
import { ApiError } from '../api/http';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import type { PageProps } from '../shell/console-route';
import { cancelNotice, notices } from './reviewer.api';
import { REVIEWER_STRINGS } from './reviewer.strings';
import { ReasonForm } from './reason.form';
import { SubjectLine } from './subject';
import './reviewer.css';

/**
 * The notices held here, newest first: a notice published, updated or cancelled appears without a
 * reload. At the hub a reviewer may cancel one (with a reason); nobody else gets the button.
 */
export function NoticesPage({ session }: PageProps) {
  const t = useStrings(REVIEWER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const list = useLoaded(notices, 'notices');
  useServerEvents(['notice'], list.reload, list.reload);
  const mayCancel = Boolean(session.service.hub) && session.person.roles.includes('reviewer');
  const [cancelling, setCancelling] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const confirm = (number: string, reason: string) => {
    setBusy(true);
    setFailure(undefined);
    cancelNotice(number, reason)
      .then(
        () => {
          setCancelling(undefined);
          list.reload();
        },
        (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="review-page">
      <h1>{t('notices')}</h1>
      {list.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(list.error) })}
        </p>
      )}
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
      {!list.value ? (
        <p>{common('loading')}</p>
      ) : list.value.length === 0 ? (
        <p>{t('noticesEmpty')}</p>
      ) : (
        <ul className="cards" aria-label={t('notices')}>
          {list.value.map((notice) => (
            <li key={notice.number} data-notice={notice.number} data-state={notice.state}>
              <strong>
                {notice.number} · {notice.type}
              </strong>
              <SubjectLine subject={notice.subject} />
              <span>
                {t('owner')} {notice.owner} · {t(notice.state)} · {t('publishedAt')} {at(notice.publishedAt)}
                {notice.cancelReason ? ` · ${notice.cancelReason}` : ''}
              </span>
              {mayCancel &&
                notice.state !== 'cancelled' &&
                (cancelling === notice.number ? (
                  <ReasonForm
                    label={t('reason')}
                    confirm={t('cancelNotice')}
                    busy={busy}
                    onSubmit={(reason) => confirm(notice.number, reason)}
                    onCancel={() => setCancelling(undefined)}
                  />
                ) : (
                  <div className="actions">
                    <button type="button" className="danger" onClick={() => setCancelling(notice.number)}>
                      {t('cancelNotice')}
                    </button>
                  </div>
                ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
