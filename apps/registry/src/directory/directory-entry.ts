import type { BureauRole, BureauStatus, DirectoryEntry } from '@bureaunet/contracts';
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
}

/**
 * What the directory says of one bureau: its current (newest unrevoked) certificate of each use,
 * absent before enrolment or after revocation, and every serial of it that was ever revoked.
 */
export function toDirectoryEntry(bureau: BureauRecord, certificates: readonly CertificateRecord[]): DirectoryEntry {
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
  return entry;
}

function current(certificates: readonly CertificateRecord[], use: CertificateUse): CertificateRecord | undefined {
  return certificates
    .filter((certificate) => certificate.use === use && certificate.revokedAt === null)
    .reduce<CertificateRecord | undefined>((newest, candidate) => (!newest || candidate.createdAt.getTime() >= newest.createdAt.getTime() ? candidate : newest), undefined);
}
