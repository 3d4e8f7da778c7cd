import { datetimeLocalInstant } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { CONSENT_STRINGS } from './consent.strings';
import type { Handling, HandlingCode } from './officer.api';
import { parseRecipients } from './message-text';

export const HANDLING_CODES: HandlingCode[] = ['H0', 'H1', 'H2', 'H3'];

/** The handling inputs of a draft: the code, and for H3 the owner's conditions, allow-list and expiry. */
export interface HandlingDraft {
  code: HandlingCode | '';
  conditions: string;
  allowTo: string;
  /** A datetime-local value. */
  expiresAt: string;
}

export const EMPTY_HANDLING: HandlingDraft = { code: '', conditions: '', allowTo: '', expiresAt: '' };

/** The meta.handling a draft asks for; none when no code is picked (the node then keeps the original's). */
export function handlingOf(draft: HandlingDraft): Handling | undefined {
  if (!draft.code) return undefined;
  if (draft.code !== 'H3') return { code: draft.code };
  const allowTo = draft.allowTo.trim() ? parseRecipients(draft.allowTo) : undefined;
  const expiresAt = datetimeLocalInstant(draft.expiresAt);
  return {
    code: 'H3',
    ...(draft.conditions.trim() ? { conditions: draft.conditions.trim() } : {}),
    ...(Array.isArray(allowTo) ? { allowTo } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/** A received message's handling as a draft's, for a forward or reply that keeps it. */
export function handlingDraftOf(handling: Handling): HandlingDraft {
  return {
    code: handling.code,
    conditions: handling.conditions ?? '',
    allowTo: handling.allowTo?.join(', ') ?? '',
    expiresAt: handling.expiresAt ? localInputValue(handling.expiresAt) : '',
  };
}

// datetime-local wants the browser's local time without a zone.
function localInputValue(instant: string): string {
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function HandlingFields(props: {
  value: HandlingDraft;
  onChange: (value: HandlingDraft) => void;
  kept?: HandlingCode;
}) {
  const t = useStrings(CONSENT_STRINGS);
  const { value } = props;
  const set = (name: keyof HandlingDraft) => (event: { target: { value: string } }) =>
    props.onChange({ ...value, [name]: event.target.value });
  return (
    <fieldset className="handling-fields">
      <legend>{t('handling')}</legend>
      <label>
        {t('handling')}
        <select name="handling" value={value.code} onChange={set('code')} aria-describedby="handling-hint">
          <option value="">—</option>
          {HANDLING_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`handling_${code}`)}
            </option>
          ))}
        </select>
        <small id="handling-hint">{props.kept ? t('keptFromOriginal', { code: props.kept }) : t('handlingHint')}</small>
      </label>
      {value.code && <p className="hint">{t(`explain_${value.code}`)}</p>}
      {value.code === 'H3' && (
        <>
          <label>
            {t('conditions')}
            <textarea name="handlingConditions" value={value.conditions} onChange={set('conditions')} rows={2} />
          </label>
          <label>
            {t('allowTo')}
            <input
              name="handlingAllowTo"
              value={value.allowTo}
              onChange={set('allowTo')}
              aria-describedby="allow-to-hint"
            />
            <small id="allow-to-hint">{t('allowToHint')}</small>
          </label>
          <label>
            {t('handlingExpires')}
            <input name="handlingExpiresAt" type="datetime-local" value={value.expiresAt} onChange={set('expiresAt')} />
          </label>
        </>
      )}
    </fieldset>
  );
}
