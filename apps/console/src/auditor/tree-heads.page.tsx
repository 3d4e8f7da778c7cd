import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { readConsistency, readTreeHeads, type StoredTreeHead } from './auditor.api';
import { AUDITOR_STRINGS } from './auditor.strings';
import { bytesFromBase64, hexOf } from './bytes.codec';
import { loadGatewayKey } from './gateway-key';
import { verifyConsistency, type ProofCheck } from './merkle.verify';
import { verifyTreeHead } from './tree-head.verify';
import './auditor.css';

/** Both heads signed by the key, and the newer an extension of the older: all checked here. */
async function checkConsistency(older: StoredTreeHead, newer: StoredTreeHead): Promise<ProofCheck> {
  const { key } = await loadGatewayKey();
  for (const head of [older, newer]) {
    const signed = await verifyTreeHead(head, key);
    if (!signed.ok) return { ok: false, code: signed.code, reason: `size ${head.tree_size}: ${signed.reason}` };
  }
  const { consistency } = await readConsistency(older.tree_size, newer.tree_size);
  return verifyConsistency({
    first: older.tree_size,
    second: newer.tree_size,
    firstRoot: bytesFromBase64(older.sha256_root_hash),
    secondRoot: bytesFromBase64(newer.sha256_root_hash),
    proof: consistency.map(bytesFromBase64),
  });
}

/** The signed heads kept, newest first, and a consistency check between two chosen ones. */
export function TreeHeadsPage() {
  const t = useStrings(AUDITOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [heads, setHeads] = useState<StoredTreeHead[]>([]);
  const [next, setNext] = useState<number | undefined>();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [result, setResult] = useState<{ check: ProofCheck; first: number; second: number } | undefined>();
  const [error, setError] = useState('');

  const load = (before?: number) =>
    readTreeHeads(before).then(
      (page) => {
        setHeads((shown) => (before === undefined ? page.heads : [...shown, ...page.heads]));
        setNext(page.next_before);
        if (before === undefined && page.heads.length > 0) {
          setSecond(String(page.heads[0].tree_size));
          setFirst(String(page.heads[page.heads.length - 1].tree_size));
        }
      },
      (caught: unknown) => setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught)),
    );

  useEffect(() => {
    void load();
  }, []);

  async function check() {
    const older = heads.find((head) => String(head.tree_size) === first);
    const newer = heads.find((head) => String(head.tree_size) === second);
    if (!older || !newer) return;
    setResult(undefined);
    try {
      setResult({ check: await checkConsistency(older, newer), first: older.tree_size, second: newer.tree_size });
    } catch (caught) {
      setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught));
    }
  }

  const choice = (value: string, set: (value: string) => void, label: string, name: string) => (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => set(event.target.value)}>
        {heads.map((head) => (
          <option key={head.tree_size} value={String(head.tree_size)}>
            {head.tree_size} · {dateTime(head.timestamp)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="auditor">
      <h1>{t('headsTitle')}</h1>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : null}
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        {choice(first, setFirst, t('first'), 'first')}
        {choice(second, setSecond, t('second'), 'second')}
        <button type="submit">{t('checkConsistency')}</button>
      </form>
      {result ? (
        <p role="status" className={result.check.ok ? 'summary ok' : 'summary failed'}>
          {result.check.ok
            ? t('consistencyVerified', { first: result.first, second: result.second })
            : t('consistencyFailed', { reason: `${result.check.code}: ${result.check.reason}` })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('size')}</th>
              <th scope="col">{t('timestamp')}</th>
              <th scope="col">{t('root')}</th>
            </tr>
          </thead>
          <tbody>
            {heads.map((head) => (
              <tr key={head.tree_size}>
                <td>{head.tree_size}</td>
                <td>{dateTime(head.timestamp)}</td>
                <td className="hash">{hexOf(bytesFromBase64(head.sha256_root_hash))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next === undefined ? null : (
        <button type="button" onClick={() => void load(next)}>
          {t('older')}
        </button>
      )}
    </section>
  );
}
