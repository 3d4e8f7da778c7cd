import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { reasonOf, useLoaded } from '../api/loaded';
import { useServerEvents } from '../live/server-events';
import { sentHits, type Hit } from './border.api';
import { BORDER_STRINGS } from './border.strings';
import { Countdown } from './countdown';
import './border.css';

/** The hits of checks made here, with the owner's countdown; an answer arrives without a reload. */
export function HitsPage() {
  const t = useStrings(BORDER_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const hits = useLoaded(sentHits, 'sent');
  useServerEvents(['hit', 'hit-answer'], hits.reload, hits.reload);

  const record = (hit: Hit) =>
    hit.hit.kind === 'document'
      ? t('documentRecord', { country: hit.hit.issuingCountry })
      : t('personRecord', { reference: hit.hit.reference });

  return (
    <div className="border-page">
      <h1>{t('hits')}</h1>
      {hits.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(hits.error) })}
        </p>
      )}
      {!hits.value ? (
        <p>{common('loading')}</p>
      ) : hits.value.items.length === 0 ? (
        <p>{t('noHits')}</p>
      ) : (
        <ul className="hit-list">
          {hits.value.items.map((hit) => (
            <li key={hit.id} className={`hit-card state-${hit.state}`} data-hit={hit.id}>
              <strong>{record(hit)}</strong>
              <span>
                {t('checkedAt')} {at(hit.checkedAt)} · {hit.place}
              </span>
              <span className="hit-state" data-state={hit.state}>
                {hit.answer ? (
                  <>
                    {t(hit.answer.answer)}
                    {hit.answer.status ? ` (${hit.answer.status})` : ''}
                    {hit.answer.late ? ` · ${t('late')}` : ''}
                    {hit.answer.note ? ` — ${hit.answer.note}` : ''}
                  </>
                ) : hit.state === 'overdue' ? (
                  t('overdue')
                ) : (
                  <>
                    {t('awaiting')} · <Countdown deadline={hit.answerBy} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
