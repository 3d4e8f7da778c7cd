import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import type { PageProps } from '../shell/console-route';
import { AskOwnerForm } from './ask-owner.form';
import { ConsentSummary } from './consent-summary';
import { HandlingBadge } from './handling-badge';
import { message, type ReceivedMessage, type SentMessage } from './officer.api';
import { maySend } from './officer.roles';
import { OFFICER_STRINGS } from './officer.strings';
import { RecipientStates, RefusalText } from './recipient-states';

/** One message: a received one with its verified sender and content; a sent one with each recipient's state, live. */
export function MessagePage(props: PageProps) {
  const { id } = props.params;
  const t = useStrings(OFFICER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [shown, setShown] = useState<ReceivedMessage | SentMessage>();
  const [failure, setFailure] = useState<string>();

  const load = useCallback(() => {
    message(id).then(setShown, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.reason : String(error)),
    );
  }, [id]);
  useEffect(load, [load]);
  // Receipts and refusals that arrive after sending show here as they come.
  useServerEvents(
    ['receipt', 'refusal', 'message'],
    (_name, data) => {
      const about = data as { messageId?: string; kind?: string } | undefined;
      // A consent request or decision may be about this message: its consent list is read again.
      if (about?.messageId === id || about?.kind?.startsWith('consent-')) load();
    },
    load,
  );

  if (failure)
    return (
      <p role="alert" className="error">
        {common('error', { reason: failure })}
      </p>
    );
  if (!shown) return <p>{common('loading')}</p>;
  return (
    <section className="officer message-view" data-direction={shown.direction}>
      <h1>{t('messageTitle', { id: shown.id })}</h1>
      {shown.direction === 'received' ? (
        <Received message={shown} canSend={maySend(props.session)} onChange={load} />
      ) : (
        <Sent message={shown} />
      )}
      <p>
        <a href={`/api/messages/${encodeURIComponent(shown.id)}/envelope`} download={`${shown.id}.jose.json`}>
          {t('envelope')}
        </a>
      </p>
    </section>
  );
}

function Received(props: { message: ReceivedMessage; canSend: boolean; onChange: () => void }) {
  const t = useStrings(OFFICER_STRINGS);
  const dateTime = useDateTime();
  const { message: received } = props;
  return (
    <>
      <p className="verified">{t('verifiedSender', { from: received.from })}</p>
      <dl className="facts">
        <dt>{t('kind')}</dt>
        <dd>{received.kind}</dd>
        <dt>{t('received')}</dt>
        <dd>{dateTime(received.receivedAt)}</dd>
        {received.meta.priority && (
          <>
            <dt>{t('priority')}</dt>
            <dd>{t(`priority_${received.meta.priority}`)}</dd>
          </>
        )}
        {received.meta.replyTo && (
          <>
            <dt>{t('replyTo', { id: '' })}</dt>
            <dd>
              <a href={`#/messages/${received.meta.replyTo}`}>{received.meta.replyTo}</a>
            </dd>
          </>
        )}
      </dl>
      <HandlingBadge handling={received.handling} />
      <Body body={received.body} />
      <ConsentSummary consents={received.consents ?? []} />
      {props.canSend && (
        <div className="actions">
          <a className="button" href={`#/compose/reply/${received.id}`}>
            {t('reply')}
          </a>
          <a className="button" href={`#/compose/forward/${received.id}`}>
            {t('forward')}
          </a>
        </div>
      )}
      {props.canSend && received.handling.code !== 'H0' && !received.kind.startsWith('consent-') && (
        <AskOwnerForm messageId={received.id} owner={received.from} onAsked={props.onChange} />
      )}
    </>
  );
}

function Sent(props: { message: SentMessage }) {
  const t = useStrings(OFFICER_STRINGS);
  const { message: sent } = props;
  return (
    <>
      <dl className="facts">
        <dt>{t('kind')}</dt>
        <dd>{sent.kind}</dd>
        <dt>{t('sentTo')}</dt>
        <dd>{sent.to === 'all' ? 'all' : sent.to.join(', ')}</dd>
        <dt>{t('status')}</dt>
        <dd className={`status status-${sent.status}`}>{t(`status_${sent.status}`)}</dd>
      </dl>
      {sent.refusal && (
        <p role="alert" className="refused">
          {t('wholeRefused', { code: sent.refusal.code, reason: sent.refusal.message })}
          {sent.refusal.rule ? <RefusalText refusal={sent.refusal} /> : null}
        </p>
      )}
      <RecipientStates recipients={sent.recipients} />
      {sent.handling.code !== 'H0' && <HandlingBadge handling={sent.handling} />}
      <ConsentSummary consents={sent.consents ?? []} />
    </>
  );
}

function Body(props: { body: unknown }) {
  const t = useStrings(OFFICER_STRINGS);
  const body = props.body;
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  const subject = record && typeof record.subject === 'string' ? record.subject : undefined;
  const text = typeof body === 'string' ? body : record && typeof record.text === 'string' ? record.text : undefined;
  return (
    <article className="message-body">
      {subject && <h2>{subject}</h2>}
      {text !== undefined && <p className="message-text">{text}</p>}
      {(text === undefined || (record && Object.keys(record).some((key) => key !== 'subject' && key !== 'text'))) && (
        <pre aria-label={t('details')}>{JSON.stringify(body, null, 2)}</pre>
      )}
    </article>
  );
}
