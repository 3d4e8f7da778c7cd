import { useState, type FormEvent } from 'react';
import { reasonOf } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';
import { bureauCodesOf, instantOf } from './bureau-codes';
import { createOperation, type Operation } from './coordinator.api';
import { COORDINATOR_STRINGS } from './coordinator.strings';

/** Creates an operation coordinated by this bureau; the node relays it to the registry, which binds it to this bureau. */
export function OperationCreateForm({ onCreated }: { onCreated: (operation: Operation) => void }) {
  const t = useStrings(COORDINATOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [form, setForm] = useState({ name: '', participants: '', start: '', end: '' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    createOperation({
      name: form.name.trim(),
      participants: bureauCodesOf(form.participants),
      start: instantOf(form.start) ?? '',
      end: instantOf(form.end) ?? '',
    })
      .then(
        ({ operation, version }) => {
          setOutcome({ ok: true, text: t('created', { name: operation.name, version: String(version) }) });
          setForm({ name: '', participants: '', start: '', end: '' });
          onCreated(operation);
        },
        (error: unknown) => setOutcome({ ok: false, text: common('error', { reason: reasonOf(error) }) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="stacked board-card" onSubmit={submit} aria-label={t('newOperation')}>
      <h2>{t('newOperation')}</h2>
      <label>
        {t('name')}
        <input name="name" {...field('name')} maxLength={200} required />
      </label>
      <label>
        {t('participantCodes')}
        <input name="participants" {...field('participants')} maxLength={2000} required />
      </label>
      <label>
        {t('start')}
        <input type="datetime-local" name="start" {...field('start')} required />
      </label>
      <label>
        {t('end')}
        <input type="datetime-local" name="end" {...field('end')} required />
      </label>
      <button type="submit" disabled={busy}>
        {t('create')}
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
