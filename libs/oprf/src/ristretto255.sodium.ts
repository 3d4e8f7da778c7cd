import sodium from 'libsodium-wrappers-sumo';
import { expandMessageXmdSha512 } from './expand-message-xmd';
import { DST, ELEMENT_BYTES } from './poprf.suite';
import { isAllZero } from './scalar.encoding';

/*
 * The prime-order group of RFC 9497 section 4.1 on libsodium's ristretto255 (WASM). Elements and
 * scalars stay in their 32-byte serializations. libsodium refuses to multiply into the identity
 * (it returns -1, the wrapper throws); in a prime-order group that only happens for a zero scalar
 * or the identity element, so those cases are answered here without calling it.
 */

export const IDENTITY: Uint8Array = new Uint8Array(ELEMENT_BYTES);

export interface Ristretto255 {
  isValidEncoding(bytes: Uint8Array): boolean;
  hashToGroup(msg: Uint8Array): Uint8Array;
  /** HashToScalar with the suite's DST, or with another (DeriveKeyPair uses its own). */
  hashToScalar(msg: Uint8Array, dst?: Uint8Array): Uint8Array;
  multiplyBase(scalar: Uint8Array): Uint8Array;
  multiply(scalar: Uint8Array, element: Uint8Array): Uint8Array;
  add(a: Uint8Array, b: Uint8Array): Uint8Array;
  scalarAdd(a: Uint8Array, b: Uint8Array): Uint8Array;
  scalarSub(a: Uint8Array, b: Uint8Array): Uint8Array;
  scalarMul(a: Uint8Array, b: Uint8Array): Uint8Array;
  /** Callers make sure the scalar is not zero (libsodium would return zero). */
  scalarInvert(scalar: Uint8Array): Uint8Array;
}

/** libsodium's WASM must be instantiated once before any call. */
export async function loadRistretto255(): Promise<Ristretto255> {
  await sodium.ready;
  const s = sodium;
  return {
    isValidEncoding: (bytes) => s.crypto_core_ristretto255_is_valid_point(bytes),
    // hash_to_ristretto255 (RFC 9380 appendix B): 64 uniform bytes through the one-way map.
    hashToGroup: (msg) => s.crypto_core_ristretto255_from_hash(expandMessageXmdSha512(msg, DST.hashToGroup, 64)),
    // RFC 9497 section 4.1: 64 uniform bytes read little-endian, reduced modulo the order.
    hashToScalar: (msg, dst = DST.hashToScalar) =>
      s.crypto_core_ristretto255_scalar_reduce(expandMessageXmdSha512(msg, dst, 64)),
    multiplyBase: (scalar) => (isAllZero(scalar) ? IDENTITY : s.crypto_scalarmult_ristretto255_base(scalar)),
    multiply: (scalar, element) =>
      isAllZero(scalar) || isAllZero(element) ? IDENTITY : s.crypto_scalarmult_ristretto255(scalar, element),
    add: (a, b) => (isAllZero(a) ? b : isAllZero(b) ? a : s.crypto_core_ristretto255_add(a, b)),
    scalarAdd: (a, b) => s.crypto_core_ristretto255_scalar_add(a, b),
    scalarSub: (a, b) => s.crypto_core_ristretto255_scalar_sub(a, b),
    scalarMul: (a, b) => s.crypto_core_ristretto255_scalar_mul(a, b),
    scalarInvert: (scalar) => s.crypto_core_ristretto255_scalar_invert(scalar),
  };
}
