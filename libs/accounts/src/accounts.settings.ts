import { EnvReader } from '@bureaunet/platform/stateless';
import type { LockoutPolicy } from './lockout';
import type { SessionLifetime } from './session.expiry';
import type { ThrottlePolicy } from './sign-in.throttle';

const MINUTE_MS = 60_000;
/** An origin (scheme, host, port), as a sign-in link starts. */
const PUBLIC_ORIGIN = /^https?:\/\/[^/\s]+\/?$/;

/** How a service's people sign in, read once from the environment (every bad variable reported together). */
export interface AccountsSettings {
  session: SessionLifetime;
  lockout: LockoutPolicy;
  throttle: ThrottlePolicy;
  /** Sign-in links live this long (single use). */
  linkMs: number;
  /** The origin people reach this service at (PUBLIC_URL); the listen URL when absent. */
  publicUrl?: string;
}

export function readAccountsSettings(env: NodeJS.ProcessEnv = process.env): AccountsSettings {
  const reader = new EnvReader(env);
  const publicUrl = reader.optionalString('PUBLIC_URL');
  // Checked only when set: absent, the service's own listen URL is used.
  if (publicUrl !== undefined) reader.string('PUBLIC_URL', { pattern: PUBLIC_ORIGIN });
  const settings: AccountsSettings = {
    session: {
      idleMs: reader.int('SESSION_IDLE_MS', { default: 30 * MINUTE_MS, min: 1_000 }),
      absoluteMs: reader.int('SESSION_ABSOLUTE_MS', { default: 12 * 60 * MINUTE_MS, min: 1_000 }),
    },
    lockout: {
      failures: reader.int('ACCOUNT_LOCKOUT_FAILURES', { default: 5, min: 1, max: 100 }),
      lockMs: reader.int('ACCOUNT_LOCKOUT_MS', { default: 15 * MINUTE_MS, min: 1_000 }),
    },
    throttle: {
      burst: reader.int('SIGN_IN_THROTTLE_BURST', { default: 20, min: 1, max: 10_000 }),
      perMinute: reader.int('SIGN_IN_THROTTLE_PER_MINUTE', { default: 10, min: 1, max: 60_000 }),
      maxAddresses: 10_000,
    },
    linkMs: 15 * MINUTE_MS,
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
  };
  return reader.done(settings);
}
