import { X509Certificate } from 'node:crypto';
import type { CaTrust } from '@bureaunet/contracts';
import { CryptoError, verifyCaLink } from '@bureaunet/crypto';
import type { BureauIdentity } from './bureau-identity';

export type CaTrustChange = 'unchanged' | 'adopted' | 'retired';

/**
 * Brings the identity's trust in line with the registry's list. A new issuing CA is adopted only
 * on its link from the CA already trusted (never on the registry's word), the old one staying
 * trusted as previous; a previous CA the registry no longer lists is retired. Changes the live
 * identity in place; the caller persists it.
 */
export function adoptCaTrust(identity: BureauIdentity, trust: CaTrust): CaTrustChange {
  const issuing = new X509Certificate(trust.issuing);
  const listed = trust.previous.map((pem) => new X509Certificate(pem));
  if (issuing.raw.equals(identity.ca.raw)) {
    const kept = (identity.previousCas ?? []).filter((ca) => listed.some((candidate) => candidate.raw.equals(ca.raw)));
    if (kept.length === (identity.previousCas ?? []).length) return 'unchanged';
    identity.previousCas = kept;
    return 'retired';
  }
  if (!trust.link)
    throw new CryptoError(
      'certificate-invalid',
      `the registry issues with the CA ${issuing.fingerprint256}, which this bureau does not trust, and gives no link to it from ${identity.ca.fingerprint256}`,
    );
  verifyCaLink({ trusted: identity.ca, next: issuing, link: new X509Certificate(trust.link) });
  identity.previousCas = [identity.ca, ...(identity.previousCas ?? [])].filter((ca) =>
    listed.some((candidate) => candidate.raw.equals(ca.raw)),
  );
  identity.ca = issuing;
  return 'adopted';
}

/** Whether `certificate` was issued (name and signature) by `ca`. */
export function issuedBy(certificate: X509Certificate, ca: X509Certificate): boolean {
  return certificate.checkIssued(ca) && certificate.verify(ca.publicKey);
}
