import { ENVELOPE_TYP, type GeneralJwe } from '@bureaunet/contracts';
import { CryptoError } from './crypto.errors';
import { MAX_ENVELOPE_BYTES, parseEnvelope } from './envelope.parser';
import { sealEnvelope, type SealedEnvelope } from './envelope.sealer';
import { decodeJson64, encodeJson64, handBuiltJws, signArbitraryJws } from './testing/forged-jws.fixture';
import { createTestBureaus, testPayloadHeader, withContent, type TestBureau } from './testing/test-bureau.fixture';

describe('parseEnvelope', () => {
  let mr: TestBureau, fr: TestBureau, de: TestBureau;
  let sealed: SealedEnvelope;
  const header = () => ({ alg: 'EdDSA', kid: mr.signer.kid, typ: ENVELOPE_TYP });

  beforeAll(async () => {
    [mr, fr, de] = await createTestBureaus(['MR', 'FR', 'DE']);
    sealed = await sealEnvelope({
      payload: testPayloadHeader(mr, [fr, de]),
      body: { text: 'hello' },
      recipients: [fr.recipientKey, de.recipientKey],
      signer: mr.signer,
    });
  });

  function refusal(raw: string | Uint8Array, options?: { maxBytes?: number }): CryptoError {
    try {
      parseEnvelope(raw, options);
    } catch (error) {
      if (error instanceof CryptoError) return error;
      throw error;
    }
    throw new Error('parseEnvelope accepted the input');
  }

  function withJwe(change: (jwe: GeneralJwe) => GeneralJwe): string {
    return handBuiltJws(header(), { ...sealed.payload, content: change(sealed.payload.content as GeneralJwe) });
  }

  function withJweProtected(change: (protectedHeader: Record<string, unknown>) => Record<string, unknown>): string {
    return withJwe((jwe) => ({ ...jwe, protected: encodeJson64(change(decodeJson64(jwe.protected))) }));
  }

  it('accepts a sealed envelope as text or bytes, whatever the JSON whitespace', () => {
    const parsed = parseEnvelope(sealed.serialized);
    expect(parsed).toEqual({
      jws: sealed.jws,
      header: { alg: 'EdDSA', kid: mr.signer.kid, typ: ENVELOPE_TYP },
      payload: sealed.payload,
      digest: sealed.digest,
    });
    expect(parseEnvelope(new TextEncoder().encode(JSON.stringify(sealed.jws, null, 2))).digest).toBe(sealed.digest);
  });

  describe('too-large', () => {
    it('refuses text over the limit before parsing it', () => {
      expect(refusal('x'.repeat(MAX_ENVELOPE_BYTES + 1))).toMatchObject({
        code: 'too-large',
        message: `envelope exceeds the limit of ${MAX_ENVELOPE_BYTES} bytes`,
      });
    });

    it('counts UTF-8 bytes, not characters, and honours maxBytes', () => {
      expect(refusal('é'.repeat(60), { maxBytes: 100 })).toMatchObject({ code: 'too-large' });
      expect(refusal(new Uint8Array(101), { maxBytes: 100 })).toMatchObject({
        code: 'too-large',
        message: expect.stringContaining('100 bytes'),
      });
      expect(() => parseEnvelope(sealed.serialized, { maxBytes: sealed.serialized.length })).not.toThrow();
    });
  });

  describe('malformed-envelope', () => {
    it.each([
      ['not JSON', '{"protected":', 'envelope: is not JSON'],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'envelope: is not valid UTF-8'],
      [
        'missing signature',
        () => JSON.stringify({ protected: encodeJson64(header()), payload: 'e30' }),
        'envelope.signature: Required',
      ],
      [
        'a JWS with extra members',
        () => JSON.stringify({ ...sealed.jws, signatures: [] }),
        "envelope: Unrecognized key(s) in object: 'signatures'",
      ],
      [
        'a payload that is not base64url',
        () => JSON.stringify({ ...sealed.jws, payload: 'e30.' }),
        'envelope.payload: must be base64url',
      ],
      ['a JSON array', '[]', 'envelope: Expected object, received array'],
      [
        'a missing protected header',
        JSON.stringify({ payload: 'e30', signature: 'AA' }),
        'envelope.protected: Required',
      ],
      [
        'non-base64url characters',
        JSON.stringify({ protected: 'e30=', payload: 'e30', signature: 'AA' }),
        'envelope.protected: is not canonical base64url',
      ],
      [
        'non-canonical base64url',
        JSON.stringify({ protected: 'e31', payload: 'e30', signature: 'AA' }),
        'envelope.protected: is not canonical base64url',
      ],
      [
        'a protected header that is not an object',
        JSON.stringify({ protected: encodeJson64([1]), payload: 'e30', signature: 'AA' }),
        'envelope.protected: must be a JSON object',
      ],
    ])('refuses %s', (_case, raw, message) => {
      expect(refusal(typeof raw === 'function' ? raw() : raw)).toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining(message),
      });
    });

    it('refuses an unprotected JWS header', () => {
      const raw = JSON.stringify({ ...sealed.jws, header: { kid: 'other' } });
      expect(refusal(raw)).toMatchObject({
        code: 'malformed-envelope',
        message: 'envelope.header: unprotected JWS headers are not accepted',
      });
    });

    it('refuses a wrong or missing typ (explicit typing, RFC 8725 section 3.11)', () => {
      expect(refusal(handBuiltJws({ ...header(), typ: 'JWT' }, sealed.payload))).toMatchObject({
        code: 'malformed-envelope',
        message: `JWS typ "JWT" is not ${ENVELOPE_TYP}`,
      });
      expect(refusal(handBuiltJws({ alg: 'EdDSA', kid: 'k' }, sealed.payload))).toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('typ missing'),
      });
    });

    it('refuses a missing kid', () => {
      expect(refusal(handBuiltJws({ alg: 'EdDSA', typ: ENVELOPE_TYP }, sealed.payload))).toMatchObject({
        code: 'malformed-envelope',
        message: 'JWS kid: must be a non-empty string',
      });
    });

    it('names the payload field that breaks the schema', () => {
      const raw = handBuiltJws(header(), { ...sealed.payload, to: ['france'] });
      expect(refusal(raw)).toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('payload.to.0: must be a bureau code (e.g. FR), group:<id> or operation:<id>'),
      });
      const noContent = handBuiltJws(header(), { ...sealed.payload, content: undefined });
      expect(refusal(noContent)).toMatchObject({
        code: 'malformed-envelope',
        message: 'payload.content: is required for kind diffusion',
      });
    });

    it('refuses a JWE entry without kid, or two entries with the same kid', () => {
      const noKid = withJwe((jwe) => ({
        ...jwe,
        recipients: [{ ...jwe.recipients[0], header: { alg: 'ECDH-ES+A256KW', bn_to: 'FR' } }],
      }));
      expect(refusal(noKid)).toMatchObject({
        code: 'malformed-envelope',
        message: 'payload.content.recipients.0.header.kid: must be a non-empty string',
      });
      const twice = withJwe((jwe) => ({ ...jwe, recipients: [jwe.recipients[0], jwe.recipients[0]] }));
      expect(refusal(twice)).toMatchObject({
        code: 'malformed-envelope',
        message: expect.stringContaining('has more than one entry'),
      });
    });
  });

  describe('unsupported-algorithm, before any signature work', () => {
    it('refuses alg "none" (an unsecured JWS built by hand)', () => {
      const raw = JSON.stringify({
        protected: encodeJson64({ alg: 'none', kid: 'k', typ: ENVELOPE_TYP }),
        payload: encodeJson64(sealed.payload),
        signature: '',
      });
      expect(refusal(raw)).toMatchObject({
        code: 'unsupported-algorithm',
        message: 'JWS alg "none" is not allowed; only EdDSA is accepted',
      });
      expect(refusal(handBuiltJws({ ...header(), alg: 'none' }, sealed.payload))).toMatchObject({
        code: 'unsupported-algorithm',
        message: 'JWS alg "none" is not allowed; only EdDSA is accepted',
      });
    });

    it.each(['ES256', 'HS256', 'RS256', 'Ed25519', 'eddsa'])('refuses alg %s outside the allow-list', (alg) => {
      expect(refusal(handBuiltJws({ ...header(), alg }, sealed.payload))).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining(`"${alg}" is not allowed`),
      });
    });

    it('refuses a missing alg', () => {
      expect(refusal(handBuiltJws({ kid: 'k', typ: ENVELOPE_TYP }, sealed.payload))).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining('alg missing'),
      });
    });

    it('refuses zip in the JWE protected or per-recipient header', () => {
      expect(refusal(withJweProtected((h) => ({ ...h, zip: 'DEF' })))).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining('JWE protected zip is refused'),
      });
      const perRecipient = withJwe((jwe) => ({
        ...jwe,
        recipients: jwe.recipients.map((r) => ({ ...r, header: { ...r.header, zip: 'DEF' } })),
      }));
      expect(refusal(perRecipient)).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining('recipients[0].header zip is refused'),
      });
    });

    it('refuses a JWE enc other than A256GCM', () => {
      expect(refusal(withJweProtected((h) => ({ ...h, enc: 'A128CBC-HS256' })))).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining('"A128CBC-HS256" is not allowed'),
      });
      const { enc: _enc, ...withoutEnc } = decodeJson64((sealed.payload.content as GeneralJwe).protected);
      expect(refusal(withJweProtected(() => withoutEnc))).toMatchObject({
        code: 'unsupported-algorithm',
        message: 'JWE enc must be A256GCM in the protected header',
      });
    });

    it.each(['RSA-OAEP-256', 'dir', 'ECDH-ES', 'A256KW'])('refuses a JWE recipient alg %s', (alg) => {
      const raw = withJwe((jwe) => ({
        ...jwe,
        recipients: jwe.recipients.map((r, i) => (i === 1 ? { ...r, header: { ...r.header, alg } } : r)),
      }));
      expect(refusal(raw)).toMatchObject({
        code: 'unsupported-algorithm',
        message: expect.stringContaining(`recipients[1].header alg "${alg}" is not allowed`),
      });
    });
  });

  describe('unsupported-critical-header', () => {
    it('refuses crit in the JWS header, even for an extension jose knows (b64)', async () => {
      const jws = await signArbitraryJws({ ...header(), crit: ['b64'], b64: true }, sealed.payload, mr.signer.key);
      expect(refusal(JSON.stringify(jws))).toMatchObject({
        code: 'unsupported-critical-header',
        message: 'JWS crit ["b64"] names extensions bureaunet does not understand',
      });
    });

    it('refuses crit in any JWE header', () => {
      expect(refusal(withJweProtected((h) => ({ ...h, crit: ['bn_id'] })))).toMatchObject({
        code: 'unsupported-critical-header',
        message: expect.stringContaining('JWE protected crit ["bn_id"]'),
      });
      const shared = withJwe((jwe) => ({ ...jwe, unprotected: { crit: ['x'] } }));
      expect(refusal(shared)).toMatchObject({
        code: 'unsupported-critical-header',
        message: expect.stringContaining('JWE unprotected crit'),
      });
    });
  });

  it('parses a receipt built by a dishonest sender only if the schema holds', async () => {
    const receipt = await signArbitraryJws(
      header(),
      withContent(testPayloadHeader(mr, [fr], { kind: 'receipt' }), undefined),
      mr.signer.key,
    );
    expect(refusal(JSON.stringify(receipt))).toMatchObject({
      code: 'malformed-envelope',
      message: 'payload.meta.receiptFor: is required for a receipt',
    });
  });
});
