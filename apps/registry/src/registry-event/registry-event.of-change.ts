import { X509Certificate } from 'node:crypto';
import type { DirectoryEntry } from '@bureaunet/contracts';
import type { IssuedCertificate } from '../pki/certificate.issuer';
import type { RegistryChange } from './registry-event.outbox';

/** A bureau's status change or certificate revocation, as the ledger records it. */
export function bureauChangeEvent(
  change: 'suspended' | 'reinstated' | 'revoked',
  entry: DirectoryEntry,
): RegistryChange {
  const type =
    change === 'revoked' ? 'certificates-revoked' : change === 'suspended' ? 'bureau-suspended' : 'bureau-reinstated';
  return {
    type,
    code: entry.code,
    data: { version: entry.version, status: entry.status, revokedSerials: entry.revokedSerials },
  };
}

export function bureauRegisteredEvent(code: string, version: number): RegistryChange {
  return { type: 'bureau-registered', code, data: { version } };
}

/** The certificates issued at enrolment, by serial and SHA-256 fingerprint (never the keys). */
export function bureauEnrolledEvent(
  code: string,
  version: number,
  issued: readonly IssuedCertificate[],
): RegistryChange {
  const certificates = issued.map((certificate) => ({
    use: certificate.use,
    serial: certificate.serial,
    sha256: new X509Certificate(certificate.pem).fingerprint256.replaceAll(':', '').toLowerCase(),
    notAfter: certificate.notAfter.toISOString(),
  }));
  return { type: 'bureau-enrolled', code, data: { version, certificates } };
}

/** A renewal: the new certificates, and the replaced ones with the end of their overlap. */
export function certificatesRenewedEvent(
  code: string,
  version: number,
  issued: readonly IssuedCertificate[],
  replaced: ReadonlyArray<{ use: string; serial: string; overlapUntil: Date | null }>,
): RegistryChange {
  const renewed = bureauEnrolledEvent(code, version, issued).data;
  const previous = replaced.map((certificate) => ({
    use: certificate.use,
    serial: certificate.serial,
    overlapUntil: certificate.overlapUntil?.toISOString() ?? null,
  }));
  return { type: 'certificates-renewed', code, data: { ...renewed, previous } };
}
