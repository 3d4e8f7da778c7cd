import { useState } from 'react';
import { ApiError } from '../api/http';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import type { PageProps } from '../shell/console-route';
import { navigate } from '../shell/hash-path';
import { approve, duplicatesOf, noticeRequests, refuse, type NoticeRequest } from './reviewer.api';
import { REVIEWER_STRINGS } from './reviewer.strings';
import { ReasonForm } from './reason.form';
import { SubjectLine } from './subject';
import './reviewer.css';

/** One request beside the notices it may duplicate; approve, or refuse with a reason. */
export function ReviewRequestPage({ params }: PageProps) {
  const t = useStrings(REVIEWER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const id = params.id;
  const request = useLoaded(async () => (await noticeRequests()).find((candidate) => candidate.id === id), id);
  const duplicates = useLoaded(() => duplicatesOf(id), id);
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const decide = (step: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    step().then(
      () => navigate('/review'),
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof ApiError ? error.reason : String(error));
      },
    );
  };

  const shown: NoticeRequest | undefined = request.value;
  return (
    <div className="review-page">
      <p>
        <a href="#/review">{t('back')}</a>
      </p>
      <h1>{t('request')}</h1>
      {request.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(request.error) })}
        </p>
      )}
      {request.value === undefined && request.error === undefined ? (
        <p>{common('loading')}</p>
      ) : !shown ? (
        <p role="alert">{common('notFound')}</p>
      ) : (
        <div className="beside">
          <section aria-label={t('request')} className="request-card">
            <dl>
              <dt>{t('requester')}</dt>
              <dd>{shown.requester}</dd>
              <dt>{t('receivedAt')}</dt>
              <dd>{at(shown.receivedAt)}</dd>
              <dt>{t('state')}</dt>
              <dd data-state={shown.state}>{t(shown.state)}</dd>
              {shown.body.action === 'publish' ? (
                <>
                  <dt>{t('type')}</dt>
                  <dd>{shown.body.notice.type}</dd>
                  <dt>{t('subject')}</dt>
                  <dd>
                    <SubjectLine subject={shown.body.notice.subject} />
                  </dd>
                  <dt>{t('offence')}</dt>
                  <dd>{shown.body.notice.offence}</dd>
                  <dt>{t('expiry')}</dt>
                  <dd>{shown.body.notice.expiry}</dd>
                </>
              ) : (
                <>
                  <dt>{t('action')}</dt>
                  <dd>{t('cancelOf', { number: shown.body.number, reason: shown.body.reason })}</dd>
                </>
              )}
              <dt>{t('restrictedTo')}</dt>
              <dd>{shown.restrictedTo.length > 0 ? shown.restrictedTo.join(', ') : t('none')}</dd>
            </dl>
            {shown.state === 'pending' && !refusing && (
              <div className="actions">
                <button type="button" className="primary" disabled={busy} onClick={() => decide(() => approve(id))}>
                  {t('approve')}
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => setRefusing(true)}>
                  {t('refuse')}
                </button>
              </div>
            )}
            {refusing && (
              <ReasonForm
                label={t('reason')}
                confirm={t('refuse')}
                busy={busy}
                onSubmit={(reason) => decide(() => refuse(id, reason))}
                onCancel={() => setRefusing(false)}
              />
            )}
            {failure && (
              <p role="alert" className="error">
                {common('error', { reason: failure })}
              </p>
            )}
          </section>
          <section aria-label={t('duplicates')} className="duplicates">
            <h2>{t('duplicates')}</h2>
            {duplicates.error !== undefined && (
              <p role="alert" className="error">
                {common('error', { reason: reasonOf(duplicates.error) })}
              </p>
            )}
            {duplicates.value?.length === 0 && <p>{t('noDuplicates')}</p>}
            <ol>
              {duplicates.value?.map(({ notice, score, reasons }) => (
                <li key={notice.number} data-duplicate={notice.number}>
                  <strong>{notice.number}</strong> · {notice.type} · {t(notice.state)} · {t('owner')} {notice.owner}
                  <br />
                  <SubjectLine subject={notice.subject} />
                  <br />
                  <small>
                    {t('score')} {score} · {t('reasons')}: {reasons.join(', ')}
                  </small>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}
