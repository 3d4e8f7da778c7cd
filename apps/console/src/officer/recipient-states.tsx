import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import type { RecipientStatus, Refusal } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';

/** A refusal as a refusal: the rule that decided when one did, never styled or worded as success. */
export function RefusalText(props: { refusal: Refusal }) {
  const t = useStrings(OFFICER_STRINGS);
  const { refusal } = props;
  return (
    <span className="refused">
      {refusal.rule
        ? t('refusedByRule', { rule: refusal.rule, reason: refusal.message })
        : t('refusedNoRule', { code: refusal.code, reason: refusal.message })}
    </span>
  );
}

/** Where each addressee of a sent message stands: delivered, receipted, refused with the rule, … */
export function RecipientStates(props: { recipients: readonly RecipientStatus[] }) {
  const t = useStrings(OFFICER_STRINGS);
  const dateTime = useDateTime();
  return (
    <table className="recipient-states">
      <thead>
        <tr>
          <th scope="col">{t('recipient')}</th>
          <th scope="col">{t('state')}</th>
          <th scope="col">{t('detail')}</th>
        </tr>
      </thead>
      <tbody>
        {props.recipients.map((recipient) => (
          <tr key={recipient.code} data-recipient={recipient.code} data-state={recipient.state}>
            <td>{recipient.code}</td>
            <td>
              <span className={`state state-${recipient.state}`}>{t(`state_${recipient.state}`)}</span>
            </td>
            <td>
              {recipient.refusal ? <RefusalText refusal={recipient.refusal} /> : null}
              {recipient.receiptedAt && !recipient.refusal ? dateTime(recipient.receiptedAt) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
