import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { reasonOf, useLoaded } from '../api/loaded';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { useServerEvents } from '../live/server-events';
import type { PageProps } from '../shell/console-route';
import { navigate } from '../shell/hash-path';
import { operations, replies, sendAlert, sentAlerts, type Operation } from './coordinator.api';
import { COORDINATOR_STRINGS } from './coordinator.strings';
import { OperationChangeForm } from './operation-change.form';
import { OperationCreateForm } from './operation-create.form';
import { OperationReportDownload } from './operation-report.download';
import './coordinator.css';

const PRIORITIES = ['routine', 'urgent', 'immediate'] as const;

/**
 * The coordinator's board: the operations this bureau coordinates, a form to create one; one chosen
 * shows its participants, alerts and replies, the forms to change or end it, and its report.
 */
export function OperationBoardPage({ params }: PageProps) {
  const t = useStrings(COORDINATOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const list = useLoaded(operations, 'operations');
  const mine = list.value?.filter((operation) => operation.role === 'coordinator');
  const chosen = mine?.find((operation) => operation.id === params.id) ?? mine?.[0];

  return (
    <div className="board-page">
      <h1>{t('board')}</h1>
      {list.error !== undefined && (
        <p role="alert" className="error">
          {common('error', { reason: reasonOf(list.error) })}
        </p>
      )}
      {!mine ? (
        <p>{common('loading')}</p>
      ) : mine.length === 0 || !chosen ? (
        <p>{t('noOperations')}</p>
      ) : (
        <>
          <label>
            {t('operation')}
            <select
              value={chosen.id}
              onChange={(e) => navigate(`/operations/board/${encodeURIComponent(e.target.value)}`)}
            >
              {mine.map((operation) => (
                <option key={operation.id} value={operation.id}>
                  {operation.name} ({t(operation.phase)})
                </option>
              ))}
            </select>
          </label>
          <Board operation={chosen} onChanged={list.reload} />
        </>
      )}
      <OperationCreateForm
        onCreated={(operation) => {
          list.reload();
          navigate(`/operations/board/${encodeURIComponent(operation.id)}`);
        }}
      />
    </div>
  );
}

function Board({ operation, onChanged }: { operation: Operation; onChanged: () => void }) {
  const t = useStrings(COORDINATOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const at = useDateTime();
  const alerts = useLoaded(() => sentAlerts(operation.id), operation.id);
  const answers = useLoaded(() => replies(operation.id), operation.id);
  const readAgain = () => {
    alerts.reload();
    answers.reload();
  };
  useServerEvents(['receipt', 'refusal', 'message'], readAgain, readAgain);
  const participants = operation.participants.filter((code) => code !== operation.coordinator);

  return (
    <>
      <section aria-label={t('participants')} className="board-card">
        <dl>
          <dt>{t('period')}</dt>
          <dd>
            {at(operation.start)} → {at(operation.end)} · <span data-phase={operation.phase}>{t(operation.phase)}</span>
          </dd>
          <dt>{t('participants')}</dt>
          <dd>{participants.join(', ')}</dd>
        </dl>
        {operation.phase === 'ended' && (
          <p role="status" data-ended>
            {t('endedAt', { at: at(operation.end) })}
          </p>
        )}
      </section>
      {operation.phase !== 'ended' && <OperationChangeForm operation={operation} onChanged={onChanged} />}
      <AlertForm operation={operation} onSent={() => alerts.reload()} />
      <section aria-label={t('alerts')} className="board-card">
        <h2>{t('alerts')}</h2>
        {alerts.error !== undefined && (
          <p role="alert" className="error">
            {common('error', { reason: reasonOf(alerts.error) })}
          </p>
        )}
        {alerts.value?.length === 0 && <p>{t('noAlerts')}</p>}
        {alerts.value && alerts.value.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sentAt')}</th>
                <th scope="col">{t('gateway')}</th>
                {participants.map((code) => (
                  <th key={code} scope="col">
                    {code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {alerts.value.map((alert) => (
                <tr key={alert.id} data-alert={alert.id}>
                  <td>
                    {at(alert.createdAt)}
                    {alert.meta.priority ? ` · ${t(alert.meta.priority as (typeof PRIORITIES)[number])}` : ''}
                    <br />
                    <small>{alert.id}</small>
                  </td>
                  <td className={`state-${alert.status}`}>{t(alert.status)}</td>
                  {participants.map((code) => {
                    const recipient = alert.recipients.find((candidate) => candidate.code === code);
                    const state = recipient?.state ?? 'pending';
                    return (
                      <td key={code} className={`state-${state}`} data-recipient={code} data-state={state}>
                        {t(state)}
                        {recipient?.refusal?.rule && (
                          <>
                            <br />
                            <small>{t('rule', { rule: recipient.refusal.rule })}</small>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label={t('replies')} className="board-card">
        <h2>{t('replies')}</h2>
        {answers.value?.length === 0 && <p>{t('noReplies')}</p>}
        <ul>
          {answers.value?.map((reply) => (
            <li key={reply.id}>
              <strong>{reply.from}</strong> · {at(reply.receivedAt)}
              {reply.body.alertId ? ` · ${t('inReplyTo', { id: reply.body.alertId })}` : ''}
              <p>{reply.body.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <OperationReportDownload operation={operation} />
    </>
  );
}

function AlertForm({ operation, onSent }: { operation: Operation; onSent: () => void }) {
  const t = useStrings(COORDINATOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('urgent');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    sendAlert(operation.id, { title: title.trim(), details: details.trim(), priority })
      .then(
        (sent) => {
          setOutcome({ ok: true, text: t('sent', { id: sent.id, to: sent.to.join(', ') }) });
          setTitle('');
          setDetails('');
          onSent();
        },
        (error: unknown) =>
          setOutcome({
            ok: false,
            text: common('error', { reason: error instanceof ApiError ? error.reason : String(error) }),
          }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="stacked board-card" onSubmit={submit} aria-label={t('newAlert')}>
      <h2>{t('newAlert')}</h2>
      {operation.phase !== 'running' && <p>{t('notRunning')}</p>}
      <label>
        {t('title')}
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      </label>
      <label>
        {t('details')}
        <textarea
          name="details"
          rows={3}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          maxLength={4000}
          required
        />
      </label>
      <label>
        {t('priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value as (typeof PRIORITIES)[number])}>
          {PRIORITIES.map((option) => (
            <option key={option} value={option}>
              {t(option)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {t('send')}
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
