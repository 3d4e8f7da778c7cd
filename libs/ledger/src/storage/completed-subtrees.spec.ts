import { CompactRange, InMemorySubtreeHashSource, hashLeaf } from '../merkle';
import { appendCollectingSubtrees } from './completed-subtrees';
import { piecesOf } from './stored-subtree.source';

const leafHashes = (count: number): Buffer[] =>
  Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));

describe('perfect subtrees completed by appends', () => {
  it('reports every aligned perfect subtree of the minimum level and above exactly once, with its root', () => {
    const hashes = leafHashes(300);
    const reference = new InMemorySubtreeHashSource(hashes);
    const range = CompactRange.empty();
    const completed = [
      ...appendCollectingSubtrees(range, hashes.slice(0, 5), 2),
      ...appendCollectingSubtrees(range, hashes.slice(5, 131), 2),
      ...appendCollectingSubtrees(range, hashes.slice(131), 2),
    ];
    const expected: string[] = [];
    for (let level = 2; 2 ** level <= 300; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= 300; index++) expected.push(`${level}:${index}`);
    }
    expect(completed.map(({ level, index }) => `${level}:${index}`).sort()).toEqual(expected.sort());
    for (const { level, index, hash } of completed) {
      expect(hash.equals(reference.subtreeRoot(index * 2 ** level, (index + 1) * 2 ** level))).toBe(true);
    }
    expect(range.root().equals(reference.subtreeRoot(0, 300))).toBe(true);
  });

  it('splits a range into the perfect subtrees the RFC 6962 recursion stops at', () => {
    expect(piecesOf(0, 13)).toEqual([
      { level: 3, start: 0 },
      { level: 2, start: 8 },
      { level: 0, start: 12 },
    ]);
    expect(piecesOf(256, 512)).toEqual([{ level: 8, start: 256 }]);
  });
});
