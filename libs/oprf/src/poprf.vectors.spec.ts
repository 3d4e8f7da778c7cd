import { OprfError, type OprfErrorCode } from './oprf.errors';
import type { Poprf } from './poprf';
import { referencePoprf } from './poprf.reference';
import { createSodiumPoprf } from './poprf.sodium';
import { POPRF_KEY, POPRF_VECTORS, type PoprfVector } from './poprf.test-vectors';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fixed = (scalar: Uint8Array) => () => Uint8Array.from(scalar);

function refusal(run: () => unknown): { code: OprfErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof OprfError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the operation was accepted');
}

function flipBit(bytes: Uint8Array, byte: number, mask: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[byte] ^= mask;
  return copy;
}

/** The client's and server's halves of one published vector, replayed with its scalars. */
function replay(poprf: Poprf, vector: PoprfVector) {
  const blinds = vector.input.map((input, i) =>
    poprf.blind({ input, info: vector.info, serverPublicKey: POPRF_KEY.pkSm, randomScalar: fixed(vector.blind[i]) }),
  );
  const evaluation = poprf.blindEvaluateBatch({
    serverSecretKey: POPRF_KEY.skSm,
    blindedElements: blinds.map((b) => b.blindedElement),
    info: vector.info,
    randomScalar: fixed(vector.proofRandomScalar),
  });
  const items = vector.input.map((input, i) => ({
    input,
    blind: blinds[i].blind,
    blindedElement: blinds[i].blindedElement,
    evaluatedElement: evaluation.evaluatedElements[i],
  }));
  return { blinds, evaluation, items, tweakedKey: blinds[0].tweakedKey };
}

describe.each([
  ['reference (@noble/curves)', () => Promise.resolve(referencePoprf)],
  ['fast (libsodium)', createSodiumPoprf],
])('RFC 9497 A.1.3 ristretto255-SHA512 POPRF vectors, %s', (_name, create) => {
  let poprf: Poprf;
  beforeAll(async () => {
    poprf = await create();
  });

  it('derives skSm and pkSm from Seed and KeyInfo', () => {
    const { secretKey, publicKey } = poprf.deriveKeyPair({ seed: POPRF_KEY.seed, keyInfo: POPRF_KEY.keyInfo });
    expect(hex(secretKey)).toBe(hex(POPRF_KEY.skSm));
    expect(hex(publicKey)).toBe(hex(POPRF_KEY.pkSm));
  });

  describe.each(POPRF_VECTORS.map((v) => [v.name, v] as const))('%s', (_vector, vector) => {
    it('blinds, evaluates with the proof and finalizes to the published values', () => {
      const { blinds, evaluation, items, tweakedKey } = replay(poprf, vector);
      expect(blinds.map((b) => hex(b.blind))).toEqual(vector.blind.map(hex));
      expect(blinds.map((b) => hex(b.blindedElement))).toEqual(vector.blindedElement.map(hex));
      expect(evaluation.evaluatedElements.map(hex)).toEqual(vector.evaluationElement.map(hex));
      expect(hex(evaluation.proof)).toBe(hex(vector.proof));
      const outputs = poprf.finalizeBatch({ items, proof: evaluation.proof, info: vector.info, tweakedKey });
      expect(outputs.map(hex)).toEqual(vector.output.map(hex));
    });

    it('Evaluate with the secret key gives the same outputs', () => {
      const outputs = vector.input.map((input) =>
        poprf.evaluate({ serverSecretKey: POPRF_KEY.skSm, input, info: vector.info }),
      );
      expect(outputs.map(hex)).toEqual(vector.output.map(hex));
    });

    it('finalizes the published wire values (not only its own)', () => {
      const { items, tweakedKey } = replay(poprf, vector);
      const published = items.map((item, i) => ({ ...item, evaluatedElement: vector.evaluationElement[i] }));
      const outputs = poprf.finalizeBatch({ items: published, proof: vector.proof, info: vector.info, tweakedKey });
      expect(outputs.map(hex)).toEqual(vector.output.map(hex));
    });

    describe('corruptions', () => {
      const finalizeWith = (changes: { proof?: Uint8Array; tweakedKey?: Uint8Array; items?: unknown[] }) => () => {
        const { items, tweakedKey } = replay(poprf, vector);
        poprf.finalizeBatch({ items, proof: vector.proof, info: vector.info, tweakedKey, ...changes } as never);
      };

      it.each([
        ['bit 0 of c', 0, 0x01],
        ['bit 5 of c', 7, 0x20],
        ['bit 0 of s', 32, 0x01],
        ['bit 3 of s', 50, 0x08],
      ])('a proof with %s flipped is refused', (_what, byte, mask) => {
        expect(refusal(finalizeWith({ proof: flipBit(vector.proof, byte, mask) }))).toEqual({
          code: 'proof-mismatch',
          message: 'the server proof does not verify against the tweaked key',
        });
      });

      it('a proof scalar pushed above the group order is refused before any verification', () => {
        expect(refusal(finalizeWith({ proof: flipBit(vector.proof, 63, 0x80) }))).toEqual({
          code: 'bad-proof-encoding',
          message: 'proof scalar s is not below the ristretto255 group order',
        });
      });

      it('a truncated proof is refused', () => {
        expect(refusal(finalizeWith({ proof: vector.proof.subarray(1) })).code).toBe('bad-proof-encoding');
      });

      it('an evaluation under other info than the client blinded with is refused', () => {
        const { items, tweakedKey } = replay(poprf, vector);
        const other = poprf.blindEvaluateBatch({
          serverSecretKey: POPRF_KEY.skSm,
          blindedElements: items.map((item) => item.blindedElement),
          info: Buffer.from('test infp'),
          randomScalar: fixed(vector.proofRandomScalar),
        });
        const forged = items.map((item, i) => ({ ...item, evaluatedElement: other.evaluatedElements[i] }));
        const run = () => poprf.finalizeBatch({ items: forged, proof: other.proof, info: vector.info, tweakedKey });
        expect(refusal(run).code).toBe('proof-mismatch');
      });

      it('finalizing under other info than the evaluation gives another output', () => {
        const { items, evaluation, tweakedKey } = replay(poprf, vector);
        const outputs = poprf.finalizeBatch({
          items,
          proof: evaluation.proof,
          info: Buffer.from('test infp'),
          tweakedKey,
        });
        outputs.forEach((output, i) => expect(hex(output)).not.toBe(hex(vector.output[i])));
      });

      it('a tweaked key from another public key is refused', () => {
        const otherKey = poprf.deriveKeyPair({ seed: POPRF_KEY.seed, keyInfo: Buffer.from('other key') });
        const { tweakedKey } = poprf.blind({
          input: vector.input[0],
          info: vector.info,
          serverPublicKey: otherKey.publicKey,
        });
        expect(refusal(finalizeWith({ tweakedKey })).code).toBe('proof-mismatch');
      });

      it('an evaluation by another secret key is refused', () => {
        const { items, tweakedKey } = replay(poprf, vector);
        const otherKey = poprf.deriveKeyPair({ seed: POPRF_KEY.seed, keyInfo: Buffer.from('other key') });
        const other = poprf.blindEvaluateBatch({
          serverSecretKey: otherKey.secretKey,
          blindedElements: items.map((item) => item.blindedElement),
          info: vector.info,
        });
        const forged = items.map((item, i) => ({ ...item, evaluatedElement: other.evaluatedElements[i] }));
        const run = () => poprf.finalizeBatch({ items: forged, proof: other.proof, info: vector.info, tweakedKey });
        expect(refusal(run).code).toBe('proof-mismatch');
      });

      it('a proof checked against another blinded element is refused', () => {
        const { items } = replay(poprf, vector);
        const swapped = [{ ...items[0], blindedElement: POPRF_KEY.pkSm }, ...items.slice(1)];
        expect(refusal(finalizeWith({ items: swapped })).code).toBe('proof-mismatch');
      });
    });
  });

  it('a batch proof does not cover the batch in another order', () => {
    const vector = POPRF_VECTORS[2];
    const { items, tweakedKey } = replay(poprf, vector);
    const run = () =>
      poprf.finalizeBatch({ items: [...items].reverse(), proof: vector.proof, info: vector.info, tweakedKey });
    expect(refusal(run).code).toBe('proof-mismatch');
  });
});
