import { OprfError } from './oprf.errors';
import { ELEMENT_BYTES, MAX_INPUT_BYTES, PROOF_BYTES, SCALAR_BYTES, SEED_BYTES } from './poprf.suite';
import type { FinalizeItem } from './poprf';
import type { RandomScalar } from './random-scalar';
import { isAllZero, isCanonicalScalar } from './scalar.encoding';

/*
 * Every keyless check, made before any group operation and shared by both implementations so that
 * they refuse the same bytes with the same code and sentence. Only "is this a valid ristretto255
 * encoding" needs the group; each implementation passes its own decoder.
 */

export type IsValidEncoding = (bytes: Uint8Array) => boolean;

function assertBytes(what: string, value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    const code = what === 'info' || what === 'keyInfo' ? 'bad-info-length' : 'bad-input-length';
    throw new OprfError(code, `${what} must be a Uint8Array`);
  }
}

/** Input and info are framed with a two-byte length (RFC 9497 section 1.2). */
export function assertFramed(what: 'input' | 'info' | 'keyInfo', bytes: Uint8Array): void {
  assertBytes(what, bytes);
  if (bytes.length > MAX_INPUT_BYTES) {
    const code = what === 'input' ? 'bad-input-length' : 'bad-info-length';
    throw new OprfError(code, `${what} must be at most ${MAX_INPUT_BYTES} bytes, got ${bytes.length}`);
  }
}

export function assertSeed(seed: Uint8Array): void {
  if (!(seed instanceof Uint8Array) || seed.length !== SEED_BYTES) {
    const got = seed instanceof Uint8Array ? `${seed.length} bytes` : typeof seed;
    throw new OprfError('bad-seed-length', `seed must be ${SEED_BYTES} bytes, got ${got}`);
  }
}

/**
 * A ristretto255 element received from the other party (RFC 9497 section 3.3: the identity is
 * refused after deserialization). Encodings are canonical, so the identity is exactly 32 zeros.
 */
export function assertElement(what: string, bytes: Uint8Array, isValidEncoding: IsValidEncoding): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== ELEMENT_BYTES) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new OprfError(
      'bad-element-encoding',
      `${what} must be a ${ELEMENT_BYTES}-byte ristretto255 element, got ${got}`,
    );
  }
  if (isAllZero(bytes)) throw new OprfError('identity-element', `${what} is the identity element`);
  if (!isValidEncoding(bytes)) {
    throw new OprfError('bad-element-encoding', `${what} is not a canonical ristretto255 encoding`);
  }
}

/** A serialized scalar: 32 little-endian bytes below the group order, and here never zero. */
export function assertScalar(what: string, bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== SCALAR_BYTES) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new OprfError('bad-scalar-encoding', `${what} must be a ${SCALAR_BYTES}-byte scalar, got ${got}`);
  }
  if (!isCanonicalScalar(bytes)) {
    throw new OprfError('bad-scalar-encoding', `${what} is not below the ristretto255 group order`);
  }
  if (isAllZero(bytes)) throw new OprfError('zero-scalar', `${what} is zero`);
}

/** Proof = SerializeScalar(c) || SerializeScalar(s); either may be zero, neither may be non-canonical. */
export function assertProof(proof: Uint8Array): void {
  if (!(proof instanceof Uint8Array) || proof.length !== PROOF_BYTES) {
    const got = proof instanceof Uint8Array ? `${proof.length} bytes` : typeof proof;
    throw new OprfError('bad-proof-encoding', `proof must be ${PROOF_BYTES} bytes (c || s), got ${got}`);
  }
  const halves = { c: proof.subarray(0, SCALAR_BYTES), s: proof.subarray(SCALAR_BYTES) };
  for (const [name, half] of Object.entries(halves)) {
    if (!isCanonicalScalar(half)) {
      throw new OprfError('bad-proof-encoding', `proof scalar ${name} is not below the ristretto255 group order`);
    }
  }
}

export function assertFinalizeItem(item: FinalizeItem, i: number, isValidEncoding: IsValidEncoding): void {
  assertFramed('input', item.input);
  assertScalar(`blind ${i}`, item.blind);
  assertElement(`evaluated element ${i}`, item.evaluatedElement, isValidEncoding);
  assertElement(`blinded element ${i}`, item.blindedElement, isValidEncoding);
}

export function assertBatch(what: string, items: readonly unknown[]): void {
  if (!Array.isArray(items) || items.length === 0) {
    throw new OprfError('empty-batch', `${what} must be a non-empty array`);
  }
}

/** The injected or default random scalar, checked like any other: a provider bug must not blind with zero. */
export function drawScalar(what: string, randomScalar: RandomScalar): Uint8Array {
  const scalar = randomScalar();
  assertScalar(what, scalar);
  return scalar;
}
