import { useState } from 'react';
import { ApiError } from '../api/http';
import { COMMON_STRINGS } from '../i18n/common.strings';
import { useStrings } from '../i18n/strings';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | undefined;

/**
 * What the last action of a form came to: a success line (role=status) or the service's refusal
 * with its reason (role=alert), read out by screen readers either way.
 */
export function useActionOutcome() {
  const common = useStrings(COMMON_STRINGS);
  const [outcome, setOutcome] = useState<Outcome>();
  return {
    succeed: (text: string) => setOutcome({ ok: true, text }),
    fail: (error: unknown) =>
      setOutcome({
        ok: false,
        text: common('error', {
          reason: error instanceof ApiError ? `${error.reason} (${error.code})` : String(error),
        }),
      }),
    clear: () => setOutcome(undefined),
    view: outcome ? (
      outcome.ok ? (
        <p role="status" className="ok">
          {outcome.text}
        </p>
      ) : (
        <p role="alert" className="error">
          {outcome.text}
        </p>
      )
    ) : null,
  };
}
