import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { datetimeLocalInstant, useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { CONSENT_STRINGS } from './consent.strings';
import { ConsentLine } from './consent-summary';
import { consentRequests, grantConsent, refuseConsent, type ConsentRequest } from './officer.api';

type Direction = 'incoming' | 'outgoing';

/**
 * Consent requests: those asked of this bureau as the data owner, each granted until a date or
 * refused with a reason (a signed decision to the asker), and those this bureau asked, with
 * where each stands.
 */
export function ConsentRequestsPage() {
  const t = useStrings(CONSENT_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [lists, setLists] = useState<Record<Direction, ConsentRequest[]>>();
  const [failure, setFailure] = useState<string>();
  const fail = (error: unknown) =>
    setFailure(error instanceof ApiError ? `${error.code}: ${error.reason}` : String(error));

  const load = useCallback(() => {
    Promise.all([consentRequests('incoming'), consentRequests('outgoing')]).then(
      ([incoming, outgoing]) => setLists({ incoming: incoming.items, outgoing: outgoing.items }),
      fail,
    );
  }, []);
  useEffect(load, [load]);
  useServerEvents(
    ['message'],
    (_name, data) => {
      if ((data as { kind?: string } | undefined)?.kind?.startsWith('consent-')) load();
    },
    load,
  );

  return (
    <section className="officer consent-requests">
      <h1>{t('consentTitle')}</h1>
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
      {!lists ? (
        <p>{common('loading')}</p>
      ) : (
        (['incoming', 'outgoing'] as const).map((direction) => (
          <section key={direction} aria-label={t(direction)} data-direction={direction}>
            <h2>{t(direction)}</h2>
            {lists[direction].length === 0 ? (
              <p>{t('noConsents')}</p>
            ) : (
              <ul className="consent-list">
                {lists[direction].map((request) => (
                  <ConsentItem key={request.id} request={request} onDecided={load} onFailure={fail} />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </section>
  );
}

function ConsentItem(props: { request: ConsentRequest; onDecided: () => void; onFailure: (error: unknown) => void }) {
  const t = useStrings(CONSENT_STRINGS);
  const dateTime = useDateTime();
  const { request } = props;
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = (step: Promise<unknown>) => {
    setBusy(true);
    step.then(props.onDecided, (error: unknown) => {
      setBusy(false);
      props.onFailure(error);
    });
  };
  const party =
    request.direction === 'incoming' ? `${t('asker')}: ${request.asker}` : `${t('owner')}: ${request.owner}`;
  return (
    <li data-consent={request.id} data-consent-state={request.state}>
      <p>
        <strong>{t(`purpose_${request.purpose}`)}</strong>
        {request.bureaus ? ` (${request.bureaus.join(', ')})` : ''} · {party} · {t('message')}{' '}
        <a href={`#/messages/${request.messageId}`}>{request.messageId}</a> · {dateTime(request.createdAt)}
      </p>
      {request.note && <p className="message-text">{request.note}</p>}
      <p>
        <ConsentLine consent={request} />
      </p>
      {request.direction === 'incoming' && request.state === 'pending' && (
        <div className="consent-decide">
          <form
            className="actions"
            aria-label={t('grant')}
            onSubmit={(event) => {
              event.preventDefault();
              const expiresAt = datetimeLocalInstant(until);
              decide(grantConsent(request.id, expiresAt ? { expiresAt } : {}));
            }}
          >
            <label>
              {t('grantUntil')}
              <input
                name="until"
                type="datetime-local"
                value={until}
                onChange={(event) => setUntil(event.target.value)}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t('grant')}
            </button>
          </form>
          <form
            className="actions"
            aria-label={t('refuse')}
            onSubmit={(event) => {
              event.preventDefault();
              decide(refuseConsent(request.id, { reason }));
            }}
          >
            <label>
              {t('reason')}
              <input
                name="reason"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                required
                maxLength={1000}
              />
            </label>
            <button type="submit" disabled={busy}>
              {t('refuse')}
            </button>
          </form>
        </div>
      )}
    </li>
  );
}
