// @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which needs the reflect polyfill first.
import 'reflect-metadata';
import { randomBytes, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ED25519 = { name: 'Ed25519' } as const;
const DAY_MS = 86_400_000;
/**
 * Test certificates are valid from before the fixed clocks specs pin (2026-…), whatever today is:
 * "a day ago" alone made a spec clocked at 2026-12-01T12:00Z fail once the real date passed 2026-12-02T12:00Z.
 */
const TEST_VALID_FROM = Date.parse('2026-01-01T00:00:00.000Z');

function defaultNotBefore(): Date {
  return new Date(Math.min(Date.now() - DAY_MS, TEST_VALID_FROM));
}

export interface TestCa {
  subject: string;
  keys: webcrypto.CryptoKeyPair;
  pem: string;
  certificate: X509Certificate;
}

/** A self-signed Ed25519 CA, like the registry's. Two CAs may share a subject to test signatures. */
export async function createTestCa(subject = 'CN=bureaunet test CA, O=bureaunet'): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const generated = await x509.X509CertificateGenerator.createSelfSigned({
    name: subject,
    keys,
    signingAlgorithm: ED25519,
    serialNumber: randomSerial(),
    notBefore: defaultNotBefore(),
    notAfter: new Date(Date.now() + 3650 * DAY_MS),
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  const pem = generated.toString('pem');
  return { subject, keys, pem, certificate: new X509Certificate(pem) };
}

export interface TestCertificateOptions {
  /** The bureau code, as the subject CN; ignored when subject is given. */
  code: string;
  /** Ed25519 for a signing certificate, X25519 for an encryption one. */
  publicKey: KeyObject;
  subject?: string;
  serialNumber?: string;
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestCertificate {
  pem: string;
  certificate: X509Certificate;
}

export async function issueTestCertificate(ca: TestCa, options: TestCertificateOptions): Promise<TestCertificate> {
  const generated = await x509.X509CertificateGenerator.create({
    subject: options.subject ?? `CN=${options.code}, O=bureaunet`,
    issuer: ca.subject,
    publicKey: new Uint8Array(options.publicKey.export({ type: 'spki', format: 'der' })),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ED25519,
    serialNumber: options.serialNumber ?? randomSerial(),
    notBefore: options.notBefore ?? defaultNotBefore(),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY_MS),
  });
  const pem = generated.toString('pem');
  return { pem, certificate: new X509Certificate(pem) };
}

// Leading 0x01 keeps the DER integer positive without a padding byte.
function randomSerial(): string {
  return `01${randomBytes(15).toString('hex')}`;
}
