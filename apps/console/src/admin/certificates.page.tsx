import { useState } from 'react';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useStrings } from '../i18n/strings';
import { readCertificates, type CertificatesOverview } from './admin.api';
import { ADMIN_STRINGS } from './admin.strings';
import { useLoaded } from './use-loaded';
import './admin.css';

/** Certificates warn a month ahead of expiry. */
const SOON_DAYS = 30;

function Freshness({ revocation }: { revocation: CertificatesOverview['revocation'] }) {
  const t = useStrings(ADMIN_STRINGS);
  const dateTime = useDateTime();
  return (
    <p className="freshness" role="status">
      {revocation.publishedAt
        ? t('freshness', {
            version: revocation.directoryVersion,
            published: dateTime(revocation.publishedAt),
            age: Math.round((revocation.ageMs ?? 0) / 1000),
            interval: revocation.heartbeatMs / 1000,
          })
        : t('neverPublished', { version: revocation.directoryVersion })}
    </p>
  );
}

/** Every certificate the registry issued: expiry, revocation, and how fresh the revocation news is. */
export function CertificatesPage() {
  const t = useStrings(ADMIN_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const [code, setCode] = useState('');
  const { data, error } = useLoaded(() => readCertificates(code || undefined), code);
  const codes = [...new Set(data?.certificates.map((certificate) => certificate.code) ?? [])];
  return (
    <section className="admin">
      <h1>{t('certificatesTitle')}</h1>
      <label className="filter">
        {t('bureau')}
        <input
          name="code"
          maxLength={2}
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          list="bureau-codes"
        />
        <datalist id="bureau-codes">
          {codes.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
      </label>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : !data ? (
        <p>{common('loading')}</p>
      ) : (
        <>
          <Freshness revocation={data.revocation} />
          <div className="table-scroll">
            <table className="certificates">
              <thead>
                <tr>
                  <th scope="col">{t('bureau')}</th>
                  <th scope="col">{t('use')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('expires')}</th>
                  <th scope="col">{t('daysLeft')}</th>
                  <th scope="col">{t('revokedAt')}</th>
                  <th scope="col">{t('serial')}</th>
                </tr>
              </thead>
              <tbody>
                {data.certificates.map((certificate) => (
                  <tr key={certificate.serial} data-state={certificate.state}>
                    <td>{certificate.code}</td>
                    <td>{certificate.use}</td>
                    <td className={certificate.state === 'current' ? undefined : 'warn'}>{t(certificate.state)}</td>
                    <td>{dateTime(certificate.notAfter)}</td>
                    <td className={certificate.expiresInDays < SOON_DAYS ? 'warn' : undefined}>
                      {certificate.expiresInDays}
                    </td>
                    <td>{certificate.revokedAt ? dateTime(certificate.revokedAt) : ''}</td>
                    <td className="hash">{certificate.serial}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
