import { createHash, X509Certificate } from 'node:crypto';
import { CryptoError } from './crypto.errors';

export interface CertificateCheck {
  ca: X509Certificate;
  /** The bureau code the certificate must name (its subject CN). */
  code: string;
  use: 'signing' | 'encryption';
  now: Date;
  /** Hex serial numbers, any case. */
  revokedSerials: readonly string[];
}

const KEY_TYPE_FOR_USE = { signing: 'ed25519', encryption: 'x25519' } as const;

/** base64url(SHA-256(DER)): the JOSE kid that names this exact certificate. */
export function certificateKid(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('base64url');
}

/** The subject CN, which is the bureau code. */
export function bureauCodeOf(cert: X509Certificate): string {
  // Node prints the subject one "key=value" per line, escaping values that hold separators.
  const names = cert.subject
    .split('\n')
    .filter((line) => line.startsWith('CN='))
    .map((line) => line.slice('CN='.length));
  const [name] = names;
  if (names.length !== 1 || !name) {
    throw new CryptoError(
      'certificate-invalid',
      `certificate subject "${cert.subject.replace(/\n/g, ', ')}" must carry exactly one CN`,
    );
  }
  return name;
}

/** Issuer, key type, validity, revocation and bureau code, in that order. */
export function verifyBureauCertificate(pem: string, check: CertificateCheck): X509Certificate {
  const cert = parseCertificate(pem);
  checkIssuer(cert, check.ca);
  const keyType = cert.publicKey.asymmetricKeyType;
  if (keyType !== KEY_TYPE_FOR_USE[check.use]) {
    throw new CryptoError(
      'certificate-invalid',
      `${check.use} certificate must hold an ${KEY_TYPE_FOR_USE[check.use]} key, not ${keyType ?? 'unknown'}`,
    );
  }
  checkValidity(check.ca, check.now, 'the CA certificate');
  checkValidity(cert, check.now, `certificate ${cert.serialNumber}`);
  const serial = normalizeSerial(cert.serialNumber);
  if (check.revokedSerials.some((revoked) => normalizeSerial(revoked) === serial)) {
    throw new CryptoError('certificate-revoked', `certificate ${cert.serialNumber} is revoked`);
  }
  const code = bureauCodeOf(cert);
  if (code !== check.code)
    throw new CryptoError('sender-mismatch', `certificate is for bureau ${code}, not ${check.code}`);
  return cert;
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new CryptoError('certificate-invalid', `not a parseable X.509 certificate (${(error as Error).message})`);
  }
}

function checkIssuer(cert: X509Certificate, ca: X509Certificate): void {
  // checkIssued compares names only; verify proves the CA's key signed it.
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    throw new CryptoError('certificate-invalid', `certificate ${cert.serialNumber} was not issued by the bureaunet CA`);
  }
  if (cert.ca)
    throw new CryptoError(
      'certificate-invalid',
      `certificate ${cert.serialNumber} is a CA certificate, not a bureau certificate`,
    );
}

function checkValidity(cert: X509Certificate, now: Date, what: string): void {
  const time = now.getTime();
  if (time < Date.parse(cert.validFrom) || time > Date.parse(cert.validTo)) {
    throw new CryptoError(
      'certificate-expired',
      `${what} is valid from ${cert.validFrom} to ${cert.validTo}, not at ${now.toISOString()}`,
    );
  }
}

// DER may prefix a 00 byte to keep a serial positive; registries may or may not keep it.
function normalizeSerial(serial: string): string {
  return serial.toUpperCase().replace(/^(00)+(?=.)/, '');
}
