import type { BureauRole, BureauStatus, DirectoryEntry, PreviousCertificate } from '@bureaunet/contracts';
import type { CertificateUse } from '../pki/certificate.issuer';

export interface BureauRecord {
  code: string;
  role: BureauRole;
  status: BureauStatus;
  version: number;
}

export interface CertificateRecord {
  serial: string;
  use: CertificateUse;
  pem: string;
  createdAt: Date;
  revokedAt: Date | null;
  notAfter?: Date;
  /** Set once a renewal replaced it: listed as previous until then. */
  overlapUntil?: Date | null;
}

/** At most this many replaced certificates are listed: renewals are days apart, overlaps shorter. */
const MAX_PREVIOUS_CERTIFICATES = 8;

/**
 * What the directory says of one bureau: its current (newest unrevoked) certificate of each use,
 * absent before enrolment or after revocation, every serial of it that was ever revoked, and the
 * certificates a renewal replaced that are still in their overlap at `now`.
 */
export function toDirectoryEntry(
  bureau: BureauRecord,
  certificates: readonly CertificateRecord[],
  now?: Date,
): DirectoryEntry {
  const entry: DirectoryEntry = {
    code: bureau.code,
    role: bureau.role,
    status: bureau.status,
    revokedSerials: certificates
      .filter((certificate) => certificate.revokedAt !== null)
      .map((certificate) => certificate.serial)
      .sort(),
    version: bureau.version,
  };
  const signing = current(certificates, 'signing');
  const encryption = current(certificates, 'encryption');
  if (signing) entry.signingCertificate = signing.pem;
  if (encryption) entry.encryptionCertificate = encryption.pem;
  const previous = now ? previousCertificates(certificates, now) : [];
  if (previous.length > 0) entry.previousCertificates = previous;
  return entry;
}

function previousCertificates(certificates: readonly CertificateRecord[], now: Date): PreviousCertificate[] {
  return certificates
    .filter(
      (certificate) =>
        certificate.revokedAt === null &&
        certificate.overlapUntil &&
        certificate.overlapUntil.getTime() > now.getTime(),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, MAX_PREVIOUS_CERTIFICATES)
    .map((certificate) => ({
      use: certificate.use,
      certificate: certificate.pem,
      until: certificate.overlapUntil!.toISOString(),
    }));
}

function current(certificates: readonly CertificateRecord[], use: CertificateUse): CertificateRecord | undefined {
  return certificates
    .filter((certificate) => certificate.use === use && certificate.revokedAt === null && !certificate.overlapUntil)
    .reduce<CertificateRecord | undefined>(
      (newest, candidate) =>
        !newest || candidate.createdAt.getTime() >= newest.createdAt.getTime() ? candidate : newest,
      undefined,
    );
}
