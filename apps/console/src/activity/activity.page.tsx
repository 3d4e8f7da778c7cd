import { useState, type FormEvent } from 'react';
import { reasonOf, useLoaded } from '../api/loaded';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import {
  exportActivity,
  readActivityHead,
  searchActivity,
  type ActivityFilter,
  type ActivityLine,
} from './activity.api';
import { ACTIVITY_STRINGS } from './activity.strings';
import './activity.css';

/** A datetime-local value (the browser's zone) as the ISO instant the API takes. */
function instantOf(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** The bureau administrator's view of who did and consulted what: search, page back, export. */
export function ActivityPage() {
  const t = useStrings(ACTIVITY_STRINGS);
  const dateTime = useDateTime();
  const [draft, setDraft] = useState({ person: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [older, setOlder] = useState<{ lines: ActivityLine[]; next: number | null }>();
  const [purpose, setPurpose] = useState('');
  const [exportOutcome, setExportOutcome] = useState<{ ok: boolean; text: string }>();
  const page = useLoaded(() => searchActivity(filter), JSON.stringify(filter));
  const head = useLoaded(readActivityHead, 'head');

  const search = (event: FormEvent) => {
    event.preventDefault();
    setOlder(undefined);
    setFilter({
      person: draft.person.trim() || undefined,
      action: draft.action.trim() || undefined,
      from: instantOf(draft.from),
      to: instantOf(draft.to),
    });
  };
  const next = older ? older.next : (page.value?.next ?? null);
  const loadOlder = () => {
    if (next === null) return;
    searchActivity(filter, next).then(
      (more) => setOlder({ lines: [...(older?.lines ?? []), ...more.items], next: more.next }),
      (error: unknown) => setExportOutcome({ ok: false, text: reasonOf(error) }),
    );
  };
  const runExport = (event: FormEvent) => {
    event.preventDefault();
    exportActivity(filter, purpose).then(
      (blob) => {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'activity.jsonl';
        link.click();
        URL.revokeObjectURL(link.href);
        setExportOutcome({ ok: true, text: t('exported') });
        head.reload();
      },
      (error: unknown) => setExportOutcome({ ok: false, text: reasonOf(error) }),
    );
  };
  const lines = [...(page.value?.items ?? []), ...(older?.lines ?? [])];
  const field = (name: keyof typeof draft, type = 'text') => (
    <label>
      {t(name)}
      <input
        name={name}
        type={type}
        value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </label>
  );

  return (
    <section className="activity">
      <h1>{t('title')}</h1>
      {head.value && (
        <p className="activity-head">
          {t('head', { size: head.value.treeSize })}{' '}
          {head.value.lastAnchor
            ? t('anchored', {
                size: head.value.lastAnchor.treeSize,
                index: head.value.lastAnchor.ledgerIndex ?? '—',
                at: dateTime(head.value.lastAnchor.anchoredAt),
              })
            : t('notAnchored')}
        </p>
      )}
      <form className="activity-filters" onSubmit={search} aria-label={t('search')}>
        {field('person')}
        {field('action')}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        <button type="submit">{t('search')}</button>
      </form>
      {page.error !== undefined && (
        <p role="alert" className="error">
          {reasonOf(page.error)}
        </p>
      )}
      {page.value && lines.length === 0 && <p>{t('none')}</p>}
      {lines.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('time')}</th>
              <th>{t('actor')}</th>
              <th>{t('role')}</th>
              <th>{t('action')}</th>
              <th>{t('target')}</th>
              <th>{t('purpose')}</th>
              <th>{t('outcome')}</th>
              <th>{t('post')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ seq, entry }) => (
              <tr key={seq} data-seq={seq}>
                <td>{dateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.role}</td>
                <td>{entry.action}</td>
                <td>{entry.target ?? ''}</td>
                <td>{entry.purpose ?? ''}</td>
                <td className={entry.outcome === 'done' ? 'ok' : 'error'}>
                  {entry.outcome === 'done' ? t('done') : t('refused', { code: entry.code ?? '' })}
                </td>
                <td>{entry.borderPost ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && page.value && (
        <button type="button" onClick={loadOlder}>
          {t('older')}
        </button>
      )}
      <form className="activity-export" onSubmit={runExport} aria-label={t('exportTitle')}>
        <h2>{t('exportTitle')}</h2>
        <label>
          {t('exportPurpose')}
          <input name="purpose" required maxLength={200} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <button type="submit">{t('export')}</button>
        {exportOutcome && (
          <p role="status" className={exportOutcome.ok ? 'ok' : 'error'}>
            {exportOutcome.text}
          </p>
        )}
      </form>
    </section>
  );
}
