import type { KeyObject } from 'node:crypto';
import { GATEWAY_CODE, HUB_CODE, type BureauCode } from '@bureaunet/contracts';
import type { CertificateAuthority } from './certificate-authority';
import { newCertificateSerial, type RandomBytes } from './certificate-serial';
import { BACKDATE_MS } from './root-ca';
import { CA_SUBJECT_ORGANISATION, ED25519, x509 } from './x509.provider';

export const CERTIFICATE_USES = ['signing', 'encryption'] as const;
export type CertificateUse = (typeof CERTIFICATE_USES)[number];

export interface IssuedCertificate {
  use: CertificateUse;
  /** Lower-case hex, as the directory lists it among revoked serials. */
  serial: string;
  pem: string;
  notBefore: Date;
  notAfter: Date;
}

export interface IssueBureauCertificatesInput {
  ca: CertificateAuthority;
  code: BureauCode;
  /** Ed25519 public key from the bureau's certificate request. */
  signingKey: KeyObject;
  /** X25519 public key the bureau bound to its signing key. */
  encryptionKey: KeyObject;
  now: Date;
  validityDays: number;
  randomBytes: RandomBytes;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The pair a bureau enrols for: an Ed25519 signing certificate and an X25519 encryption one. */
export async function issueBureauCertificates(
  input: IssueBureauCertificatesInput,
): Promise<{ signing: IssuedCertificate; encryption: IssuedCertificate }> {
  assertPublicKey(input.signingKey, 'ed25519', 'signingKey');
  assertPublicKey(input.encryptionKey, 'x25519', 'encryptionKey');
  const signing = await issueCertificate(input, 'signing', input.signingKey, x509.KeyUsageFlags.digitalSignature);
  const encryption = await issueCertificate(input, 'encryption', input.encryptionKey, x509.KeyUsageFlags.keyAgreement);
  return { signing, encryption };
}

/** CN and O always; C too for a country, not for the hub and gateway's user-assigned codes. */
export function bureauSubject(code: BureauCode): x509.JsonName {
  const country: x509.JsonName = code === HUB_CODE || code === GATEWAY_CODE ? [] : [{ C: [code] }];
  return [...country, { O: [CA_SUBJECT_ORGANISATION] }, { CN: [code] }];
}

async function issueCertificate(
  input: IssueBureauCertificatesInput,
  use: CertificateUse,
  subjectKey: KeyObject,
  keyUsage: x509.KeyUsageFlags,
): Promise<IssuedCertificate> {
  const spki = subjectKey.export({ type: 'spki', format: 'der' });
  const notAfter = new Date(Math.min(input.now.getTime() + input.validityDays * DAY_MS, input.ca.notAfter.getTime()));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: newCertificateSerial(input.randomBytes),
    subject: bureauSubject(input.code),
    issuer: input.ca.subject,
    notBefore: new Date(input.now.getTime() - BACKDATE_MS),
    notAfter,
    publicKey: spki,
    signingKey: input.ca.signingKey,
    signingAlgorithm: ED25519,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(keyUsage, true),
      new x509.AuthorityKeyIdentifierExtension(input.ca.keyIdentifier),
      await x509.SubjectKeyIdentifierExtension.create(spki),
    ],
  });
  return {
    use,
    serial: certificate.serialNumber.toLowerCase(),
    pem: `${certificate.toString('pem')}\n`,
    // Read back from the certificate: X.509 keeps whole seconds.
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}

function assertPublicKey(key: KeyObject, type: 'ed25519' | 'x25519', role: string): void {
  if (key.type !== 'public' || key.asymmetricKeyType !== type) {
    throw new TypeError(`${role} must be an ${type} public key, got ${key.asymmetricKeyType ?? key.type}`);
  }
}
