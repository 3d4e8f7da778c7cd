import { createPrivateKey, createPublicKey, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import type { CaMaterial } from './root-ca';
import { ED25519, x509 } from './x509.provider';

/** A CA ready to issue: its certificate, the name and key identifier it stamps, its key. */
export interface CertificateAuthority {
  readonly certificatePem: string;
  readonly subject: x509.Name;
  /** Hex SHA-1 key identifier: the authority key identifier of everything it issues. */
  readonly keyIdentifier: string;
  readonly notAfter: Date;
  readonly signingKey: webcrypto.CryptoKey;
}

/** Thrown when CA material cannot issue; a configuration problem, reported at start-up. */
export class CaMaterialError extends Error {
  override readonly name = 'CaMaterialError';
}

/** Checks that the certificate is a CA certificate and that the key is its Ed25519 key. */
export async function openCertificateAuthority(material: CaMaterial, source: string): Promise<CertificateAuthority> {
  const certificate = parseCertificate(material.certificatePem, source);
  if (!certificate.ca)
    throw new CaMaterialError(`${source}: the certificate is not a CA certificate (basicConstraints CA:true)`);
  const privateKey = parsePrivateKey(material.privateKeyPem, source);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new CaMaterialError(
      `${source}: the CA key must be Ed25519, got ${privateKey.asymmetricKeyType ?? 'unknown'}`,
    );
  }
  if (!sameKey(createPublicKey(privateKey), certificate.publicKey)) {
    throw new CaMaterialError(`${source}: the private key does not belong to the CA certificate`);
  }
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  const peculiar = new x509.X509Certificate(certificate.raw);
  return {
    certificatePem: certificate.toString(),
    subject: peculiar.subjectName,
    keyIdentifier: await keyIdentifierOf(peculiar),
    notAfter: new Date(certificate.validTo),
    signingKey,
  };
}

function parseCertificate(pem: string, source: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new CaMaterialError(`${source}: the CA certificate cannot be read (${(error as Error).message})`);
  }
}

function parsePrivateKey(pem: string, source: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new CaMaterialError(`${source}: the CA private key cannot be read (${(error as Error).message})`);
  }
}

function sameKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
}

// Reuse the CA's own subject key identifier, so that authority and subject identifiers match
// byte for byte even when the CA came from elsewhere and used another derivation method.
async function keyIdentifierOf(certificate: x509.X509Certificate): Promise<string> {
  const own = certificate.getExtension(x509.SubjectKeyIdentifierExtension);
  if (own) return own.keyId;
  return (await x509.SubjectKeyIdentifierExtension.create(certificate.publicKey)).keyId;
}
