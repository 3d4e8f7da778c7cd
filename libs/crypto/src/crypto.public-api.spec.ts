import { randomUUID } from 'node:crypto';
import {
  bureauCodeOf,
  certificateKid,
  CryptoError,
  decryptEnvelopeContent,
  generateBureauKeys,
  jweRecipientKids,
  parseEnvelope,
  sealEnvelope,
  verifyBureauCertificate,
  verifyEnvelopeSignature,
  type BureauKeys,
} from '@bureaunet/crypto';
import { createTestCa, issueTestCertificate, type TestCa } from './testing/test-pki.fixture';

// The whole exchange through the package's public API, with certificate-derived kids as in production.
describe('@bureaunet/crypto public API', () => {
  let ca: TestCa;

  async function enrol(code: string): Promise<{ keys: BureauKeys; signingPem: string; encryptionPem: string }> {
    const keys = await generateBureauKeys();
    const signing = await issueTestCertificate(ca, { code, publicKey: keys.signing.publicKey });
    const encryption = await issueTestCertificate(ca, { code, publicKey: keys.encryption.publicKey });
    return { keys, signingPem: signing.pem, encryptionPem: encryption.pem };
  }

  beforeAll(async () => {
    ca = await createTestCa();
  });

  it('sender seals, gateway checks without decrypting, recipient verifies and decrypts', async () => {
    const [mr, fr] = await Promise.all([enrol('MR'), enrol('FR')]);
    const check = { ca: ca.certificate, now: new Date(), revokedSerials: [] };
    const frEncryption = verifyBureauCertificate(fr.encryptionPem, { ...check, code: 'FR', use: 'encryption' });
    const mrSigning = verifyBureauCertificate(mr.signingPem, { ...check, code: 'MR', use: 'signing' });
    const now = new Date();
    const sealed = await sealEnvelope({
      payload: {
        id: randomUUID(),
        kind: 'message',
        from: 'MR',
        to: ['FR'],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        meta: {},
      },
      body: { text: 'bonjour' },
      recipients: [{ code: 'FR', kid: certificateKid(frEncryption), key: frEncryption.publicKey }],
      signer: { kid: certificateKid(mrSigning), key: mr.keys.signing.privateKey },
    });

    // Gateway: the sender's certificate must name payload.from; FR must have an entry.
    const atGateway = parseEnvelope(sealed.serialized);
    const senderCert = verifyBureauCertificate(mr.signingPem, {
      ...check,
      code: atGateway.payload.from,
      use: 'signing',
    });
    expect(atGateway.header.kid).toBe(certificateKid(senderCert));
    await verifyEnvelopeSignature(atGateway, senderCert.publicKey);
    expect(jweRecipientKids(atGateway)).toEqual([certificateKid(frEncryption)]);

    // Recipient: verifies end to end, then decrypts its own entry.
    const atRecipient = parseEnvelope(Buffer.from(sealed.serialized));
    await verifyEnvelopeSignature(atRecipient, senderCert.publicKey);
    const content = await decryptEnvelopeContent(atRecipient, {
      code: bureauCodeOf(frEncryption),
      kid: certificateKid(frEncryption),
      privateKey: fr.keys.encryption.privateKey,
    });
    expect(content).toEqual({ body: { text: 'bonjour' } });
  });

  it('throws CryptoError instances with a stable name and code', () => {
    const error = (() => {
      try {
        parseEnvelope('{');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'CryptoError',
      code: 'malformed-envelope',
      message: expect.stringContaining('envelope: is not JSON'),
    });
  });
});
