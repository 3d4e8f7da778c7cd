import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { decryptJweEntry } from './jwe-entry.decrypter';
import { encryptGeneralJwe, type JweRecipientEntry } from './general-jwe.encrypter';
import { verifyJwsSignature } from './jws-signature.verifier';
import { signJsonPayload } from './jws.signer';
import { sealEnvelope } from './envelope.sealer';
import { joseDecryptEntry, joseEncryptGeneral, joseSignJson, joseVerify, jweEntryAt } from './testing/jose-reference';
import { createTestBureaus, testPayloadHeader } from './testing/test-bureau.fixture';

interface Recipient {
  entry: JweRecipientEntry;
  privateKey: KeyObject;
}

function makeRecipients(count: number): Recipient[] {
  return Array.from({ length: count }, (_, index) => {
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    const header = { alg: 'ECDH-ES+A256KW', kid: `kid-${index}`, bn_to: `B${index}` };
    return { entry: { key: publicKey, header }, privateKey };
  });
}

const PROTECTED = { enc: 'A256GCM', bn_id: '0190f0a4-0000-7000-8000-000000000000', bn_from: 'MR' };
const signing = generateKeyPairSync('ed25519');
const pool = makeRecipients(195);

describe('Ed25519 JWS: fast path and jose agree', () => {
  it('signs to the same bytes as jose (Ed25519 is deterministic) and each verifies the other', async () => {
    const payload = { id: 'x', body: 'héllo 🌍', n: [1, 2, 3] };
    const fast = signJsonPayload(payload, { kid: 'k1', typ: 'bureaunet-envelope+jws' }, signing.privateKey);
    const jose = await joseSignJson(payload, { kid: 'k1', typ: 'bureaunet-envelope+jws' }, signing.privateKey);
    expect(fast).toEqual(jose);
    await expect(joseVerify(fast, signing.publicKey)).resolves.toBeInstanceOf(Uint8Array);
    expect(() => verifyJwsSignature(jose, signing.publicKey, 'jose JWS')).not.toThrow();
  });

  it('agrees on random payloads (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string({ minLength: 1 }), async (payload, kid) => {
        const header = { kid, typ: 'bureaunet-envelope+jws' };
        const fast = signJsonPayload(payload, header, signing.privateKey);
        expect(fast).toEqual(await joseSignJson(payload, header, signing.privateKey));
        await joseVerify(fast, signing.publicKey);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ECDH-ES+A256KW / A256GCM general JWE: fast path and jose agree', () => {
  const plaintext = Buffer.from(JSON.stringify({ body: { text: 'x'.repeat(1500) } }));

  it.each([1, 2, 195])('jose decrypts every entry the fast path seals for %i recipient(s)', async (count) => {
    const recipients = pool.slice(0, count);
    const jwe = encryptGeneralJwe(
      plaintext,
      PROTECTED,
      recipients.map((recipient) => recipient.entry),
    );
    expect(jwe.recipients).toHaveLength(count);
    for (const [index, recipient] of recipients.entries()) {
      expect(Buffer.from(await joseDecryptEntry(jweEntryAt(jwe, index), recipient.privateKey))).toEqual(plaintext);
    }
  });

  it.each([1, 2, 195])('the fast path decrypts every entry jose seals for %i recipient(s)', async (count) => {
    const recipients = pool.slice(0, count);
    const jwe = await joseEncryptGeneral(
      plaintext,
      PROTECTED,
      recipients.map((recipient) => recipient.entry),
    );
    recipients.forEach((recipient, index) => {
      expect(decryptJweEntry(jweEntryAt(jwe, index), recipient.privateKey)).toEqual(plaintext);
    });
  });

  it('lays out headers as jose does: epk per entry for many, in the protected header for one', async () => {
    const many = encryptGeneralJwe(plaintext, PROTECTED, [pool[0].entry, pool[1].entry]);
    const joseMany = await joseEncryptGeneral(plaintext, PROTECTED, [pool[0].entry, pool[1].entry]);
    const shape = (jwe: typeof many) => ({
      protected: Object.keys(JSON.parse(Buffer.from(jwe.protected, 'base64url').toString()) as object).sort(),
      recipients: jwe.recipients.map((recipient) => ({
        members: Object.keys(recipient).sort(),
        header: Object.keys(recipient.header ?? {}).sort(),
        epk: Object.keys(recipient.header?.['epk'] ?? {}).sort(),
      })),
      members: Object.keys(jwe).sort(),
    });
    expect(shape(many)).toEqual(shape(joseMany));
    const one = encryptGeneralJwe(plaintext, PROTECTED, [pool[0].entry]);
    const joseOne = await joseEncryptGeneral(plaintext, PROTECTED, [pool[0].entry]);
    expect(shape(one)).toEqual(shape(joseOne));
  });

  it('agrees on random bodies and recipient counts, both ways (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 1, max: 12 }), async (body, count) => {
        const recipients = pool.slice(0, count);
        const entries = recipients.map((recipient) => recipient.entry);
        const fast = encryptGeneralJwe(body, PROTECTED, entries);
        const jose = await joseEncryptGeneral(body, PROTECTED, entries);
        const index = count - 1;
        const privateKey = recipients[index].privateKey;
        expect(Buffer.from(await joseDecryptEntry(jweEntryAt(fast, index), privateKey))).toEqual(Buffer.from(body));
        expect(decryptJweEntry(jweEntryAt(jose, index), privateKey)).toEqual(Buffer.from(body));
      }),
      { numRuns: 60 },
    );
  });
});

describe('a sealed envelope opens with jose', () => {
  it('verifies the envelope signature and decrypts each recipient entry with jose', async () => {
    const [mr, fr, de] = await createTestBureaus(['MR', 'FR', 'DE']);
    const sealed = await sealEnvelope({
      payload: testPayloadHeader(mr, [fr, de]),
      body: { text: 'bonjour' },
      recipients: [fr.recipientKey, de.recipientKey],
      signer: mr.signer,
    });
    await joseVerify(sealed.jws, mr.keys.signing.publicKey);
    const content = sealed.payload.content!;
    for (const [index, bureau] of [fr, de].entries()) {
      const plaintext = await joseDecryptEntry(jweEntryAt(content, index), bureau.keys.encryption.privateKey);
      expect(JSON.parse(Buffer.from(plaintext).toString())).toEqual({ body: { text: 'bonjour' } });
    }
  });
});
