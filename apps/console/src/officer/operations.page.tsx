import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import { operationAlerts, operations, type Alert, type Operation } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';
import { summaryOf } from './message-text';

/** The operations this bureau takes part in and the alerts received for each (read-only; the coordinator's board is apart). */
export function OperationsPage() {
  const t = useStrings(OFFICER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [list, setList] = useState<Operation[]>();
  const [alerts, setAlerts] = useState<Record<string, Alert[]>>({});
  const [failure, setFailure] = useState<string>();
  const fail = (error: unknown) => setFailure(error instanceof ApiError ? error.reason : String(error));

  const load = useCallback(() => {
    operations().then(async (found) => {
      setList(found);
      const entries = await Promise.all(
        found.map(async (operation) => [operation.id, await operationAlerts(operation.id)]),
      );
      setAlerts(Object.fromEntries(entries) as Record<string, Alert[]>);
    }, fail);
  }, []);
  useEffect(load, [load]);
  useServerEvents(['alert'], load, load);

  if (failure)
    return (
      <p role="alert" className="error">
        {common('error', { reason: failure })}
      </p>
    );
  if (!list) return <p>{common('loading')}</p>;
  return (
    <section className="officer">
      <h1>{t('operationsTitle')}</h1>
      {list.length === 0 && <p>{t('noOperations')}</p>}
      {list.map((operation) => (
        <article key={operation.id} className="operation" data-operation={operation.id}>
          <h2>
            {operation.name} <small>({operation.id})</small>
          </h2>
          <dl className="facts">
            <dt>{t('coordinator')}</dt>
            <dd>{operation.coordinator}</dd>
            <dt>{t('participants')}</dt>
            <dd>{operation.participants.join(', ')}</dd>
            <dt>{t('phase')}</dt>
            <dd>{t(`phase_${operation.phase}`)}</dd>
            <dt>{t('period')}</dt>
            <dd>
              {dateTime(operation.start)} → {dateTime(operation.end)}
            </dd>
          </dl>
          <h3>{t('alerts')}</h3>
          {(alerts[operation.id] ?? []).length === 0 ? (
            <p>{t('noAlerts')}</p>
          ) : (
            <ul>
              {alerts[operation.id].map((alert) => (
                <li key={alert.id}>
                  {dateTime(alert.receivedAt)} · {alert.from} · {summaryOf(alert.body)}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
