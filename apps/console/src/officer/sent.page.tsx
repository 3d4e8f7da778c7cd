import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { sentMessages, type Page, type SentMessage } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';

/** Messages sent from here with each recipient's state; receipts and refusals update it live. */
export function SentPage() {
  const t = useStrings(OFFICER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [page, setPage] = useState<Page<SentMessage>>();
  const [failure, setFailure] = useState<string>();
  const load = useCallback(() => {
    sentMessages().then(setPage, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.reason : String(error)),
    );
  }, []);
  useEffect(load, [load]);
  useServerEvents(['receipt', 'refusal'], load, load);

  if (failure)
    return (
      <p role="alert" className="error">
        {common('error', { reason: failure })}
      </p>
    );
  if (!page) return <p>{common('loading')}</p>;
  return (
    <section className="officer">
      <h1>{t('sentTitle')}</h1>
      {page.items.length === 0 ? (
        <p>{t('noMessages')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('summary')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('recipients')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-id={item.id}>
                <td>
                  <a href={`#/messages/${item.id}`}>{dateTime(item.createdAt)}</a>
                </td>
                <td>{item.kind}</td>
                <td className={`status status-${item.status}`}>{t(`status_${item.status}`)}</td>
                <td>
                  {item.recipients.map((recipient) => (
                    <span key={recipient.code} className={`state state-${recipient.state}`}>
                      {recipient.code}: {t(`state_${recipient.state}`)}{' '}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
