import { useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings, type Catalog } from '../i18n/strings';

type Values = Record<string, string | number>;
type Outcome<K extends string> = { ok: true; key: K; values?: Values } | { ok: false; reason: string } | undefined;

/**
 * What the last action of a form came to: a success line (role=status) or the service's refusal
 * with its reason (role=alert), read out by screen readers either way. The success is kept as a
 * key, so it reads in the language chosen by that very action.
 */
export function useActionOutcome<K extends string>(catalog: Catalog<K>) {
  const t = useStrings(catalog);
  const common = useStrings(COMMON_STRINGS);
  const [outcome, setOutcome] = useState<Outcome<K>>();
  return {
    succeed: (key: K, values?: Values) => setOutcome({ ok: true, key, values }),
    fail: (error: unknown) =>
      setOutcome({
        ok: false,
        reason: error instanceof ApiError ? `${error.reason} (${error.code})` : String(error),
      }),
    clear: () => setOutcome(undefined),
    view: outcome ? (
      outcome.ok ? (
        <p role="status" className="ok">
          {t(outcome.key, outcome.values)}
        </p>
      ) : (
        <p role="alert" className="error">
          {common('error', { reason: outcome.reason })}
        </p>
      )
    ) : null,
  };
}
