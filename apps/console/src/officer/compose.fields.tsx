import { useStrings } from '../i18n/strings';
import { EMPTY_HANDLING, HandlingFields, type HandlingDraft } from './handling.fields';
import type { HandlingCode, Priority } from './officer.api';
import { OFFICER_STRINGS } from './officer.strings';

export type ComposeKind = 'message' | 'diffusion' | 'notice-request';

export interface Draft {
  kind: ComposeKind;
  recipients: string;
  priority: Priority | '';
  subject: string;
  text: string;
  title: string;
  details: string;
  noticeType: string;
  familyName: string;
  givenNames: string;
  offence: string;
  expiry: string;
  /** A plain message's handling code (diffusions and notice requests go through their own routes). */
  handling: HandlingDraft;
}

export const EMPTY_DRAFT: Draft = {
  kind: 'message',
  recipients: '',
  priority: '',
  subject: '',
  text: '',
  title: '',
  details: '',
  noticeType: 'red',
  familyName: '',
  givenNames: '',
  offence: '',
  expiry: '',
  handling: EMPTY_HANDLING,
};

const KINDS: ComposeKind[] = ['message', 'diffusion', 'notice-request'];
const NOTICE_TYPES = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'special'];

/** The inputs of each kind of message, every one labelled. */
export function ComposeFields(props: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  fixedKind: boolean;
  hub: string;
  /** The code a forward or reply keeps from its original. */
  kept?: HandlingCode;
}) {
  const t = useStrings(OFFICER_STRINGS);
  const { draft } = props;
  const set = (name: Exclude<keyof Draft, 'handling'>) => (event: { target: { value: string } }) =>
    props.onChange({ ...draft, [name]: event.target.value });
  const text = (name: Exclude<keyof Draft, 'handling'>, label: string, required = true) => (
    <label>
      {label}
      <input name={name} value={draft[name]} onChange={set(name)} required={required} />
    </label>
  );
  return (
    <>
      <label>
        {t('kind')}
        <select name="kind" value={draft.kind} onChange={set('kind')} disabled={props.fixedKind}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'notice-request' ? (
        <>
          <p>
            {t('recipients')}: {props.hub}
          </p>
          <label>
            {t('noticeType')}
            <select name="noticeType" value={draft.noticeType} onChange={set('noticeType')}>
              {NOTICE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          {text('familyName', t('familyName'))}
          {text('givenNames', t('givenNames'), false)}
          {text('offence', t('offence'))}
          <label>
            {t('expiry')}
            <input name="expiry" type="date" value={draft.expiry} onChange={set('expiry')} required />
          </label>
        </>
      ) : (
        <>
          <label>
            {t('recipients')}
            <input
              name="recipients"
              value={draft.recipients}
              onChange={set('recipients')}
              aria-describedby="recipients-hint"
              required
            />
            <small id="recipients-hint">{t('recipientsHint')}</small>
          </label>
          <label>
            {t('priority')}
            <select name="priority" value={draft.priority} onChange={set('priority')}>
              <option value="">—</option>
              {(['routine', 'urgent', 'immediate'] as const).map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority_${priority}`)}
                </option>
              ))}
            </select>
          </label>
          {draft.kind === 'diffusion' ? (
            <>
              {text('title', t('title'))}
              <label>
                {t('details')}
                <textarea name="details" value={draft.details} onChange={set('details')} required rows={5} />
              </label>
            </>
          ) : (
            <>
              {text('subject', t('subject'))}
              <label>
                {t('text')}
                <textarea name="text" value={draft.text} onChange={set('text')} required rows={6} />
              </label>
              <HandlingFields
                value={draft.handling}
                onChange={(handling) => props.onChange({ ...draft, handling })}
                kept={props.kept}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
