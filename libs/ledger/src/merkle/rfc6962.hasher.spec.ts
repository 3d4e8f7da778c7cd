import { EMPTY_ROOT, HASH_SIZE, hashChildren, hashLeaf } from './rfc6962.hasher';
import { HASHER_VECTORS } from './rfc6962.test-vectors';

describe('rfc6962 hasher (vectors from transparency-dev rfc6962_test.go)', () => {
  it('EMPTY_ROOT is SHA-256 of the empty string', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(HASHER_VECTORS.emptyRoot);
    expect(EMPTY_ROOT).toHaveLength(HASH_SIZE);
  });

  it('hashes an empty leaf as SHA-256(0x00), not as the empty root', () => {
    expect(hashLeaf(new Uint8Array()).toString('hex')).toBe(HASHER_VECTORS.emptyLeaf);
  });

  it('hashes a leaf with the 0x00 prefix', () => {
    expect(hashLeaf(Buffer.from('L123456')).toString('hex')).toBe(HASHER_VECTORS.leafL123456);
  });

  it('hashes children with the 0x01 prefix', () => {
    expect(hashChildren(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe(
      HASHER_VECTORS.childrenN123N456,
    );
  });

  it('separates leaves from nodes and depends on the order of children', () => {
    const [a, b] = [hashLeaf(Buffer.from('Hello')), hashLeaf(Buffer.from('World'))];
    expect(a.equals(b)).toBe(false);
    expect(hashChildren(a, b).equals(hashLeaf(Buffer.concat([a, b])))).toBe(false);
    expect(hashChildren(a, b).equals(hashChildren(b, a))).toBe(false);
  });
});
