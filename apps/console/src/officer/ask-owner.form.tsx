import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import { CONSENT_STRINGS } from './consent.strings';
import { parseRecipients } from './message-text';
import { askConsent, type ConsentPurpose } from './officer.api';

const PURPOSES: ConsentPurpose[] = ['onward-sharing', 'evidence', 'coercive-action'];

/** "Ask the owner": a signed consent request about a received message, sent to its data owner. */
export function AskOwnerForm(props: { messageId: string; owner: string; onAsked: () => void }) {
  const t = useStrings(CONSENT_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [purpose, setPurpose] = useState<ConsentPurpose>('onward-sharing');
  const [bureaus, setBureaus] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const codes = parseRecipients(bureaus);
    askConsent(props.messageId, {
      purpose,
      ...(purpose === 'onward-sharing' ? { bureaus: Array.isArray(codes) ? codes : [] } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    }).then(
      () => {
        setBusy(false);
        setNote('');
        props.onAsked();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof ApiError ? `${error.code}: ${error.reason}` : String(error));
      },
    );
  };

  return (
    <form className="stacked ask-owner" onSubmit={submit} aria-label={t('askOwner')}>
      <h2>{t('askOwner')}</h2>
      <p className="hint">{t('askOwnerHint', { owner: props.owner })}</p>
      <label>
        {t('purpose')}
        <select name="purpose" value={purpose} onChange={(event) => setPurpose(event.target.value as ConsentPurpose)}>
          {PURPOSES.map((value) => (
            <option key={value} value={value}>
              {t(`purpose_${value}`)}
            </option>
          ))}
        </select>
      </label>
      {purpose === 'onward-sharing' && (
        <label>
          {t('bureaus')}
          <input name="bureaus" value={bureaus} onChange={(event) => setBureaus(event.target.value)} required />
        </label>
      )}
      <label>
        {t('note')}
        <textarea
          name="note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={1000}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('ask')}
        </button>
      </div>
      {failure && (
        <p role="alert" className="error">
          {common('error', { reason: failure })}
        </p>
      )}
    </form>
  );
}
