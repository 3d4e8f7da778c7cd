import fc from 'fast-check';
import { CryptoError } from './crypto.errors';
import { parseEnvelope } from './envelope.parser';
import { sealEnvelope, type SealedEnvelope } from './envelope.sealer';
import { verifyEnvelopeSignature } from './envelope.verifier';
import { createTestBureaus, testPayloadHeader, type TestBureau } from './testing/test-bureau.fixture';

/**
 * Property-based fuzzing of what a hostile bureau controls: whatever bytes arrive, the parser
 * answers with a CryptoError naming the problem (never another exception, never a crash), and no
 * change to a signed envelope survives parsing plus the signature check.
 */
describe('parseEnvelope under fuzzing', () => {
  let mr: TestBureau, fr: TestBureau;
  let sealed: SealedEnvelope;

  beforeAll(async () => {
    [mr, fr] = await createTestBureaus(['MR', 'FR']);
    sealed = await sealEnvelope({
      payload: testPayloadHeader(mr, [fr]),
      body: { text: 'fuzz' },
      recipients: [fr.recipientKey],
      signer: mr.signer,
    });
  });

  function outcome(raw: string | Uint8Array): 'parsed' | 'refused' {
    try {
      parseEnvelope(raw);
      return 'parsed';
    } catch (error) {
      if (error instanceof CryptoError && error.message.length > 0) return 'refused';
      throw error;
    }
  }

  it('refuses arbitrary bytes with a CryptoError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => outcome(bytes) === 'refused'),
      { numRuns: 2_000 },
    );
  });

  it('refuses arbitrary JSON values and JWS-shaped objects with a CryptoError', () => {
    const jwsShaped = fc.record(
      {
        protected: fc.oneof(fc.string(), fc.base64String()),
        payload: fc.oneof(fc.string(), fc.base64String(), fc.jsonValue()),
        signature: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), jwsShaped), (value) => outcome(JSON.stringify(value)) === 'refused'),
      { numRuns: 2_000 },
    );
  });

  it('refuses deeply nested JSON, as the whole input or inside the signed payload, without overflowing the stack', () => {
    const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}0${close.repeat(depth)}`;
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 100_000 }),
        fc.constantFrom(['[', ']'], ['{"a":', '}']),
        (depth, [open, close]) => {
          const deep = nested(depth, open, close);
          const inPayload = JSON.stringify({
            ...sealed.jws,
            payload: Buffer.from(`{"v":1,"meta":${deep}}`).toString('base64url'),
          });
          return outcome(deep) === 'refused' && outcome(inPayload) === 'refused';
        },
      ),
      { numRuns: 20 },
    );
  });

  it('lets no single-character change to a signed envelope through parsing and the signature check', async () => {
    const text = sealed.serialized;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.integer({ min: 32, max: 126 }), async (position, code) => {
        const replacement = String.fromCharCode(code);
        fc.pre(text[position] !== replacement);
        const mutated = text.slice(0, position) + replacement + text.slice(position + 1);
        let parsed;
        try {
          parsed = parseEnvelope(mutated);
        } catch (error) {
          return error instanceof CryptoError;
        }
        // JSON whitespace or an escape that decodes the same leaves the signed bytes as they were.
        if (parsed.digest === sealed.digest) return true;
        await expect(verifyEnvelopeSignature(parsed, mr.keys.signing.publicKey)).rejects.toThrow(CryptoError);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
