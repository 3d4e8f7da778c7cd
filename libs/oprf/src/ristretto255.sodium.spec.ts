import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { expandMessageXmdSha512 } from './expand-message-xmd';
import { DST } from './poprf.suite';
import { IDENTITY, loadRistretto255, type Ristretto255 } from './ristretto255.sodium';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const le = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);

describe('the libsodium group against @noble/curves', () => {
  let group: Ristretto255;
  beforeAll(async () => {
    group = await loadRistretto255();
  });

  it('expand_message_xmd(SHA-512) matches noble for one and several blocks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 300 }), (msg, length) => {
        expect(hex(expandMessageXmdSha512(msg, DST.hashToGroup, length))).toBe(
          hex(expand_message_xmd(msg, DST.hashToGroup, length, sha512)),
        );
      }),
    );
  });

  it('HashToGroup and HashToScalar match noble with the suite DSTs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (msg) => {
        expect(hex(group.hashToGroup(msg))).toBe(
          hex(ristretto255_hasher.hashToCurve(msg, { DST: DST.hashToGroup }).toBytes()),
        );
        expect(le(group.hashToScalar(msg))).toBe(ristretto255_hasher.hashToScalar(msg, { DST: DST.hashToScalar }));
      }),
    );
  });

  it('answers the identity cases libsodium refuses: zero scalar, identity element', () => {
    const element = group.hashToGroup(Buffer.from('x'));
    expect(group.multiply(new Uint8Array(32), element)).toEqual(IDENTITY);
    expect(group.multiply(group.hashToScalar(Buffer.from('k')), IDENTITY)).toEqual(IDENTITY);
    expect(group.multiplyBase(new Uint8Array(32))).toEqual(IDENTITY);
    expect(group.add(IDENTITY, element)).toEqual(element);
    expect(hex(IDENTITY)).toBe(hex(ristretto255.Point.ZERO.toBytes()));
  });
});
