import { X509Certificate } from 'node:crypto';
import type { CertificateAuthority } from './certificate-authority';
import { newCertificateSerial, type RandomBytes } from './certificate-serial';
import { BACKDATE_MS } from './root-ca';
import { ED25519, x509 } from './x509.provider';

/**
 * During a CA rotation: the issuing CA's name and key, certified by the previous CA. A bureau that
 * trusts only the previous CA checks this link before it trusts the new one (verifyCaLink).
 */
export async function issueCaLink(input: {
  previous: CertificateAuthority;
  issuing: CertificateAuthority;
  now: Date;
  randomBytes: RandomBytes;
}): Promise<string> {
  const next = new x509.X509Certificate(input.issuing.certificatePem);
  const link = await x509.X509CertificateGenerator.create({
    serialNumber: newCertificateSerial(input.randomBytes),
    subject: input.issuing.subject,
    issuer: input.previous.subject,
    notBefore: new Date(input.now.getTime() - BACKDATE_MS),
    notAfter: new Date(Math.min(input.previous.notAfter.getTime(), input.issuing.notAfter.getTime())),
    publicKey: next.publicKey,
    signingKey: input.previous.signingKey,
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.AuthorityKeyIdentifierExtension(input.previous.keyIdentifier),
      new x509.SubjectKeyIdentifierExtension(input.issuing.keyIdentifier),
    ],
  });
  return new X509Certificate(link.toString('pem')).toString();
}
