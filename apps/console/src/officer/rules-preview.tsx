import { useStrings } from '../i18n/strings';
import type { RecipientPreview } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';

/** The gateway's answer per recipient before sending: allowed, or refused with the rule that would refuse. */
export function RulesPreview(props: { recipients: readonly RecipientPreview[] }) {
  const t = useStrings(OFFICER_STRINGS);
  return (
    <section className="rules-preview" aria-live="polite">
      <h2>{t('previewTitle')}</h2>
      <ul>
        {props.recipients.map((recipient) => (
          <li
            key={recipient.recipient}
            data-recipient={recipient.recipient}
            data-allowed={String(recipient.allowed)}
            className={recipient.allowed ? 'allowed' : 'refused'}
          >
            <strong>{recipient.recipient}</strong>{' '}
            {recipient.allowed
              ? t('allowed')
              : recipient.rule
                ? t('refusedByRule', { rule: recipient.rule, reason: recipient.reason ?? '' })
                : t('refusedNoRule', { code: recipient.code ?? '', reason: recipient.reason ?? '' })}
          </li>
        ))}
      </ul>
      <p className="hint">{t('previewNote')}</p>
    </section>
  );
}
