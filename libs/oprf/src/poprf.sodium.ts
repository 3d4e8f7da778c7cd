import { sha512 } from './expand-message-xmd';
import { generateProof, verifyProof } from './dleq.proof';
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
import { DST } from './poprf.suite';
import { finalizeInput, framed, framedInfo } from './poprf.transcript';
import { systemRandomScalar } from './random-scalar';
import { loadRistretto255, type Ristretto255 } from './ristretto255.sodium';
import { isAllZero } from './scalar.encoding';

/*
 * The fast path: RFC 9497 section 3.3.3 (POPRF) and 3.2.1 (DeriveKeyPair) written out on
 * libsodium's ristretto255 (scalar multiplication ~8x faster than noble's in this Node; see
 * docs/checks.md). Hashing is node:crypto's SHA-512. The reference it must agree with is
 * poprf.reference.ts; the RFC's vectors pin both.
 */

export async function createSodiumPoprf(): Promise<Poprf> {
  return sodiumPoprf(await loadRistretto255());
}

function sodiumPoprf(group: Ristretto255): Poprf {
  const elementCheck = (bytes: Uint8Array) => group.isValidEncoding(bytes);
  /** m = HashToScalar("Info" || I2OSP(len(info), 2) || info) */
  const infoScalar = (info: Uint8Array) => group.hashToScalar(framedInfo(info));

  /** t = skS + m, refused when zero: its inverse does not exist (InverseError). */
  function tweakedSecret(serverSecretKey: Uint8Array, info: Uint8Array): Uint8Array {
    const t = group.scalarAdd(serverSecretKey, infoScalar(info));
    if (isAllZero(t)) {
      throw new OprfError('inverse-error', 'server secret key + HashToScalar(info) is zero: replace the key');
    }
    return t;
  }

  function inputElement(input: Uint8Array): Uint8Array {
    const element = group.hashToGroup(input);
    if (isAllZero(element)) throw new OprfError('identity-element', 'input hashes to the identity element');
    return element;
  }

  return {
    implementation: 'sodium',

    generateKeyPair: ({ randomScalar = systemRandomScalar } = {}) => {
      const secretKey = drawScalar('secret key', randomScalar);
      return { secretKey, publicKey: group.multiplyBase(secretKey) };
    },

    deriveKeyPair: ({ seed, keyInfo }) => {
      assertSeed(seed);
      assertFramed('keyInfo', keyInfo);
      // deriveInput = seed || I2OSP(len(info), 2) || info, then one counter byte
      const deriveInput = Buffer.concat([seed, framed(keyInfo), Buffer.of(0)]);
      for (let counter = 0; counter <= 255; counter++) {
        deriveInput[deriveInput.length - 1] = counter;
        const secretKey = group.hashToScalar(deriveInput, DST.deriveKeyPair);
        if (!isAllZero(secretKey)) return { secretKey, publicKey: group.multiplyBase(secretKey) };
      }
      throw new OprfError('derive-key-pair-error', 'no non-zero secret key in 256 counters');
    },

    blind: ({ input, info, serverPublicKey, randomScalar = systemRandomScalar }) => {
      assertFramed('input', input);
      assertFramed('info', info);
      assertElement('server public key', serverPublicKey, elementCheck);
      const tweakedKey = group.add(group.multiplyBase(infoScalar(info)), serverPublicKey);
      if (isAllZero(tweakedKey)) {
        throw new OprfError(
          'identity-element',
          'tweaked key is the identity element: this public key cancels this info',
        );
      }
      const blind = drawScalar('blind', randomScalar);
      return { blind, blindedElement: group.multiply(blind, inputElement(input)), tweakedKey };
    },

    ...withSingleOperations({
      blindEvaluateBatch: ({ serverSecretKey, blindedElements, info, randomScalar = systemRandomScalar }) => {
        assertScalar('server secret key', serverSecretKey);
        assertFramed('info', info);
        assertBatch('blinded elements', blindedElements);
        blindedElements.forEach((element, i) => assertElement(`blinded element ${i}`, element, elementCheck));
        const t = tweakedSecret(serverSecretKey, info);
        const inverse = group.scalarInvert(t);
        const evaluatedElements = blindedElements.map((element) => group.multiply(inverse, element));
        const statement = { b: group.multiplyBase(t), c: evaluatedElements, d: blindedElements };
        const proof = generateProof(group, t, statement, drawScalar('proof random scalar', randomScalar));
        return { evaluatedElements, proof };
      },

      finalizeBatch: ({ items, proof, info, tweakedKey }) => {
        assertFramed('info', info);
        assertBatch('items', items);
        assertElement('tweaked key', tweakedKey, elementCheck);
        assertProof(proof);
        items.forEach((item, i) => assertFinalizeItem(item, i, elementCheck));
        const statement = {
          b: tweakedKey,
          c: items.map((item) => item.evaluatedElement),
          d: items.map((item) => item.blindedElement),
        };
        verifyProof(group, statement, proof);
        return items.map(({ input, blind, evaluatedElement }) => {
          const unblinded = group.multiply(group.scalarInvert(blind), evaluatedElement);
          return sha512(finalizeInput(input, info, unblinded));
        });
      },
    }),

    evaluate: ({ serverSecretKey, input, info }) => {
      assertScalar('server secret key', serverSecretKey);
      assertFramed('input', input);
      assertFramed('info', info);
      const element = inputElement(input);
      const issued = group.multiply(group.scalarInvert(tweakedSecret(serverSecretKey, info)), element);
      return sha512(finalizeInput(input, info, issued));
    },
  };
}
