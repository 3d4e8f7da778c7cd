import { useState, type FormEvent } from 'react';
import { reasonOf } from '../api/loaded';
import { useStrings } from '../i18n/strings';
import { downloadReport, type Operation } from './coordinator.api';
import { COORDINATOR_STRINGS } from './coordinator.strings';

/** The after-action report as a file; an export, so the purpose is asked and recorded. */
export function OperationReportDownload({ operation }: { operation: Operation }) {
  const t = useStrings(COORDINATOR_STRINGS);
  const [purpose, setPurpose] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = `operation-${operation.id}-report.json`;
    downloadReport(operation.id, purpose.trim()).then(
      (blob) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = file;
        link.click();
        URL.revokeObjectURL(link.href);
        setOutcome({ ok: true, text: t('reportSaved', { file }) });
      },
      (error: unknown) => setOutcome({ ok: false, text: reasonOf(error) }),
    );
  };

  return (
    <form className="stacked board-card" onSubmit={submit} aria-label={t('report')}>
      <h2>{t('report')}</h2>
      <label>
        {t('purpose')}
        <input name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={200} required />
      </label>
      <button type="submit">{t('downloadReport')}</button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
