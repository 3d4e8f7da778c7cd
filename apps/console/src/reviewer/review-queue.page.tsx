import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { reviewQueue, type NoticeRequest } from './reviewer.api';
import { REVIEWER_STRINGS } from './reviewer.strings';
import { SubjectLine } from './subject';
import './reviewer.css';

/** The hub's pending notice requests, oldest first; a request that arrives joins without a reload. */
export function ReviewQueuePage() {
  const t = useStrings(REVIEWER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const queue = useLoaded(reviewQueue, 'queue');
  useServerEvents(['review'], queue.reload, queue.reload);

  const what = (request: NoticeRequest) =>
    request.body.action === 'publish' ? (
      <>
        {request.body.notice.type} · <SubjectLine subject={request.body.notice.subject} />
      </>
    ) : (
      t('cancelOf', { number: request.body.number, reason: request.body.reason })
    );

  return (
    <div className="review-page">
      <h1>{t('queue')}</h1>
      {queue.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(queue.error) })}
        </p>
      )}
      {!queue.value ? (
        <p>{common('loading')}</p>
      ) : queue.value.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('receivedAt')}</th>
              <th scope="col">{t('requester')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('request')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.value.map((request) => (
              <tr key={request.id} data-request={request.id}>
                <td>{at(request.receivedAt)}</td>
                <td>{request.requester}</td>
                <td>{request.action === 'publish' ? t('publish') : t('cancelAction')}</td>
                <td>
                  <a href={`#/review/${encodeURIComponent(request.id)}`}>{what(request)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
