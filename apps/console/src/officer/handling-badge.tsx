import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { CONSENT_STRINGS } from './consent.strings';
import type { Handling } from './officer.api';

/** A message's handling code and what it means; for H3 the owner's conditions, allow-list and expiry. */
export function HandlingBadge(props: { handling: Handling }) {
  const t = useStrings(CONSENT_STRINGS);
  const dateTime = useDateTime();
  const { handling } = props;
  return (
    <section className="handling" data-handling={handling.code} aria-label={t('handling')}>
      <p>
        <span className={`handling-code handling-${handling.code}`}>{handling.code}</span>{' '}
        <strong>{t(`handling_${handling.code}`)}</strong>
      </p>
      <p className="hint">{t(`explain_${handling.code}`)}</p>
      {handling.code === 'H3' && (
        <dl className="facts">
          {handling.conditions && (
            <>
              <dt>{t('conditions')}</dt>
              <dd>{handling.conditions}</dd>
            </>
          )}
          {handling.allowTo && (
            <>
              <dt>{t('allowTo')}</dt>
              <dd>{handling.allowTo.length > 0 ? handling.allowTo.join(', ') : t('allowToNone')}</dd>
            </>
          )}
          {handling.expiresAt && (
            <>
              <dt>{t('handlingExpires')}</dt>
              <dd>{dateTime(handling.expiresAt)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
