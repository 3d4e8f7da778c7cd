import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { CONSENT_STRINGS } from './consent.strings';
import type { ConsentRequest } from './officer.api';

/** One consent request in words: "Consent to share with MR until …", "Use it as evidence: granted until …". */
export function ConsentLine(props: { consent: ConsentRequest }) {
  const t = useStrings(CONSENT_STRINGS);
  const dateTime = useDateTime();
  const { consent } = props;
  if (consent.state === 'granted' && consent.expiresAt) {
    if (!consent.active) return <span className="consent-expired">{t('consent_expired')}</span>;
    const until = dateTime(consent.expiresAt);
    return (
      <span className="consent-granted">
        {consent.purpose === 'onward-sharing'
          ? t('sharingGranted', { bureaus: consent.bureaus?.join(', ') ?? '', until })
          : t('useGranted', { purpose: t(`purpose_${consent.purpose}`), until })}
      </span>
    );
  }
  if (consent.state === 'refused')
    return <span className="refused">{t('refusedBecause', { reason: consent.reason ?? '' })}</span>;
  return (
    <span className="consent-pending">
      {t(`purpose_${consent.purpose}`)}
      {consent.bureaus ? ` (${consent.bureaus.join(', ')})` : ''}: {t('consent_pending')}
    </span>
  );
}

/** The consent asked about one message, newest first. */
export function ConsentSummary(props: { consents: readonly ConsentRequest[] }) {
  const t = useStrings(CONSENT_STRINGS);
  if (props.consents.length === 0) return null;
  return (
    <section className="consents" aria-label={t('consents')}>
      <h2>{t('consents')}</h2>
      <ul>
        {props.consents.map((consent) => (
          <li key={consent.id} data-consent-state={consent.state}>
            {consent.direction === 'incoming' ? `${t('asker')} ${consent.asker}: ` : ''}
            <ConsentLine consent={consent} />
          </li>
        ))}
      </ul>
    </section>
  );
}
