import { useState, type FormEvent } from 'react';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';

/** Refusal, cancellation and withdrawal all carry a reason: asked for in place, sent on confirm. */
export function ReasonForm(props: {
  label: string;
  confirm: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const common = useStrings(COMMON_STRINGS);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) props.onSubmit(reason.trim());
  };
  return (
    <form className="stacked reason-form" onSubmit={submit}>
      <label>
        {props.label}
        <textarea
          name="reason"
          rows={3}
          maxLength={2000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit" className="danger" disabled={props.busy}>
          {props.confirm}
        </button>
        <button type="button" onClick={props.onCancel}>
          {common('cancel')}
        </button>
      </div>
    </form>
  );
}
