import type { X509Certificate } from 'node:crypto';
import type { EnvReader } from '@bureaunet/platform';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a bureau renews its certificates and when it warns that they (or the CA) run out. */
export interface RenewalPolicy {
  /** Renew this many days before expiry (CERT_RENEW_BEFORE_DAYS), or at two thirds of a shorter lifetime. */
  renewBeforeDays: number;
  /** Log a warning from this many days before the certificates' or the CA's expiry (CERT_WARN_DAYS). */
  warnBeforeDays: number;
  /** Look this often (CERT_CHECK_INTERVAL_MS); a failed renewal is tried again at the next look. */
  checkIntervalMs: number;
}

export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = {
  renewBeforeDays: 60,
  warnBeforeDays: 30,
  checkIntervalMs: 3_600_000,
};

export function readRenewalPolicy(env: EnvReader): RenewalPolicy {
  return {
    renewBeforeDays: env.int('CERT_RENEW_BEFORE_DAYS', {
      default: DEFAULT_RENEWAL_POLICY.renewBeforeDays,
      min: 1,
      max: 3650,
    }),
    warnBeforeDays: env.int('CERT_WARN_DAYS', { default: DEFAULT_RENEWAL_POLICY.warnBeforeDays, min: 0, max: 3650 }),
    checkIntervalMs: env.int('CERT_CHECK_INTERVAL_MS', {
      default: DEFAULT_RENEWAL_POLICY.checkIntervalMs,
      min: 1_000,
      max: 7 * DAY_MS,
    }),
  };
}

/**
 * The moment a certificate enters its renewal window. Capped at a third of its lifetime before
 * expiry, so that short-lived certificates (CERT_VALIDITY_DAYS below the window) are not renewed
 * again at every look.
 */
export function renewalDueAt(certificate: X509Certificate, policy: Pick<RenewalPolicy, 'renewBeforeDays'>): Date {
  const notBefore = Date.parse(certificate.validFrom);
  const notAfter = Date.parse(certificate.validTo);
  const lead = Math.min(policy.renewBeforeDays * DAY_MS, (notAfter - notBefore) / 3);
  return new Date(notAfter - lead);
}
