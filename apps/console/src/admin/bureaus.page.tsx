import { COMMON_STRINGS } from '../i18n/common.strings';
import { useDateTime } from '../i18n/date-time';
import { useLocaleSettings } from '../i18n/locale';
import { useStrings } from '../i18n/strings';
import { readBureaus } from './admin.api';
import { ADMIN_STRINGS } from './admin.strings';
import { useLoaded } from './use-loaded';
import './admin.css';

/** The country's name in the person's language (a code the ISO list does not know stays a code). */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every bureau of the directory: status, when it registered and enrolled, when its signing certificate expires. */
export function BureausPage() {
  const t = useStrings(ADMIN_STRINGS);
  const common = useStrings(COMMON_STRINGS);
  const dateTime = useDateTime();
  const { locale } = useLocaleSettings();
  const { data, error } = useLoaded(readBureaus);
  return (
    <section className="admin">
      <h1>{t('bureausTitle')}</h1>
      {error ? (
        <p role="alert" className="error">
          {common('error', { reason: error })}
        </p>
      ) : !data ? (
        <p>{common('loading')}</p>
      ) : (
        <div className="table-scroll">
          <table className="bureaus">
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('registered')}</th>
                <th scope="col">{t('enrolled')}</th>
                <th scope="col">{t('signingExpiry')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((bureau) => (
                <tr key={bureau.code} data-bureau={bureau.code}>
                  <td>{bureau.code}</td>
                  <td>{bureau.role === 'bureau' ? countryName(bureau.code, locale) : bureau.role}</td>
                  <td>{bureau.role}</td>
                  <td className={bureau.status === 'suspended' ? 'warn' : undefined}>{t(bureau.status)}</td>
                  <td>{dateTime(bureau.registeredAt)}</td>
                  <td>{bureau.enrolledAt ? dateTime(bureau.enrolledAt) : t('notEnrolled')}</td>
                  <td>{bureau.signingNotAfter ? dateTime(bureau.signingNotAfter) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
