import type { BureauCode } from '@bureaunet/contracts';
import { CertificateEntity } from './certificate.entity';
import type { IssuedCertificate } from './certificate.issuer';

/** The row a freshly issued certificate is kept as: current, neither revoked nor replaced. */
export function certificateRecord(code: BureauCode, certificate: IssuedCertificate, now: Date): CertificateEntity {
  return Object.assign(new CertificateEntity(), {
    serial: certificate.serial,
    code,
    use: certificate.use,
    pem: certificate.pem,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    revokedAt: null,
    overlapUntil: null,
    createdAt: now,
  });
}
