import { useState, type FormEvent } from 'react';
import { reasonOf } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { bureauCodesOf, instantOf } from './bureau-codes';
import { amendOperation, endOperation, type Operation, type OperationAmendment } from './coordinator.api';
import { COORDINATOR_STRINGS } from './coordinator.strings';

type Outcome = { ok: boolean; text: string } | undefined;

/** Renames, adds or withdraws participants, extends; or ends the operation now with a reason. */
export function OperationChangeForm({ operation, onChanged }: { operation: Operation; onChanged: () => void }) {
  const t = useStrings(COORDINATOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const [form, setForm] = useState({ name: '', add: '', remove: '', end: '' });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  const failed = (error: unknown) => setOutcome({ ok: false, text: common('error', { reason: reasonOf(error) }) });

  const amend = (event: FormEvent) => {
    event.preventDefault();
    const changes: OperationAmendment = {};
    if (form.name.trim()) changes.name = form.name.trim();
    if (bureauCodesOf(form.add).length > 0) changes.addParticipants = bureauCodesOf(form.add);
    if (bureauCodesOf(form.remove).length > 0) changes.removeParticipants = bureauCodesOf(form.remove);
    if (instantOf(form.end)) changes.end = instantOf(form.end);
    if (Object.keys(changes).length === 0) return setOutcome({ ok: false, text: t('noChange') });
    setBusy(true);
    setOutcome(undefined);
    amendOperation(operation.id, changes)
      .then(({ version }) => {
        setOutcome({ ok: true, text: t('amended', { version: String(version) }) });
        setForm({ name: '', add: '', remove: '', end: '' });
        onChanged();
      }, failed)
      .finally(() => setBusy(false));
  };

  const end = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    endOperation(operation.id, reason.trim())
      .then(({ operation: ended }) => {
        setOutcome({ ok: true, text: t('endedEarly', { at: at(ended.end) }) });
        setReason('');
        onChanged();
      }, failed)
      .finally(() => setBusy(false));
  };

  return (
    <section className="board-card" aria-label={t('changeOperation')}>
      <h2>{t('changeOperation')}</h2>
      <form className="stacked" onSubmit={amend} aria-label={t('amend')}>
        <label>
          {t('rename')}
          <input name="rename" {...field('name')} maxLength={200} />
        </label>
        <label>
          {t('addParticipants')}
          <input name="add" {...field('add')} maxLength={2000} />
        </label>
        <label>
          {t('removeParticipants')}
          <input name="remove" {...field('remove')} maxLength={2000} />
        </label>
        <label>
          {t('newEnd')}
          <input type="datetime-local" name="extend" {...field('end')} />
        </label>
        <button type="submit" disabled={busy}>
          {t('amend')}
        </button>
      </form>
      <form className="stacked" onSubmit={end} aria-label={t('endEarly')}>
        <h3>{t('endEarly')}</h3>
        <label>
          {t('endReason')}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
        </label>
        <button type="submit" className="danger" disabled={busy}>
          {t('endNow')}
        </button>
      </form>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
