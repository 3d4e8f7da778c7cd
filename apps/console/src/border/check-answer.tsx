import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import type { DocumentCheckAnswer, ReplicaFreshness } from './border.api';
import { BORDER_STRINGS } from './border.strings';
import { Countdown } from './countdown';

/** How current the replica that answered is: a no-hit is only as good as its age. */
export function ReplicaAge(props: { replica: ReplicaFreshness }) {
  const t = useStrings(BORDER_STRINGS);
  const at = useDateTime();
  const { currentAsOf, ageMs, complete } = props.replica;
  return (
    <p className="replica-age">
      {currentAsOf === null || ageMs === null
        ? t('replicaNever')
        : t('replicaAge', { at: at(currentAsOf), minutes: Math.floor(ageMs / 60_000) })}
      {!complete && <> · {t('replicaIncomplete')}</>}
    </p>
  );
}

/** A document check's answer: hit (with the owner's countdown), no hit, or undetermined — never confused. */
export function DocumentCheckAnswerPanel(props: { answer: DocumentCheckAnswer }) {
  const t = useStrings(BORDER_STRINGS);
  const at = useDateTime();
  const { answer } = props;
  const hit = answer.hit;
  return (
    <section className={`check-answer outcome-${answer.outcome}`} aria-live="polite" aria-label={t('answer')}>
      <p className="outcome" data-outcome={answer.outcome}>
        {answer.outcome === 'hit' ? t('hit') : answer.outcome === 'no-hit' ? t('noHit') : t('undetermined')}
      </p>
      {answer.outcome === 'undetermined' && <p>{t('undeterminedWhy')}</p>}
      {hit && (
        <dl>
          <dt>{t('owner')}</dt>
          <dd>{hit.owner}</dd>
          <dt>{t('status')}</dt>
          <dd>{hit.status}</dd>
          {hit.answerBy && (
            <>
              <dt>{t('answerBy')}</dt>
              <dd>
                {at(hit.answerBy)} · <Countdown deadline={hit.answerBy} />
              </dd>
            </>
          )}
          {hit.details &&
            Object.entries(hit.details).map(([field, value]) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      )}
      {hit && (
        <p className={hit.notification === 'sent' ? 'ok' : 'error'}>
          {hit.notification === 'sent' ? t('notified') : t('notificationFailed')}
        </p>
      )}
      <ReplicaAge replica={answer.replica} />
    </section>
  );
}
