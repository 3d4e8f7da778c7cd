import { createHash } from 'node:crypto';

const SHA256_BYTES = 32;

/** RFC 7518 section 4.6.2: OtherInfo = AlgorithmID || PartyUInfo || PartyVInfo || SuppPubInfo. */
export function concatKdfOtherInfo(
  algorithmId: string,
  keyDataBits: number,
  apu: Uint8Array = new Uint8Array(),
  apv: Uint8Array = new Uint8Array(),
): Buffer {
  const algorithm = Buffer.from(algorithmId, 'ascii');
  return Buffer.concat([lengthPrefixed(algorithm), lengthPrefixed(apu), lengthPrefixed(apv), uint32be(keyDataBits)]);
}

/**
 * NIST SP 800-56A Concat KDF with SHA-256, as JWA uses it: round i hashes counter(i) || Z ||
 * OtherInfo, and the key is the first keyDataBits of the concatenated rounds.
 */
export function concatKdf(sharedSecret: Uint8Array, otherInfo: Uint8Array, keyDataBits: number): Buffer {
  const keyBytes = keyDataBits >> 3;
  const rounds = Math.ceil(keyBytes / SHA256_BYTES);
  const output = Buffer.allocUnsafe(rounds * SHA256_BYTES);
  for (let round = 1; round <= rounds; round += 1) {
    createHash('sha256')
      .update(uint32be(round))
      .update(sharedSecret)
      .update(otherInfo)
      .digest()
      .copy(output, (round - 1) * SHA256_BYTES);
  }
  return output.subarray(0, keyBytes);
}

function lengthPrefixed(data: Uint8Array): Buffer {
  return Buffer.concat([uint32be(data.byteLength), data]);
}

function uint32be(value: number): Buffer {
  const buffer = Buffer.allocUnsafe(4);
  buffer.writeUInt32BE(value);
  return buffer;
}
