import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { readOperations } from './admin.api';
import { ADMIN_STRINGS } from './admin.strings';
import { useLoaded } from './use-loaded';
import './admin.css';

/** The operations the registry knows: coordinator, participants and when each runs. */
export function OperationsPage() {
  const t = useStrings(ADMIN_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const { data, error } = useLoaded(readOperations);
  return (
    <section className="admin">
      <h1>{t('operationsTitle')}</h1>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : !data ? (
        <p>{common('loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('noOperations')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('coordinator')}</th>
                <th scope="col">{t('participants')}</th>
                <th scope="col">{t('start')}</th>
                <th scope="col">{t('end')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((operation) => (
                <tr key={operation.id}>
                  <td>
                    {operation.name} <span className="hash">({operation.id})</span>
                  </td>
                  <td>{operation.coordinator}</td>
                  <td>{operation.participants.join(', ')}</td>
                  <td>{dateTime(operation.start)}</td>
                  <td>{dateTime(operation.end)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
