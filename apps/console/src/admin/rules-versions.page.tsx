import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { readRulesDiff, readRulesVersions, type DiffLine, type RulesDiff, type RulesVersionSummary } from './admin.api';
import { ADMIN_STRINGS } from './admin.strings';
import './admin.css';

const MARK = { same: ' ', added: '+', removed: '−' } as const;

/** Unchanged lines kept around each change; longer unchanged runs fold into one line. */
const CONTEXT = 3;

type Shown = DiffLine | { op: 'folded'; lines: DiffLine[] };

function folded(lines: DiffLine[]): Shown[] {
  const near = lines.map((_line, i) =>
    lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((other) => other.op !== 'same'),
  );
  const shown: Shown[] = [];
  lines.forEach((line, i) => {
    const last = shown[shown.length - 1];
    if (line.op !== 'same' || near[i]) shown.push(line);
    else if (last?.op === 'folded') last.lines.push(line);
    else shown.push({ op: 'folded', lines: [line] });
  });
  // Folding one line saves nothing.
  return shown.flatMap((item) => (item.op === 'folded' && item.lines.length === 1 ? item.lines : [item]));
}

function DiffView({ title, lines }: { title: string; lines: DiffLine[] }) {
  const t = useStrings(ADMIN_STRINGS);
  const changed = lines.some((line) => line.op !== 'same');
  return (
    <section className="diff">
      <h2>{title}</h2>
      {!changed ? (
        <p>{t('noChange')}</p>
      ) : (
        <pre dir="ltr">
          {folded(lines).map((line, i) =>
            line.op === 'folded' ? (
              <div key={i} className="line folded">
                {t('unchanged', { count: line.lines.length })}
              </div>
            ) : (
              <div key={i} className={`line ${line.op}`} data-op={line.op}>
                <span className="mark" aria-label={line.op === 'same' ? undefined : t(line.op)}>
                  {MARK[line.op]}
                </span>
                {line.text}
              </div>
            ),
          )}
        </pre>
      )}
    </section>
  );
}

/** The policy-set versions (who changed them, when) and the differences between two of them. */
export function RulesVersionsPage() {
  const t = useStrings(ADMIN_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [versions, setVersions] = useState<RulesVersionSummary[]>([]);
  const [nextBefore, setNextBefore] = useState<number | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<RulesDiff | undefined>();
  const [error, setError] = useState('');
  const fail = (caught: unknown) =>
    setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught));

  const load = (before?: number) =>
    readRulesVersions(before).then((page) => {
      setVersions((shown) => (before === undefined ? page.versions : [...shown, ...page.versions]));
      setNextBefore(page.nextBefore);
      if (before === undefined && page.versions.length > 0) {
        setTo(String(page.versions[0].version));
        setFrom(String(page.versions[Math.min(1, page.versions.length - 1)].version));
      }
    }, fail);

  useEffect(() => {
    void load();
  }, []);

  const choice = (value: string, set: (value: string) => void, label: string, name: string) => (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => set(event.target.value)}>
        {versions.map((version) => (
          <option key={version.version} value={String(version.version)}>
            {version.version} · {version.author}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="admin">
      <h1>{t('rulesTitle')}</h1>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="versions">
          <thead>
            <tr>
              <th scope="col">{t('version')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('author')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version}>
                <td>{version.version}</td>
                <td>{dateTime(version.createdAt)}</td>
                <td>{version.author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore === undefined ? null : (
        <button type="button" onClick={() => void load(nextBefore)}>
          {t('olderVersions')}
        </button>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setDiff(undefined);
          readRulesDiff(Number(from), Number(to)).then(setDiff, fail);
        }}
      >
        {choice(from, setFrom, t('from'), 'from')}
        {choice(to, setTo, t('to'), 'to')}
        <button type="submit">{t('compare')}</button>
      </form>
      {diff ? (
        <>
          <DiffView title={t('policies')} lines={diff.policies} />
          <DiffView title={t('limits')} lines={diff.limits} />
        </>
      ) : null}
    </section>
  );
}
