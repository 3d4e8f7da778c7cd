import { SCALAR_BYTES } from './poprf.suite';

/** The order of ristretto255, 2^252 + 27742317777372353535851937790883648493, little-endian. */
export const GROUP_ORDER_LE: Buffer = Buffer.from(
  'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010',
  'hex',
);

/** A serialized scalar is canonical when its little-endian value is below the group order. */
export function isCanonicalScalar(bytes: Uint8Array): boolean {
  if (bytes.length !== SCALAR_BYTES) return false;
  for (let i = SCALAR_BYTES - 1; i >= 0; i--) {
    if (bytes[i] !== GROUP_ORDER_LE[i]) return bytes[i] < GROUP_ORDER_LE[i];
  }
  return false;
}

export const isAllZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);
