import fc from 'fast-check';
import type { Poprf } from './poprf';
import { referencePoprf } from './poprf.reference';
import { createSodiumPoprf } from './poprf.sodium';
import { isAllZero } from './scalar.encoding';

/*
 * The fast implementation against the reference, on random keys, inputs, info and scalars: every
 * wire value and output byte for byte, each client with each server, and the oblivious round trip
 * equal to the server's direct Evaluate.
 */

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
/** A canonical non-zero scalar: 32 bytes below 2^252 (the order is just above it). */
const scalar = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((bytes) => {
    bytes[31] &= 0x0f;
    return bytes;
  })
  .filter((bytes) => !isAllZero(bytes));

const round = fc.record({
  seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  keyInfo: fc.uint8Array({ maxLength: 16 }),
  input: fc.uint8Array({ maxLength: 80 }),
  info: fc.uint8Array({ maxLength: 40 }),
  blind: scalar,
  proofRandom: scalar,
});

type Round = typeof round extends fc.Arbitrary<infer T> ? T : never;

function roundTrip(client: Poprf, server: Poprf, r: Round): string[] {
  const keys = server.deriveKeyPair({ seed: r.seed, keyInfo: r.keyInfo });
  const blinded = client.blind({
    input: r.input,
    info: r.info,
    serverPublicKey: keys.publicKey,
    randomScalar: () => r.blind,
  });
  const evaluated = server.blindEvaluate({
    serverSecretKey: keys.secretKey,
    blindedElement: blinded.blindedElement,
    info: r.info,
    randomScalar: () => r.proofRandom,
  });
  const output = client.finalize({ input: r.input, info: r.info, ...blinded, ...evaluated });
  const direct = server.evaluate({ serverSecretKey: keys.secretKey, input: r.input, info: r.info });
  return [
    keys.secretKey,
    keys.publicKey,
    blinded.blindedElement,
    blinded.tweakedKey,
    evaluated.evaluatedElement,
    evaluated.proof,
    output,
    direct,
  ].map(hex);
}

describe('the libsodium POPRF against the @noble/curves reference', () => {
  let fast: Poprf;
  beforeAll(async () => {
    fast = await createSodiumPoprf();
  });

  it('gives identical keys, wire values, proofs and outputs, and finalize equals Evaluate', () => {
    fc.assert(
      fc.property(round, (r) => {
        const reference = roundTrip(referencePoprf, referencePoprf, r);
        expect(roundTrip(fast, fast, r)).toEqual(reference);
        expect(roundTrip(referencePoprf, fast, r)).toEqual(reference);
        expect(roundTrip(fast, referencePoprf, r)).toEqual(reference);
        expect(reference[6]).toBe(reference[7]);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees on batches, one proof for all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 20 }), scalar), { minLength: 1, maxLength: 5 }),
        scalar,
        fc.uint8Array({ maxLength: 8 }),
        (inputs, proofRandom, info) => {
          const outputs = [referencePoprf, fast].map((poprf) => {
            const keys = poprf.deriveKeyPair({ seed: new Uint8Array(32).fill(7), keyInfo: info });
            const blinds = inputs.map(([input, blind]) =>
              poprf.blind({ input, info, serverPublicKey: keys.publicKey, randomScalar: () => blind }),
            );
            const { evaluatedElements, proof } = poprf.blindEvaluateBatch({
              serverSecretKey: keys.secretKey,
              blindedElements: blinds.map((b) => b.blindedElement),
              info,
              randomScalar: () => proofRandom,
            });
            const items = inputs.map(([input], i) => ({ input, ...blinds[i], evaluatedElement: evaluatedElements[i] }));
            return [
              hex(proof),
              ...poprf.finalizeBatch({ items, proof, info, tweakedKey: blinds[0].tweakedKey }).map(hex),
            ];
          });
          expect(outputs[1]).toEqual(outputs[0]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('draws fresh blinds by default, and the output does not depend on them', () => {
    const keys = fast.generateKeyPair();
    const input = Buffer.from('P<DNKAB1234567');
    const info = Buffer.from('DK');
    const runs = [1, 2].map(() => {
      const blinded = fast.blind({ input, info, serverPublicKey: keys.publicKey });
      const evaluated = fast.blindEvaluate({
        serverSecretKey: keys.secretKey,
        blindedElement: blinded.blindedElement,
        info,
      });
      return {
        blinded: hex(blinded.blindedElement),
        output: hex(fast.finalize({ input, info, ...blinded, ...evaluated })),
      };
    });
    expect(runs[0].blinded).not.toBe(runs[1].blinded);
    expect(runs[0].output).toBe(runs[1].output);
    expect(runs[0].output).toBe(hex(referencePoprf.evaluate({ serverSecretKey: keys.secretKey, input, info })));
  });
});
