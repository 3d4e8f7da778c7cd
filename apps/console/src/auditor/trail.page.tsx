import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import type { PageProps } from '../shell/console-route';
import { evidenceBundleUrl, readTrail } from './auditor.api';
import { AUDITOR_STRINGS } from './auditor.strings';
import { CheckResult } from './check-result';
import { loadGatewayKey } from './gateway-key';
import { verifyTrail, type TrailVerdict } from './trail.verify';
import './auditor.css';

/** A message's trail, every proof and the head's signature verified here, each stated verified or FAILED. */
export function TrailPage({ params }: PageProps) {
  const t = useStrings(AUDITOR_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const messageId = params.messageId;
  const [verdict, setVerdict] = useState<TrailVerdict | undefined>();
  const [fingerprint, setFingerprint] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    setVerdict(undefined);
    setError('');
    Promise.all([readTrail(messageId), loadGatewayKey()])
      .then(async ([trail, key]) => {
        const result = await verifyTrail(trail, key.key);
        if (!current) return;
        setFingerprint(key.fingerprint);
        setVerdict(result);
      })
      .catch((caught: unknown) => {
        if (current) setError(caught instanceof ApiError ? `${caught.code}: ${caught.reason}` : String(caught));
      });
    return () => {
      current = false;
    };
  }, [messageId]);

  const failures = verdict
    ? (verdict.head.ok ? 0 : 1) +
      verdict.entries.reduce((count, entry) => count + (entry.leaf.ok ? 0 : 1) + (entry.inclusion.ok ? 0 : 1), 0)
    : 0;

  return (
    <section className="auditor">
      <h1>{t('trailTitle', { id: messageId })}</h1>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : !verdict ? (
        <p aria-live="polite">{t('verifying')}</p>
      ) : (
        <>
          <p
            role="status"
            className={verdict.verified ? 'summary ok' : 'summary failed'}
            data-trail={verdict.verified ? 'verified' : 'failed'}
          >
            {verdict.verified
              ? t('allVerified', { count: verdict.entries.length })
              : t('someFailed', { count: failures })}
          </p>
          <p>
            <CheckResult
              label={t('headLabel', { size: verdict.sth.tree_size, time: dateTime(verdict.sth.timestamp) })}
              check={verdict.head}
            />
          </p>
          <p className="note">{t('keyNote', { fingerprint })}</p>
          <p>
            <a className="button-link" href={evidenceBundleUrl(messageId)} download={`evidence-${messageId}.json`}>
              {t('download')}
            </a>
          </p>
          <ol className="trail">
            {verdict.entries.map(({ entry, leaf, inclusion }) => (
              <li key={entry.leaf_index} data-leaf={entry.leaf_index}>
                <h2>
                  #{entry.leaf_index} · {String(entry.entry.type)} ·{' '}
                  {typeof entry.entry.at === 'string' ? dateTime(entry.entry.at) : ''}
                </h2>
                <pre className="entry">{JSON.stringify(entry.entry, null, 2)}</pre>
                <p className="checks">
                  <CheckResult label={t('leafCheck')} check={leaf} />
                  <CheckResult label={t('inclusionCheck')} check={inclusion} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
