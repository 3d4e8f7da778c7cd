import { createHash, X509Certificate } from 'node:crypto';

/** base64url(SHA-256(DER)): the kid that names a certificate, as libs/crypto's certificateKid. */
export function certificateFingerprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('base64url');
}

/** The single subject CN: the bureau code (or the registry's and gateway's own codes). */
export function subjectCode(cert: X509Certificate): string {
  const names = cert.subject
    .split('\n')
    .filter((line) => line.startsWith('CN='))
    .map((line) => line.slice(3));
  if (names.length !== 1 || !names[0]) throw new Error(`certificate ${cert.serialNumber} must carry exactly one CN`);
  return names[0];
}

export function parseCertificate(pem: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw new Error(`${what} is not a parseable X.509 certificate`);
  }
}

/** Issued by the trusted CA (names and signature), not itself a CA, holding an Ed25519 key. */
export function assertIssuedByCa(cert: X509Certificate, ca: X509Certificate, what: string): void {
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey))
    throw new Error(`${what} (serial ${cert.serialNumber}) was not issued by the trusted CA`);
  if (cert.ca) throw new Error(`${what} is a CA certificate`);
  if (cert.publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`${what} does not hold an Ed25519 key`);
}

export function assertValidAt(cert: X509Certificate, at: Date, what: string): void {
  const time = at.getTime();
  if (Number.isNaN(time) || time < Date.parse(cert.validFrom) || time > Date.parse(cert.validTo))
    throw new Error(`${what} is valid from ${cert.validFrom} to ${cert.validTo}, not at ${at.toISOString()}`);
}

/** The same CA as the one trusted out of band: byte for byte. */
export function assertSameCa(bundled: X509Certificate, trusted: X509Certificate): void {
  if (!bundled.raw.equals(trusted.raw)) throw new Error('the bundle names a different CA than the trusted one');
}
