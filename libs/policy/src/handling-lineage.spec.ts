import fc from 'fast-check';
import { declaredHandling, joinHandling, type EffectiveHandling } from './handling-lineage';

const ID = '01936f4e-7c1a-7000-8000-0000000000b1';

describe('declaredHandling', () => {
  it('starts H1-H3 at the envelope that declares it, its sender the owner', () => {
    expect(declaredHandling({ id: ID, from: 'DK' })).toEqual({ level: 0 });
    expect(declaredHandling({ id: ID, from: 'DK', handling: { code: 'H2' } })).toEqual({
      level: 2,
      originId: ID,
      owner: 'DK',
    });
    expect(
      declaredHandling({
        id: ID,
        from: 'DK',
        handling: { code: 'H3', allowTo: ['IT', 'FR', 'IT'], expiresAt: '2027-01-01T00:00:00Z' },
      }),
    ).toEqual({ level: 3, originId: ID, owner: 'DK', allowTo: ['FR', 'IT'], expiresAt: '2027-01-01T00:00:00.000Z' });
  });
});

describe('joinHandling', () => {
  it('keeps the strictest code and its first owner', () => {
    const inherited: EffectiveHandling = { level: 2, originId: 'a', owner: 'DK' };
    expect(joinHandling([inherited, { level: 2, originId: 'b', owner: 'MR' }])).toEqual(inherited);
    expect(joinHandling([inherited, { level: 3, originId: 'b', owner: 'MR' }])).toEqual({
      level: 3,
      originId: 'b',
      owner: 'MR',
    });
  });

  const codes = fc.constantFrom<string>('DK', 'FR', 'IT', 'MR', 'BR', 'DE');
  const instant = fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true });
  const h3 = fc.record(
    {
      level: fc.constant(3),
      originId: fc.constant('origin'),
      owner: fc.constant('DK'),
      allowTo: fc.uniqueArray(codes, { maxLength: 6 }).map((list) => list.sort()),
      expiresAt: instant.map((date) => date.toISOString()),
    },
    { requiredKeys: ['level', 'originId', 'owner'] },
  );

  it('never widens an allow-list nor extends an expiry along a lineage', () => {
    fc.assert(
      fc.property(fc.array(h3, { minLength: 1, maxLength: 5 }), (lineage) => {
        let joined: EffectiveHandling = { level: 0 };
        for (const step of lineage) {
          const next = joinHandling([joined, step]);
          if (joined.allowTo) expect(next.allowTo?.every((code) => joined.allowTo!.includes(code))).toBe(true);
          if (step.allowTo) expect(next.allowTo?.every((code) => step.allowTo!.includes(code))).toBe(true);
          if (joined.expiresAt) expect(Date.parse(next.expiresAt!)).toBeLessThanOrEqual(Date.parse(joined.expiresAt));
          expect(next.level).toBe(3);
          joined = next;
        }
      }),
    );
  });
});
