import { ENVELOPE_TYP } from '@bureaunet/contracts';
import { parseEnvelope, type ParsedEnvelope } from './envelope.parser';
import { sealEnvelope, type SealedEnvelope } from './envelope.sealer';
import { verifyEnvelopeSignature } from './envelope.verifier';
import { decodeJson64, encodeJson64, signArbitraryJws } from './testing/forged-jws.fixture';
import { createTestBureaus, testPayloadHeader, type TestBureau } from './testing/test-bureau.fixture';

describe('verifyEnvelopeSignature', () => {
  let mr: TestBureau, fr: TestBureau;
  let sealed: SealedEnvelope;
  let parsed: ParsedEnvelope;

  beforeAll(async () => {
    [mr, fr] = await createTestBureaus(['MR', 'FR']);
    sealed = await sealEnvelope({
      payload: testPayloadHeader(mr, [fr]),
      body: 'hello',
      recipients: [fr.recipientKey],
      signer: mr.signer,
    });
    parsed = parseEnvelope(sealed.serialized);
  });

  it("accepts the sender's signature", async () => {
    await expect(verifyEnvelopeSignature(parsed, mr.keys.signing.publicKey)).resolves.toBeUndefined();
  });

  it('refuses a payload with one character flipped: bad-signature', async () => {
    const text = Buffer.from(sealed.jws.payload, 'base64url').toString('utf8');
    const last = text.indexOf(sealed.payload.id) + sealed.payload.id.length - 1;
    const flipped = text.slice(0, last) + (text[last] === '0' ? '1' : '0') + text.slice(last + 1);
    const tampered = parseEnvelope(
      JSON.stringify({ ...sealed.jws, payload: Buffer.from(flipped).toString('base64url') }),
    );
    expect(tampered.payload.id).not.toBe(sealed.payload.id);
    await expect(verifyEnvelopeSignature(tampered, mr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
      message: `envelope ${tampered.payload.id} signature does not verify (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)`,
    });
  });

  it('refuses a flipped character in the encoded payload or signature, whatever the parser made of it', async () => {
    const flip = (value: string) => (value[5] === 'A' ? 'B' : 'A');
    const payload = {
      ...parsed,
      jws: {
        ...parsed.jws,
        payload: parsed.jws.payload.slice(0, 5) + flip(parsed.jws.payload) + parsed.jws.payload.slice(6),
      },
    };
    const signature = {
      ...parsed,
      jws: {
        ...parsed.jws,
        signature: parsed.jws.signature.slice(0, 5) + flip(parsed.jws.signature) + parsed.jws.signature.slice(6),
      },
    };
    await expect(verifyEnvelopeSignature(payload, mr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
    await expect(verifyEnvelopeSignature(signature, mr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('refuses the right envelope checked against another bureau key: bad-signature', async () => {
    await expect(verifyEnvelopeSignature(parsed, fr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringContaining('signature does not verify'),
    });
  });

  it('refuses a header changed after signing (kid swapped)', async () => {
    const forged = {
      ...parsed,
      jws: { ...parsed.jws, protected: encodeJson64({ ...decodeJson64(parsed.jws.protected), kid: 'another' }) },
    };
    await expect(verifyEnvelopeSignature(forged, mr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('refuses to verify with a key that is not Ed25519', async () => {
    const x25519 = fr.keys.encryption.publicKey;
    await expect(verifyEnvelopeSignature(parsed, x25519)).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringContaining('not an Ed25519 public key'),
    });
    await expect(verifyEnvelopeSignature(parsed, mr.keys.signing.privateKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('verifies over the received strings, not a re-serialization of the payload', async () => {
    // The same payload object re-encoded with other spacing: a verifier that re-serialized would accept it.
    const signed = await signArbitraryJws(
      { alg: 'EdDSA', kid: mr.signer.kid, typ: ENVELOPE_TYP },
      sealed.payload,
      mr.signer.key,
    );
    const respaced = { ...signed, payload: Buffer.from(JSON.stringify(sealed.payload, null, 1)).toString('base64url') };
    const reparsed = parseEnvelope(JSON.stringify(respaced));
    expect(reparsed.payload).toEqual(sealed.payload);
    await expect(verifyEnvelopeSignature(reparsed, mr.keys.signing.publicKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });
});
