import { partitionOf } from './submission-partition';

describe('partitionOf', () => {
  it('is FNV-1a of the code modulo the partitions: fixed values every gateway computes alike', () => {
    // Against an independent BigInt reference, and the published FNV-1a value of "a".
    expect(partitionOf('DK', 1 << 30)).toBe(fnv1a('DK') % (1 << 30));
    expect([partitionOf('DK', 16), partitionOf('MR', 16), partitionOf('FR', 16)]).toEqual([
      fnv1a('DK') % 16,
      fnv1a('MR') % 16,
      fnv1a('FR') % 16,
    ]);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('puts every sender in one partition below the count', () => {
    const partitions = ['AT', 'BE', 'DE', 'DK', 'ES', 'FR', 'IT', 'MR', 'NL', 'PL', 'SE'].map((code) =>
      partitionOf(code, 7),
    );
    for (const partition of partitions)
      expect(Number.isInteger(partition) && partition >= 0 && partition < 7).toBe(true);
  });

  it('spreads the two-letter codes over the partitions', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const counts = new Array<number>(16).fill(0);
    for (const first of letters) for (const second of letters) counts[partitionOf(first + second, 16)] += 1;
    // 676 codes: 42.25 a partition on average; none empty, none holding twice its share.
    expect(Math.min(...counts)).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeLessThan(85);
  });

  it('refuses a partition count that is not a whole number >= 1', () => {
    expect(() => partitionOf('DK', 0)).toThrow('whole number >= 1, not 0');
    expect(() => partitionOf('DK', 2.5)).toThrow('not 2.5');
  });
});

/** The reference: FNV-1a over the bytes, as published (offset basis 2166136261, prime 16777619). */
function fnv1a(text: string): number {
  let hash = 2166136261n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 16777619n) % 2n ** 32n;
  }
  return Number(hash);
}
