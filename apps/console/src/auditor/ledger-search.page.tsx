import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { navigate } from '../shell/hash-path';
import { searchLedger, type SearchEntry, type SearchFilters } from './auditor.api';
import { AUDITOR_STRINGS } from './auditor.strings';
import './auditor.css';

const STATUSES = ['accepted', 'refused', 'delivered', 'receipted', 'registry'] as const;
const STATUS_KEY = {
  accepted: 'statusAccepted',
  refused: 'statusRefused',
  delivered: 'statusDelivered',
  receipted: 'statusReceipted',
  registry: 'statusRegistry',
} as const;

/** A datetime-local value (the browser's zone) as an ISO instant, or undefined when empty. */
const instant = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);

/** Ledger search by date, party, kind and status; each result leads to its message's verified trail. */
export function LedgerSearchPage() {
  const t = useStrings(AUDITOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [form, setForm] = useState({ from: '', to: '', party: '', kind: '', status: '' });
  const [messageId, setMessageId] = useState('');
  const [entries, setEntries] = useState<SearchEntry[] | undefined>();
  const [next, setNext] = useState<number | undefined>();
  const [coverage, setCoverage] = useState('');
  const [error, setError] = useState('');

  async function run(cursor?: number) {
    setError('');
    const filters: SearchFilters = {
      from: instant(form.from),
      to: instant(form.to),
      party: form.party.trim().toUpperCase(),
      kind: form.kind.trim(),
      status: form.status,
    };
    try {
      const page = await searchLedger(filters, cursor);
      setEntries((before) => (cursor === undefined ? page.entries : [...(before ?? []), ...page.entries]));
      setNext(page.next_cursor);
      setCoverage(t('coverage', { indexed: page.indexed_size, signed: page.signed_size }));
    } catch (caught) {
      setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught));
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  return (
    <section className="auditor">
      <h1>{t('searchTitle')}</h1>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (messageId.trim()) navigate(`/trail/${encodeURIComponent(messageId.trim())}`);
        }}
      >
        <label>
          {t('messageId')}
          <input name="messageId" value={messageId} onChange={(event) => setMessageId(event.target.value)} />
        </label>
        <button type="submit">{t('openTrail')}</button>
      </form>
      <form className="search-form" onSubmit={submit}>
        <label>
          {t('from')}
          <input type="datetime-local" name="from" {...field('from')} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" name="to" {...field('to')} />
        </label>
        <label>
          {t('party')}
          <input name="party" maxLength={8} {...field('party')} />
        </label>
        <label>
          {t('kind')}
          <input name="kind" maxLength={40} {...field('kind')} />
        </label>
        <label>
          {t('status')}
          <select name="status" {...field('status')}>
            <option value="">{t('any')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_KEY[status])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : null}
      {entries === undefined ? null : entries.length === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <>
          <p className="note">{coverage}</p>
          <div className="table-scroll">
            <table className="ledger-results">
              <thead>
                <tr>
                  <th scope="col">{t('index')}</th>
                  <th scope="col">{t('at')}</th>
                  <th scope="col">{t('type')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('sender')}</th>
                  <th scope="col">{t('recipient')}</th>
                  <th scope="col">{t('message')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.leaf_index}>
                    <td>{entry.leaf_index}</td>
                    <td>{dateTime(entry.at)}</td>
                    <td>{entry.type}</td>
                    <td>
                      {STATUSES.includes(entry.status as never)
                        ? t(STATUS_KEY[entry.status as (typeof STATUSES)[number]])
                        : entry.status}
                    </td>
                    <td>{entry.kind ?? ''}</td>
                    <td>{entry.sender ?? ''}</td>
                    <td>{entry.recipient ?? ''}</td>
                    <td>
                      {entry.envelope_id ? (
                        <a href={`#/trail/${encodeURIComponent(entry.envelope_id)}`}>{entry.envelope_id}</a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next === undefined ? null : (
            <button type="button" onClick={() => void run(next)}>
              {t('older')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
