import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { OpensslCli } from '../../testing/openssl.cli';
import { CaMaterialError, openCertificateAuthority } from './certificate-authority';
import { newCertificateSerial } from './certificate-serial';
import { createRootCa, type CaMaterial } from './root-ca';
import { x509 } from './x509.provider';

const NOW = new Date('2026-06-01T12:00:00.000Z');

describe('createRootCa', () => {
  let material: CaMaterial;
  let openssl: OpensslCli;

  beforeAll(async () => {
    material = await createRootCa({ now: NOW, randomBytes });
    openssl = new OpensslCli();
  });

  afterAll(() => openssl.dispose());

  it('makes a self-signed Ed25519 CA named bureaunet development root CA', () => {
    const certificate = new X509Certificate(material.certificatePem);
    expect(certificate.subject).toBe('O=bureaunet\nCN=bureaunet development root CA');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.ca).toBe(true);
    expect(certificate.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
  });

  it('is valid from five minutes ago for ten years', () => {
    const certificate = new x509.X509Certificate(material.certificatePem);
    expect(certificate.notBefore.toISOString()).toBe('2026-06-01T11:55:00.000Z');
    expect(certificate.notAfter.toISOString()).toBe('2036-06-01T12:00:00.000Z');
  });

  it('carries critical CA:true and keyCertSign + cRLSign, and a subject key identifier', () => {
    const certificate = new x509.X509Certificate(material.certificatePem);
    expect(certificate.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, critical: true });
    expect(certificate.getExtension(x509.KeyUsagesExtension)).toMatchObject({
      critical: true,
      usages: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    });
    expect(certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is a trust anchor openssl accepts, with the usages it was made with', () => {
    expect(openssl.verify(material.certificatePem, material.certificatePem, NOW)).toMatch(/: OK\s*$/);
    const text = openssl.text(material.certificatePem);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
  });

  it('writes the key as PKCS#8 PEM', () => {
    // Exactly PKCS#8 PEM: re-exporting the parsed key as PKCS#8 gives back the same text.
    const key = createPrivateKey(material.privateKeyPem);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(key.export({ type: 'pkcs8', format: 'pem' })).toBe(material.privateKeyPem);
  });
});

describe('openCertificateAuthority', () => {
  let material: CaMaterial;

  beforeAll(async () => {
    material = await createRootCa({ now: NOW, randomBytes });
  });

  it('opens a CA with its subject, key identifier and expiry', async () => {
    const authority = await openCertificateAuthority(material, 'ca.crt');
    const certificate = new x509.X509Certificate(material.certificatePem);
    expect(authority.subject.toString()).toBe(certificate.subject);
    expect(authority.keyIdentifier).toBe(certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId);
    expect(authority.notAfter).toEqual(certificate.notAfter);
  });

  it('refuses a key that is not the certificate’s', async () => {
    const other = await createRootCa({ now: NOW, randomBytes });
    await expect(
      openCertificateAuthority({ ...material, privateKeyPem: other.privateKeyPem }, 'ca.crt'),
    ).rejects.toThrow(new CaMaterialError('ca.crt: the private key does not belong to the CA certificate'));
  });

  it('refuses a key that is not Ed25519', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(openCertificateAuthority({ ...material, privateKeyPem: pem }, 'ca.crt')).rejects.toThrow(
      /must be Ed25519, got ec/,
    );
  });

  it('refuses what cannot be read', async () => {
    await expect(openCertificateAuthority({ ...material, certificatePem: 'garbage' }, 'ca.crt')).rejects.toThrow(
      /ca.crt: the CA certificate cannot be read/,
    );
    await expect(openCertificateAuthority({ ...material, privateKeyPem: 'garbage' }, 'ca.crt')).rejects.toThrow(
      /ca.crt: the CA private key cannot be read/,
    );
  });
});

describe('newCertificateSerial', () => {
  it('keeps the first byte in 0x40..0x7f: positive and minimally encoded', () => {
    expect(newCertificateSerial((size) => new Uint8Array(size).fill(0x00))).toBe(`40${'00'.repeat(15)}`);
    expect(newCertificateSerial((size) => new Uint8Array(size).fill(0xff))).toBe(`7f${'ff'.repeat(15)}`);
  });

  it('refuses a source that returns too few bytes', () => {
    expect(() => newCertificateSerial(() => new Uint8Array(4))).toThrow(TypeError);
  });
});
