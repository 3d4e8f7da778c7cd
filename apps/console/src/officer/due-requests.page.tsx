import { useState } from 'react';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import type { PageProps } from '../shell/console-route';
import { trackedRequests, type RequestList } from './due-requests.api';
import { DUE_REQUESTS_STRINGS } from './due-requests.strings';
import { SENDER_ROLES } from './officer.roles';

const LISTS: readonly RequestList[] = ['open', 'overdue', 'escalated', 'answered'];

/**
 * Queries and requests received here, due first: overdue ones highlighted, escalated ones marked.
 * Officers start on those still to answer; a reviewer (who follows up) on the escalated ones.
 */
export function DueRequestsPage({ session }: PageProps) {
  const t = useStrings(DUE_REQUESTS_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const roles = session.person.roles;
  const [list, setList] = useState<RequestList>(
    roles.includes('reviewer') && !roles.includes('officer') ? 'escalated' : 'open',
  );
  // The message page is for those who answer; a reviewer follows up from this list.
  const canOpen = SENDER_ROLES.some((role) => roles.includes(role));
  const requests = useLoaded(() => trackedRequests(list), list);
  useServerEvents(['message', 'escalation'], requests.reload, requests.reload);

  return (
    <section className="officer due-requests">
      <h1>{t('title')}</h1>
      <p>{t('hint')}</p>
      <label>
        {t('show')}{' '}
        <select value={list} onChange={(event) => setList(event.target.value as RequestList)}>
          {LISTS.map((name) => (
            <option key={name} value={name}>
              {t(`state_${name}`)}
            </option>
          ))}
        </select>
      </label>
      {requests.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(requests.error) })}
        </p>
      )}
      {!requests.value ? (
        <p>{common('loading')}</p>
      ) : requests.value.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dueAt')}</th>
              <th scope="col">{t('request')}</th>
              <th scope="col">{t('from')}</th>
              <th scope="col">{t('priority')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.value.map((request) => (
              <tr key={request.id} data-id={request.id} data-state={request.state} className={`state-${request.state}`}>
                <td>{at(request.dueAt)}</td>
                <td>{canOpen ? <a href={`#/messages/${request.id}`}>{request.kind}</a> : request.kind}</td>
                <td>{request.from}</td>
                <td>{t(`priority_${request.priority}`)}</td>
                <td>
                  <span className={`state state-${request.state}`}>{t(`state_${request.state}`)}</span>
                  {request.escalatedAt && (
                    <span className="escalated" data-escalated="true">
                      {' '}
                      {t('escalated', { at: at(request.escalatedAt) })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
