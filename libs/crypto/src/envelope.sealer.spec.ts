import { ENVELOPE_TYP, envelopePayloadSchema, type GeneralJwe } from '@bureaunet/contracts';
import { envelopeDigest } from './envelope.digest';
import { sealEnvelope, type SealInput } from './envelope.sealer';
import { decodeJson64 } from './testing/forged-jws.fixture';
import {
  createTestBureaus,
  testPayloadHeader,
  testReceiptHeader,
  type TestBureau,
} from './testing/test-bureau.fixture';

describe('sealEnvelope', () => {
  let mr: TestBureau, fr: TestBureau, de: TestBureau;

  beforeAll(async () => {
    [mr, fr, de] = await createTestBureaus(['MR', 'FR', 'DE']);
  });

  const input = (overrides: Partial<SealInput> = {}): SealInput => ({
    payload: testPayloadHeader(mr, [fr, de]),
    body: { text: 'hello' },
    recipients: [fr.recipientKey, de.recipientKey],
    signer: mr.signer,
    ...overrides,
  });

  it('signs { alg: EdDSA, kid, typ } over a schema-valid payload, serialized as flattened JWS JSON', async () => {
    const sealed = await sealEnvelope(input());
    expect(decodeJson64(sealed.jws.protected)).toEqual({ alg: 'EdDSA', kid: mr.signer.kid, typ: ENVELOPE_TYP });
    expect(decodeJson64(sealed.jws.payload)).toEqual(sealed.payload);
    expect(envelopePayloadSchema.parse(sealed.payload).v).toBe(1);
    expect(JSON.parse(sealed.serialized)).toEqual(sealed.jws);
    expect(sealed.digest).toBe(envelopeDigest(sealed.jws));
  });

  it('encrypts A256GCM content bound to the envelope, one ECDH-ES+A256KW entry per recipient', async () => {
    const sealed = await sealEnvelope(input());
    const jwe = sealed.payload.content as GeneralJwe;
    expect(decodeJson64(jwe.protected)).toEqual({ enc: 'A256GCM', bn_id: sealed.payload.id, bn_from: 'MR' });
    expect(
      jwe.recipients.map((r) => ({ alg: r.header?.['alg'], kid: r.header?.['kid'], bn_to: r.header?.['bn_to'] })),
    ).toEqual([
      { alg: 'ECDH-ES+A256KW', kid: fr.recipientKey.kid, bn_to: 'FR' },
      { alg: 'ECDH-ES+A256KW', kid: de.recipientKey.kid, bn_to: 'DE' },
    ]);
    expect(jwe.recipients.every((r) => (r.header?.['epk'] as { crv?: string }).crv === 'X25519')).toBe(true);
    expect(sealed.serialized).not.toContain('hello');
  });

  it("puts a single recipient's epk in the JWE protected header (jose's choice), still bound", async () => {
    const sealed = await sealEnvelope(input({ payload: testPayloadHeader(mr, [fr]), recipients: [fr.recipientKey] }));
    const header = decodeJson64((sealed.payload.content as GeneralJwe).protected);
    expect(header).toMatchObject({
      enc: 'A256GCM',
      bn_id: sealed.payload.id,
      bn_from: 'MR',
      epk: { kty: 'OKP', crv: 'X25519' },
    });
  });

  it('seals a receipt without content', async () => {
    const sealed = await sealEnvelope({
      payload: testReceiptHeader(fr, mr, { id: '0190f0a4-0000-7000-8000-000000000000', digest: 'A'.repeat(43) }),
      recipients: [],
      signer: fr.signer,
    });
    expect(sealed.payload).not.toHaveProperty('content');
    expect(sealed.payload.kind).toBe('receipt');
  });

  describe('refuses before any crypto: malformed-envelope naming the field', () => {
    it.each([
      [
        'a lower-case recipient code',
        { to: ['fr'] },
        'payload.to.0: must be a bureau code (e.g. FR), group:<id> or operation:<id>',
      ],
      ['an id that is neither UUID nor ULID', { id: 'message-1' }, 'payload.id: must be a UUID or a ULID'],
      ['expiry before creation', { expiresAt: '2020-01-01T00:00:00Z' }, 'payload.expiresAt: must be after createdAt'],
      [
        'an unknown meta field',
        { meta: { colour: 'red' } as never },
        "payload.meta: Unrecognized key(s) in object: 'colour'",
      ],
      ['an unknown kind', { kind: 'gossip' as never }, expect.stringContaining('payload.kind: Invalid enum value')],
    ])('%s', async (_case, change, message) => {
      await expect(
        sealEnvelope(input({ payload: { ...testPayloadHeader(mr, [fr, de]), ...change } })),
      ).rejects.toMatchObject({ code: 'malformed-envelope', message });
    });

    it('a receipt with a body, or a diffusion without one', async () => {
      const receipt = testReceiptHeader(fr, mr, { id: '0190f0a4-0000-7000-8000-000000000000', digest: 'A'.repeat(43) });
      await expect(sealEnvelope(input({ payload: receipt, body: 'x' }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: 'body: must be absent for kind receipt',
      });
      await expect(sealEnvelope(input({ body: undefined }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: 'body: is required for kind diffusion',
      });
    });

    it('a receipt without receiptFor', async () => {
      await expect(
        sealEnvelope(input({ payload: testPayloadHeader(fr, [mr], { kind: 'receipt' }), body: undefined })),
      ).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: 'payload.meta.receiptFor: is required for a receipt',
      });
    });

    it('seals a group scope in `to` for the members the sender resolved, naming no key for the scope itself', async () => {
      const payload = { ...testPayloadHeader(mr, [fr, de]), to: ['group:schengen'] };
      await expect(sealEnvelope(input({ payload }))).resolves.toMatchObject({ payload: { to: ['group:schengen'] } });
    });

    it('a listed addressee without a key, no recipients, or one kid twice', async () => {
      await expect(sealEnvelope(input({ recipients: [fr.recipientKey] }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: 'recipients: no key for DE listed in payload.to',
      });
      await expect(sealEnvelope(input({ recipients: [] }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('at least one recipient'),
      });
      await expect(sealEnvelope(input({ recipients: [fr.recipientKey, fr.recipientKey] }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('appears twice'),
      });
    });

    it('a body JSON cannot carry', async () => {
      await expect(sealEnvelope(input({ body: { n: 1n } }))).rejects.toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('body: is not JSON-serializable'),
      });
    });
  });

  it('rejects wrong key types as a caller bug (TypeError)', async () => {
    await expect(sealEnvelope(input({ signer: { kid: 'k', key: mr.keys.signing.publicKey } }))).rejects.toThrow(
      new TypeError('signer.key must be an ed25519 private key, got ed25519 public key'),
    );
    await expect(
      sealEnvelope(input({ recipients: [{ ...fr.recipientKey, key: fr.keys.signing.publicKey }, de.recipientKey] })),
    ).rejects.toThrow('recipients[0].key must be an x25519 public key, got ed25519 public key');
  });
});
