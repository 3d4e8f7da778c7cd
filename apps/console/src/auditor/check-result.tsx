import { useStrings } from '../i18n/strings';
import { AUDITOR_STRINGS } from './auditor.strings';
import type { ProofCheck } from './merkle.verify';

/** One check as the page states it: "verified", or "FAILED" with why. */
export function CheckResult(props: { label: string; check: ProofCheck }) {
  const t = useStrings(AUDITOR_STRINGS);
  const { label, check } = props;
  return (
    <span className={check.ok ? 'check ok' : 'check failed'} data-check={check.ok ? 'verified' : 'failed'}>
      {label}: <strong>{check.ok ? t('verified') : t('failed')}</strong>
      {check.ok ? null : (
        <span className="why">
          {' '}
          ({check.code}: {check.reason})
        </span>
      )}
    </span>
  );
}
