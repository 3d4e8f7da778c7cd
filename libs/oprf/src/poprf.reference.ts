import { ristretto255, ristretto255_oprf } from '@noble/curves/ed25519.js';
import { OprfError } from './oprf.errors';
import { withSingleOperations, type Poprf } from './poprf';
import {
  assertBatch,
  assertElement,
  assertFinalizeItem,
  assertFramed,
  assertProof,
  assertScalar,
  assertSeed,
  drawScalar,
} from './poprf.inputs';
import { systemRandomScalar, type RandomScalar } from './random-scalar';

/*
 * The reference: @noble/curves' RFC 9497 implementation (`ristretto255_oprf.poprf`), audited and
 * written from the RFC independently of ours. Kept for the equivalence tests and as a fallback;
 * the hot path is poprf.sodium.ts. Our boundary checks run first, so noble only ever sees inputs
 * it accepts and the two implementations refuse with the same codes.
 */

const { Point } = ristretto255;

const isValidEncoding = (bytes: Uint8Array): boolean => {
  try {
    Point.fromBytes(bytes);
    return true;
  } catch {
    return false; // noble throws on any non-canonical or invalid encoding: that is the answer
  }
};

const leToBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);

/**
 * noble draws a scalar as mapHashToField(rng(48)) = (LE(bytes) mod (n - 1)) + 1, so the bytes
 * LE(s - 1) make it draw exactly s: our RandomScalar, replayed through noble's hook.
 */
function nobleRng(what: string, randomScalar: RandomScalar): (length?: number) => Uint8Array<ArrayBuffer> {
  return (length = 48) => {
    let value = leToBigInt(drawScalar(what, randomScalar)) - 1n;
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++, value >>= 8n) out[i] = Number(value & 0xffn);
    return out;
  };
}

/** The few noble sentences that mean one of our codes; anything else is not ours to rename. */
function asOprfError(error: unknown): unknown {
  if (error instanceof Error && error.message === 'proof verification failed') {
    return new OprfError('proof-mismatch', 'the server proof does not verify against the tweaked key');
  }
  if (error instanceof Error && error.message.startsWith('invertCt: expected non-zero')) {
    return new OprfError('inverse-error', 'server secret key + HashToScalar(info) is zero: replace the key');
  }
  if (error instanceof Error && error.message === 'tweakedKey point at infinity') {
    return new OprfError('identity-element', 'tweaked key is the identity element: this public key cancels this info');
  }
  return error;
}

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asOprfError(error);
  }
}

const mode = (info: Uint8Array) => ristretto255_oprf.poprf(info);
const noInfo = new Uint8Array(0);

export const referencePoprf: Poprf = {
  implementation: 'reference',

  generateKeyPair: ({ randomScalar = systemRandomScalar } = {}) => {
    const secretKey = drawScalar('secret key', randomScalar);
    return { secretKey, publicKey: Point.BASE.multiply(leToBigInt(secretKey)).toBytes() };
  },

  deriveKeyPair: ({ seed, keyInfo }) => {
    assertSeed(seed);
    assertFramed('keyInfo', keyInfo);
    return mode(noInfo).deriveKeyPair(seed, keyInfo);
  },

  blind: ({ input, info, serverPublicKey, randomScalar = systemRandomScalar }) => {
    assertFramed('input', input);
    assertFramed('info', info);
    assertElement('server public key', serverPublicKey, isValidEncoding);
    const { blind, blinded, tweakedKey } = guarded(() =>
      mode(info).blind(input, serverPublicKey, nobleRng('blind', randomScalar)),
    );
    return { blind, blindedElement: blinded, tweakedKey };
  },

  ...withSingleOperations({
    blindEvaluateBatch: ({ serverSecretKey, blindedElements, info, randomScalar = systemRandomScalar }) => {
      assertScalar('server secret key', serverSecretKey);
      assertFramed('info', info);
      assertBatch('blinded elements', blindedElements);
      blindedElements.forEach((element, i) => assertElement(`blinded element ${i}`, element, isValidEncoding));
      const { evaluated, proof } = guarded(() =>
        mode(info).blindEvaluateBatch(
          serverSecretKey,
          [...blindedElements],
          nobleRng('proof random scalar', randomScalar),
        ),
      );
      return { evaluatedElements: evaluated, proof };
    },

    finalizeBatch: ({ items, proof, info, tweakedKey }) => {
      assertFramed('info', info);
      assertBatch('items', items);
      assertElement('tweaked key', tweakedKey, isValidEncoding);
      assertProof(proof);
      items.forEach((item, i) => assertFinalizeItem(item, i, isValidEncoding));
      const nobleItems = items.map((item) => ({
        input: item.input,
        blind: item.blind,
        evaluated: item.evaluatedElement,
        blinded: item.blindedElement,
      }));
      return guarded(() => mode(info).finalizeBatch(nobleItems, proof, tweakedKey));
    },
  }),

  evaluate: ({ serverSecretKey, input, info }) => {
    assertScalar('server secret key', serverSecretKey);
    assertFramed('input', input);
    assertFramed('info', info);
    return guarded(() => mode(info).evaluate(serverSecretKey, input));
  },
};
