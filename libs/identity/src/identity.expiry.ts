import { certificateExpiry, type CertificateExpiry } from '@bureaunet/crypto';
import type { BureauIdentity } from './bureau-identity';

/** What a health endpoint shows of this process's certificates and the CA they chain to. */
export interface IdentityExpiry {
  signing: CertificateExpiry & { kid: string };
  encryption: CertificateExpiry & { kid: string };
  ca: CertificateExpiry;
}

export function identityExpiry(identity: BureauIdentity, now: Date): IdentityExpiry {
  return {
    signing: { ...certificateExpiry(identity.signing.certificate, now), kid: identity.signing.kid },
    encryption: { ...certificateExpiry(identity.encryption.certificate, now), kid: identity.encryption.kid },
    ca: certificateExpiry(identity.ca, now),
  };
}

/** One sentence per certificate (or the CA) that expires within `withinDays`, saying what to do. */
export function expiryWarnings(identity: BureauIdentity, now: Date, withinDays: number): string[] {
  const expiry = identityExpiry(identity, now);
  const warnings: string[] = [];
  for (const use of ['signing', 'encryption'] as const) {
    const { daysLeft, notAfter } = expiry[use];
    if (daysLeft <= withinDays) {
      warnings.push(
        `the ${use} certificate of ${identity.code} expires at ${notAfter} (${daysLeft} days left) and has not been renewed: check that the registry answers renewals`,
      );
    }
  }
  if (expiry.ca.daysLeft <= withinDays) {
    warnings.push(
      `the CA certificate expires at ${expiry.ca.notAfter} (${expiry.ca.daysLeft} days left): rotate the CA (docs/operations.md, "CA rotation")`,
    );
  }
  return warnings;
}
