import { randomBytes, X509Certificate } from 'node:crypto';
import { generateBureauKeys, verifyBureauCertificate, type BureauKeys } from '@bureaunet/crypto';
import { OpensslCli } from '../../testing/openssl.cli';
import { openCertificateAuthority, type CertificateAuthority } from './certificate-authority';
import { bureauSubject, issueBureauCertificates, type IssuedCertificate } from './certificate.issuer';
import { createRootCa, type CaMaterial } from './root-ca';
import { x509 } from './x509.provider';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

describe('issueBureauCertificates', () => {
  let material: CaMaterial;
  let authority: CertificateAuthority;
  let ca: X509Certificate;
  let keys: BureauKeys;
  let issued: { signing: IssuedCertificate; encryption: IssuedCertificate };
  let openssl: OpensslCli;

  const issue = (code: string, options: { validityDays?: number; authority?: CertificateAuthority } = {}) =>
    issueBureauCertificates({
      ca: options.authority ?? authority,
      code,
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
      now: NOW,
      validityDays: options.validityDays ?? 365,
      randomBytes,
    });

  beforeAll(async () => {
    material = await createRootCa({ now: new Date(NOW.getTime() - DAY_MS), randomBytes });
    authority = await openCertificateAuthority(material, 'test CA');
    ca = new X509Certificate(material.certificatePem);
    keys = await generateBureauKeys();
    issued = await issue('FR');
    openssl = new OpensslCli();
  });

  afterAll(() => openssl.dispose());

  it.each(['signing', 'encryption'] as const)('issues a %s certificate that verifies against the CA (node)', (use) => {
    const certificate = new X509Certificate(issued[use].pem);
    expect(certificate.checkIssued(ca)).toBe(true);
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(certificate.issuer).toBe(ca.subject);
    expect(certificate.ca).toBe(false);
  });

  it('certifies the submitted keys, Ed25519 for signing and X25519 for encryption', () => {
    const signing = new X509Certificate(issued.signing.pem);
    const encryption = new X509Certificate(issued.encryption.pem);
    expect(signing.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(signing.publicKey.equals(keys.signing.publicKey)).toBe(true);
    expect(encryption.publicKey.asymmetricKeyType).toBe('x25519');
    expect(encryption.publicKey.equals(keys.encryption.publicKey)).toBe(true);
  });

  it('names the bureau: C, O and CN for a country; no C for the hub and the gateway', async () => {
    expect(new X509Certificate(issued.signing.pem).subject).toBe('C=FR\nO=bureaunet\nCN=FR');
    expect(new X509Certificate(issued.encryption.pem).subject).toBe('C=FR\nO=bureaunet\nCN=FR');
    const hub = await issue('XH');
    expect(new X509Certificate(hub.signing.pem).subject).toBe('O=bureaunet\nCN=XH');
    expect(bureauSubject('XG')).toEqual([{ O: ['bureaunet'] }, { CN: ['XG'] }]);
  });

  it('marks key usage critical: digitalSignature only for signing, keyAgreement only for encryption', () => {
    const usage = (pem: string) => new x509.X509Certificate(pem).getExtension(x509.KeyUsagesExtension);
    expect(usage(issued.signing.pem)).toMatchObject({ critical: true, usages: x509.KeyUsageFlags.digitalSignature });
    expect(usage(issued.encryption.pem)).toMatchObject({ critical: true, usages: x509.KeyUsageFlags.keyAgreement });
  });

  it('carries CA:false (critical), the CA key as authority key id, and its own subject key id', () => {
    for (const pem of [issued.signing.pem, issued.encryption.pem]) {
      const certificate = new x509.X509Certificate(pem);
      expect(certificate.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false, critical: true });
      expect(certificate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(authority.keyIdentifier);
      expect(certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('uses distinct random positive 128-bit serials, lower-case hex as the certificate carries them', () => {
    for (const certificate of [issued.signing, issued.encryption]) {
      expect(certificate.serial).toMatch(/^[4-7][0-9a-f]{31}$/);
      expect(certificate.serial).toBe(new X509Certificate(certificate.pem).serialNumber.toLowerCase());
    }
    expect(issued.signing.serial).not.toBe(issued.encryption.serial);
  });

  it('is valid from five minutes ago for the configured days, and never beyond the CA', async () => {
    expect(issued.signing.notBefore.toISOString()).toBe('2026-06-01T11:55:00.000Z');
    expect(issued.signing.notAfter.toISOString()).toBe(new Date(NOW.getTime() + 365 * DAY_MS).toISOString());
    const longer = await issue('FR', { validityDays: 3650 * 2 });
    expect(longer.signing.notAfter.getTime()).toBe(authority.notAfter.getTime());
  });

  it('passes the consumers’ own certificate check (libs/crypto)', () => {
    const check = { ca, code: 'FR', now: NOW, revokedSerials: [] };
    expect(() => verifyBureauCertificate(issued.signing.pem, { ...check, use: 'signing' })).not.toThrow();
    expect(() => verifyBureauCertificate(issued.encryption.pem, { ...check, use: 'encryption' })).not.toThrow();
  });

  it.each(['signing', 'encryption'] as const)(
    'issues a %s certificate that `openssl verify -x509_strict` accepts',
    (use) => {
      expect(openssl.verify(material.certificatePem, issued[use].pem, NOW)).toMatch(/: OK\s*$/);
    },
  );

  it('reads in openssl with the key usage, constraints and key type it was issued with', () => {
    const signing = openssl.text(issued.signing.pem);
    expect(signing).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\s*\n/);
    expect(signing).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(signing).toMatch(/Public Key Algorithm: ED25519/);
    expect(signing).toMatch(/Subject: C ?= ?FR, O ?= ?bureaunet, CN ?= ?FR/);
    const encryption = openssl.text(issued.encryption.pem);
    expect(encryption).toMatch(/X509v3 Key Usage: critical\s+Key Agreement\s*\n/);
    expect(encryption).toMatch(/Public Key Algorithm: X25519/);
  });

  it('refuses keys of the wrong type (a caller bug, not a peer input)', async () => {
    await expect(
      issueBureauCertificates({
        ca: authority,
        code: 'FR',
        signingKey: keys.encryption.publicKey,
        encryptionKey: keys.encryption.publicKey,
        now: NOW,
        validityDays: 1,
        randomBytes,
      }),
    ).rejects.toThrow(TypeError);
    await expect(
      issueBureauCertificates({
        ca: authority,
        code: 'FR',
        signingKey: keys.signing.privateKey,
        encryptionKey: keys.encryption.publicKey,
        now: NOW,
        validityDays: 1,
        randomBytes,
      }),
    ).rejects.toThrow(/signingKey must be an ed25519 public key/);
  });
});
