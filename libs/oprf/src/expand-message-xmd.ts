import { createHash } from 'node:crypto';

/*
 * expand_message_xmd with SHA-512 (RFC 9380 section 5.3.1), the expander behind RFC 9497's
 * HashToGroup and HashToScalar for ristretto255-SHA512. libsodium has the map from 64 uniform
 * bytes to the group (crypto_core_ristretto255_from_hash) but not this expander with a caller's
 * DST, so it is written here, on node:crypto's native SHA-512.
 */
const B_IN_BYTES = 64;
const S_IN_BYTES = 128;
const Z_PAD = Buffer.alloc(S_IN_BYTES);

export const sha512 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export function expandMessageXmdSha512(msg: Uint8Array, dst: Uint8Array, lenInBytes: number): Buffer {
  // Our DSTs are fixed and short; the RFC's oversize-DST reduction is never needed.
  if (dst.length === 0 || dst.length > 255) throw new RangeError(`DST must be 1..255 bytes, got ${dst.length}`);
  const ell = Math.ceil(lenInBytes / B_IN_BYTES);
  if (ell > 255 || lenInBytes > 0xffff) throw new RangeError(`cannot expand to ${lenInBytes} bytes`);
  const dstPrime = Buffer.concat([dst, Buffer.of(dst.length)]);
  const libStr = Buffer.of(lenInBytes >> 8, lenInBytes & 0xff);
  const b0 = sha512(Z_PAD, msg, libStr, Buffer.of(0), dstPrime);
  const blocks: Buffer[] = [sha512(b0, Buffer.of(1), dstPrime)];
  for (let i = 2; i <= ell; i++) {
    const previous = blocks[i - 2];
    const mixed = Buffer.alloc(B_IN_BYTES);
    for (let j = 0; j < B_IN_BYTES; j++) mixed[j] = b0[j] ^ previous[j];
    blocks.push(sha512(mixed, Buffer.of(i), dstPrime));
  }
  return Buffer.concat(blocks).subarray(0, lenInBytes);
}
