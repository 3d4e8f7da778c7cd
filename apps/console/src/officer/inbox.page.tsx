import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import type { PageProps } from '../shell/console-route';
import { inbox, type InboxQuery, type Page, type Priority, type ReceivedMessage } from './officer.api';
import { maySend } from './officer.roles';
import { CONSENT_STRINGS } from './consent.strings';
import { OFFICER_STRINGS } from './officer.strings';
import { summaryOf } from './message-text';

const KINDS = ['message', 'diffusion', 'notice', 'notice-request', 'operation-alert', 'query-result'];
const PRIORITIES: Priority[] = ['routine', 'urgent', 'immediate'];

/** A datetime-local value (the browser's zone) as an instant, or undefined when empty. */
const instant = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** Received messages, newest first: unread in bold, filtered and searched on the node, new ones pushed live. */
/** A request's due time is past (the answer may still come: the due-requests page says). */
function isOverdue(dueAt: string | undefined): boolean {
  return dueAt !== undefined && Date.parse(dueAt) < Date.now();
}

export function InboxPage(props: PageProps) {
  const t = useStrings(OFFICER_STRINGS);
  const handling = useStrings(CONSENT_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [form, setForm] = useState({ kind: '', from: '', since: '', until: '', priority: '', q: '', unread: false });
  const [query, setQuery] = useState<InboxQuery>({});
  const [page, setPage] = useState<Page<ReceivedMessage>>();
  const [failure, setFailure] = useState<string>();

  const load = useCallback(() => {
    inbox(query).then(
      (first) => {
        setPage(first);
        setFailure(undefined);
      },
      (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)),
    );
  }, [query]);
  useEffect(load, [load]);
  // A new message is a hint to reload the first page (with the filters applied), never the record itself.
  useServerEvents(['message'], load, load);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery({
      kind: form.kind || undefined,
      from: form.from.trim().toUpperCase() || undefined,
      since: instant(form.since),
      until: instant(form.until),
      priority: (form.priority || undefined) as Priority | undefined,
      q: form.q.trim() || undefined,
      unread: form.unread || undefined,
    });
  };
  const older = () => {
    if (!page?.next) return;
    inbox({ ...query, before: page.next }).then(
      (next) => setPage({ items: [...page.items, ...next.items], next: next.next }),
      (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error)),
    );
  };
  const field = (name: keyof typeof form) => (value: string | boolean) => setForm({ ...form, [name]: value });

  return (
    <section className="officer">
      <div className="officer-heading">
        <h1>{t('inboxTitle')}</h1>
        {maySend(props.session) && (
          <a className="button" href="#/compose">
            {t('navCompose')}
          </a>
        )}
      </div>
      <form className="officer-filters" onSubmit={apply} aria-label={t('filters')}>
        <label>
          {t('kind')}
          <select value={form.kind} onChange={(e) => field('kind')(e.target.value)}>
            <option value="">{t('any')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sender')}
          <input value={form.from} maxLength={3} onChange={(e) => field('from')(e.target.value)} />
        </label>
        <label>
          {t('since')}
          <input type="datetime-local" value={form.since} onChange={(e) => field('since')(e.target.value)} />
        </label>
        <label>
          {t('until')}
          <input type="datetime-local" value={form.until} onChange={(e) => field('until')(e.target.value)} />
        </label>
        <label>
          {t('priority')}
          <select value={form.priority} onChange={(e) => field('priority')(e.target.value)}>
            <option value="">{t('any')}</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`priority_${priority}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search')}
          <input type="search" value={form.q} maxLength={100} onChange={(e) => field('q')(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.unread} onChange={(e) => field('unread')(e.target.checked)} />
          {t('unreadOnly')}
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
      {page === undefined ? (
        <p>{common('loading')}</p>
      ) : page.items.length === 0 ? (
        <p>{t('noMessages')}</p>
      ) : (
        <table className="inbox">
          <thead>
            <tr>
              <th scope="col">{t('received')}</th>
              <th scope="col">{t('sender')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('priority')}</th>
              <th scope="col">{t('due')}</th>
              <th scope="col">{t('summary')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} data-id={item.id} className={item.read === false ? 'unread' : undefined}>
                <td>{dateTime(item.receivedAt)}</td>
                <td>{item.from}</td>
                <td>{item.kind}</td>
                <td>{item.meta.priority ? t(`priority_${item.meta.priority}`) : ''}</td>
                <td className="due" data-overdue={isOverdue(item.meta.dueAt) || undefined}>
                  {item.meta.dueAt && dateTime(item.meta.dueAt)}
                  {isOverdue(item.meta.dueAt) && <strong> ({t('overdue')})</strong>}
                </td>
                <td>
                  {item.handling.code !== 'H0' && (
                    <span
                      className={`handling-code handling-${item.handling.code}`}
                      title={handling(`handling_${item.handling.code}`)}
                    >
                      {item.handling.code}
                    </span>
                  )}{' '}
                  <a href={`#/messages/${item.id}`}>{summaryOf(item.body)}</a>
                  {item.read === false && <span className="visually-hidden"> ({t('unread')})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.next && (
        <button type="button" onClick={older}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
