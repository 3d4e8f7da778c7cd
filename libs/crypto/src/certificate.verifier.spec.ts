import { createHash, X509Certificate } from 'node:crypto';
import { generateBureauKeys, type BureauKeys } from './bureau-keys';
import { bureauCodeOf, certificateKid, verifyBureauCertificate, type CertificateCheck } from './certificate.verifier';
import { CryptoError } from './crypto.errors';
import { createTestCa, issueTestCertificate, type TestCa } from './testing/test-pki.fixture';

const DAY_MS = 86_400_000;

describe('certificate verification', () => {
  let ca: TestCa;
  let keys: BureauKeys;
  let signingPem: string;
  let encryptionPem: string;

  beforeAll(async () => {
    ca = await createTestCa();
    keys = await generateBureauKeys();
    signingPem = (
      await issueTestCertificate(ca, { code: 'MR', publicKey: keys.signing.publicKey, serialNumber: '0a1b2c3d' })
    ).pem;
    encryptionPem = (await issueTestCertificate(ca, { code: 'MR', publicKey: keys.encryption.publicKey })).pem;
  });

  const check = (overrides: Partial<CertificateCheck> = {}): CertificateCheck => ({
    ca: ca.certificate,
    code: 'MR',
    use: 'signing',
    now: new Date(),
    revokedSerials: [],
    ...overrides,
  });

  function refusal(pem: string, overrides: Partial<CertificateCheck> = {}): CryptoError {
    try {
      verifyBureauCertificate(pem, check(overrides));
    } catch (error) {
      if (error instanceof CryptoError) return error;
      throw error;
    }
    throw new Error('certificate accepted');
  }

  it('accepts an Ed25519 signing and an X25519 encryption certificate from the CA', () => {
    const signing = verifyBureauCertificate(signingPem, check());
    expect(signing.publicKey.equals(keys.signing.publicKey)).toBe(true);
    const encryption = verifyBureauCertificate(encryptionPem, check({ use: 'encryption' }));
    expect(encryption.publicKey.equals(keys.encryption.publicKey)).toBe(true);
  });

  it('names a certificate by base64url(SHA-256(DER)) and a bureau by its CN', () => {
    const cert = new X509Certificate(signingPem);
    expect(certificateKid(cert)).toBe(createHash('sha256').update(cert.raw).digest('base64url'));
    expect(certificateKid(cert)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bureauCodeOf(cert)).toBe('MR');
  });

  it('refuses a certificate without a CN: certificate-invalid', async () => {
    const { certificate } = await issueTestCertificate(ca, {
      code: 'MR',
      subject: 'O=bureaunet',
      publicKey: keys.signing.publicKey,
    });
    expect(() => bureauCodeOf(certificate)).toThrow(
      expect.objectContaining({
        code: 'certificate-invalid',
        message: 'certificate subject "O=bureaunet" must carry exactly one CN',
      }),
    );
  });

  describe('certificate-invalid', () => {
    it('refuses text that is not a certificate', () => {
      expect(refusal('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toMatchObject({
        code: 'certificate-invalid',
        message: expect.stringContaining('not a parseable X.509 certificate'),
      });
    });

    it('refuses a certificate from another CA', async () => {
      const other = await createTestCa('CN=another CA, O=elsewhere');
      const { pem } = await issueTestCertificate(other, { code: 'MR', publicKey: keys.signing.publicKey });
      expect(refusal(pem)).toMatchObject({
        code: 'certificate-invalid',
        message: expect.stringContaining('was not issued by the bureaunet CA'),
      });
    });

    it('refuses a certificate from an impostor CA with the same name (the signature decides)', async () => {
      const impostor = await createTestCa(ca.subject);
      const { pem, certificate } = await issueTestCertificate(impostor, {
        code: 'MR',
        publicKey: keys.signing.publicKey,
      });
      expect(certificate.checkIssued(ca.certificate)).toBe(true);
      expect(refusal(pem)).toMatchObject({
        code: 'certificate-invalid',
        message: expect.stringContaining('was not issued by the bureaunet CA'),
      });
    });

    it('refuses the wrong key type for the use', () => {
      expect(refusal(encryptionPem, { use: 'signing' })).toMatchObject({
        code: 'certificate-invalid',
        message: 'signing certificate must hold an ed25519 key, not x25519',
      });
      expect(refusal(signingPem, { use: 'encryption' })).toMatchObject({
        code: 'certificate-invalid',
        message: 'encryption certificate must hold an x25519 key, not ed25519',
      });
    });

    it('refuses the CA certificate itself', () => {
      expect(refusal(ca.pem, { code: 'bureaunet test CA' })).toMatchObject({
        code: 'certificate-invalid',
        message: expect.stringContaining('is a CA certificate'),
      });
    });
  });

  describe('certificate-expired', () => {
    it('refuses a certificate past its validity', async () => {
      const { pem } = await issueTestCertificate(ca, {
        code: 'MR',
        publicKey: keys.signing.publicKey,
        notBefore: new Date(Date.now() - 30 * DAY_MS),
        notAfter: new Date(Date.now() - DAY_MS),
      });
      expect(refusal(pem)).toMatchObject({
        code: 'certificate-expired',
        message: expect.stringMatching(/^certificate \w+ is valid from .+ to .+, not at /),
      });
    });

    it('refuses a certificate not yet valid, and honours the injected clock', () => {
      const validFrom = Date.parse(new X509Certificate(signingPem).validFrom);
      expect(refusal(signingPem, { now: new Date(validFrom - DAY_MS) })).toMatchObject({
        code: 'certificate-expired',
      });
      expect(refusal(signingPem, { now: new Date(Date.now() + 400 * DAY_MS) })).toMatchObject({
        code: 'certificate-expired',
      });
    });
  });

  it('refuses a revoked certificate, whatever the case or DER padding of the listed serial', () => {
    expect(refusal(signingPem, { revokedSerials: ['ff', '0a1b2c3d'] })).toMatchObject({
      code: 'certificate-revoked',
      message: 'certificate 0A1B2C3D is revoked',
    });
    expect(refusal(signingPem, { revokedSerials: ['000A1B2C3D'] })).toMatchObject({ code: 'certificate-revoked' });
  });

  it('refuses a certificate for another bureau: sender-mismatch', () => {
    expect(refusal(signingPem, { code: 'FR' })).toMatchObject({
      code: 'sender-mismatch',
      message: 'certificate is for bureau MR, not FR',
    });
  });
});
