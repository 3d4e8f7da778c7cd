import fc from 'fast-check';
import { GeneralEncrypt } from 'jose';
import { ENVELOPE_TYP, type GeneralJwe } from '@bureaunet/contracts';
import { decryptEnvelopeContent, jweRecipientKids } from './envelope.decrypter';
import { parseEnvelope } from './envelope.parser';
import { sealEnvelope } from './envelope.sealer';
import { verifyEnvelopeSignature } from './envelope.verifier';
import { decodeJson64, encodeJson64, signArbitraryJws } from './testing/forged-jws.fixture';
import {
  createTestBureaus,
  testPayloadHeader,
  testReceiptHeader,
  withContent,
  type TestBureau,
} from './testing/test-bureau.fixture';

describe('decryptEnvelopeContent', () => {
  let mr: TestBureau, fr: TestBureau, de: TestBureau, ita: TestBureau, es: TestBureau, xh: TestBureau;

  beforeAll(async () => {
    [mr, fr, de, ita, es, xh] = await createTestBureaus(['MR', 'FR', 'DE', 'IT', 'ES', 'XH']);
  });

  const body = {
    subject: 'wanted person',
    name: 'Jeanne Dupont',
    documents: ['P1234567'],
    age: 41,
    flagged: true,
    notes: null,
  };

  async function sealFor(sender: TestBureau, recipients: TestBureau[], content: unknown = body) {
    return sealEnvelope({
      payload: testPayloadHeader(sender, recipients),
      body: content,
      recipients: recipients.map((r) => r.recipientKey),
      signer: sender.signer,
    });
  }

  // Re-signs a modified payload with the sender's own key: the signature is fine, the content is not.
  async function resign(sender: TestBureau, payload: unknown): Promise<string> {
    return JSON.stringify(
      await signArbitraryJws({ alg: 'EdDSA', kid: sender.signer.kid, typ: ENVELOPE_TYP }, payload, sender.signer.key),
    );
  }

  it('round-trips for three recipients: each verifies the sender and decrypts its own entry', async () => {
    const sealed = await sealFor(mr, [fr, de, ita]);
    const parsed = parseEnvelope(sealed.serialized);
    await verifyEnvelopeSignature(parsed, mr.keys.signing.publicKey);
    expect(jweRecipientKids(parsed)).toEqual([fr, de, ita].map((b) => b.recipientKey.kid));
    for (const recipient of [fr, de, ita]) {
      await expect(decryptEnvelopeContent(parsed, recipient.decryptionKey)).resolves.toEqual({ body });
    }
  });

  it("does not open another recipient's entry with its own private key", async () => {
    const parsed = parseEnvelope((await sealFor(mr, [fr, de, ita])).serialized);
    const stolen = { ...de.decryptionKey, privateKey: fr.decryptionKey.privateKey };
    await expect(decryptEnvelopeContent(parsed, stolen)).rejects.toMatchObject({
      code: 'bad-content',
      message: expect.stringContaining(`kid ${de.decryptionKey.kid} does not decrypt`),
    });
  });

  it('refuses a kid with no entry: not-encrypted-for-recipient', async () => {
    const parsed = parseEnvelope((await sealFor(mr, [fr, de])).serialized);
    await expect(decryptEnvelopeContent(parsed, ita.decryptionKey)).rejects.toMatchObject({
      code: 'not-encrypted-for-recipient',
      message: `no JWE entry for kid ${ita.decryptionKey.kid}`,
    });
  });

  it('refuses an entry addressed (bn_to) to another bureau', async () => {
    const parsed = parseEnvelope((await sealFor(mr, [fr])).serialized);
    await expect(decryptEnvelopeContent(parsed, { ...fr.decryptionKey, code: 'BE' })).rejects.toMatchObject({
      code: 'not-encrypted-for-recipient',
      message: expect.stringContaining('is addressed to FR, not BE'),
    });
  });

  it('round-trips a contentless receipt, which has nothing to decrypt', async () => {
    const original = await sealFor(mr, [fr]);
    const receipt = await sealEnvelope({
      payload: testReceiptHeader(fr, mr, { id: original.payload.id, digest: original.digest }),
      recipients: [],
      signer: fr.signer,
    });
    const parsed = parseEnvelope(receipt.serialized);
    await verifyEnvelopeSignature(parsed, fr.keys.signing.publicKey);
    expect(parsed.payload).toEqual(receipt.payload);
    expect(parsed.payload.meta.receiptFor).toEqual({ id: original.payload.id, digest: original.digest });
    expect(jweRecipientKids(parsed)).toEqual([]);
    await expect(decryptEnvelopeContent(parsed, mr.decryptionKey)).rejects.toMatchObject({
      code: 'not-encrypted-for-recipient',
      message: expect.stringContaining('carries no content'),
    });
  });

  it.each(['ciphertext', 'tag', 'iv'] as const)(
    'refuses a tampered JWE %s even when the sender re-signs: bad-content',
    async (member) => {
      const sealed = await sealFor(mr, [fr, de]);
      const content = sealed.payload.content as GeneralJwe;
      const tampered = { ...sealed.payload, content: { ...content, [member]: flipFirstChar(content[member]) } };
      const parsed = parseEnvelope(await resign(mr, tampered));
      await verifyEnvelopeSignature(parsed, mr.keys.signing.publicKey);
      await expect(decryptEnvelopeContent(parsed, fr.decryptionKey)).rejects.toMatchObject({
        code: 'bad-content',
        message: expect.stringContaining('does not decrypt'),
      });
    },
  );

  it('refuses a tampered encrypted_key: bad-content', async () => {
    const sealed = await sealFor(mr, [fr, de]);
    const content = sealed.payload.content as GeneralJwe;
    const recipients = content.recipients.map((r, i) =>
      i === 0 ? { ...r, encrypted_key: flipFirstChar(r.encrypted_key ?? '') } : r,
    );
    const parsed = parseEnvelope(await resign(mr, { ...sealed.payload, content: { ...content, recipients } }));
    await expect(decryptEnvelopeContent(parsed, fr.decryptionKey)).rejects.toMatchObject({ code: 'bad-content' });
    await expect(decryptEnvelopeContent(parsed, de.decryptionKey)).resolves.toEqual({ body });
  });

  it('refuses a JWE lifted from envelope A into envelope B signed by another sender (bn_id/bn_from binding)', async () => {
    const a = await sealFor(mr, [fr]);
    const b = withContent(testPayloadHeader(de, [fr]), a.payload.content);
    const parsed = parseEnvelope(await resign(de, b));
    await verifyEnvelopeSignature(parsed, de.keys.signing.publicKey);
    await expect(decryptEnvelopeContent(parsed, fr.decryptionKey)).rejects.toMatchObject({
      code: 'bad-content',
      message: `content is bound to envelope ${a.payload.id} from MR, not ${b.id} from DE`,
    });
  });

  it('refuses a lifted JWE whose protected header was rewritten to the new envelope (it is GCM additional data)', async () => {
    const a = await sealFor(mr, [fr]);
    const b = testPayloadHeader(de, [fr]);
    const content = a.payload.content as GeneralJwe;
    const rebound = {
      ...content,
      protected: encodeJson64({ ...decodeJson64(content.protected), bn_id: b.id, bn_from: 'DE' }),
    };
    const parsed = parseEnvelope(await resign(de, withContent(b, rebound)));
    await expect(decryptEnvelopeContent(parsed, fr.decryptionKey)).rejects.toMatchObject({
      code: 'bad-content',
      message: expect.stringContaining('does not decrypt'),
    });
  });

  it('refuses plaintext that is not the content schema: bad-content', async () => {
    const header = testPayloadHeader(mr, [fr]);
    const jwe = await new GeneralEncrypt(new TextEncoder().encode(JSON.stringify({ body: 1, extra: true })))
      .setProtectedHeader({ enc: 'A256GCM', bn_id: header.id, bn_from: 'MR' })
      .addRecipient(fr.recipientKey.key)
      .setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: fr.recipientKey.kid, bn_to: 'FR' })
      .encrypt();
    const parsed = parseEnvelope(await resign(mr, withContent(header, jwe as GeneralJwe)));
    await expect(decryptEnvelopeContent(parsed, fr.decryptionKey)).rejects.toMatchObject({
      code: 'bad-content',
      message: expect.stringContaining('content: Unrecognized key'),
    });
  });

  it('property: any JSON body round-trips for 1 to 5 recipients', async () => {
    const pool = [fr, de, ita, es, xh];
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.integer({ min: 1, max: 5 }), async (randomBody, count) => {
        const recipients = pool.slice(0, count);
        const parsed = parseEnvelope((await sealFor(mr, recipients, randomBody)).serialized);
        await verifyEnvelopeSignature(parsed, mr.keys.signing.publicKey);
        const expected = JSON.parse(JSON.stringify(randomBody)) as unknown; // JSON turns -0 into 0
        for (const recipient of recipients) {
          expect((await decryptEnvelopeContent(parsed, recipient.decryptionKey)).body).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});

function flipFirstChar(value: string): string {
  return (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
}
