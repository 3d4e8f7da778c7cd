import { webcrypto } from 'node:crypto';
import { newCertificateSerial, type RandomBytes } from './certificate-serial';
import { CA_SUBJECT_ORGANISATION, ED25519, x509 } from './x509.provider';

/** A CA as it is stored: certificate and PKCS#8 private key, both PEM. */
export interface CaMaterial {
  certificatePem: string;
  privateKeyPem: string;
}

export const ROOT_CA_COMMON_NAME = 'bureaunet development root CA';
export const ROOT_CA_VALIDITY_YEARS = 10;
// Peers whose clocks run a little behind still accept what was just issued.
export const BACKDATE_MS = 5 * 60 * 1000;

export interface CreateRootCaOptions {
  now: Date;
  randomBytes: RandomBytes;
}

/**
 * A self-signed Ed25519 root for development and tests: CA:true and keyCertSign + cRLSign, both
 * critical, with a subject key identifier that issued certificates name as their authority key.
 * The registry (when it finds no CA) and scripts/make-dev-certs.ts both make it here.
 */
export async function createRootCa(options: CreateRootCaOptions): Promise<CaMaterial> {
  const keys = (await webcrypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notAfter = new Date(options.now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + ROOT_CA_VALIDITY_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newCertificateSerial(options.randomBytes),
    name: [{ O: [CA_SUBJECT_ORGANISATION] }, { CN: [ROOT_CA_COMMON_NAME] }],
    notBefore: new Date(options.now.getTime() - BACKDATE_MS),
    notAfter,
    signingAlgorithm: ED25519,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certificatePem: `${certificate.toString('pem')}\n`, privateKeyPem: toPem('PRIVATE KEY', pkcs8) };
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
