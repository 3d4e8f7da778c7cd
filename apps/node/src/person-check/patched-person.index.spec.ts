import fc from 'fast-check';
import { matchPersons, PersonIndex, type PersonQuery, type PersonRecord } from '@bureaunet/person-match';
import { PatchedPersonIndex, SEGMENT_MERGE_LIMIT } from './patched-person.index';

const FAMILY = ['Müller', 'Mueller', 'Schmidt', 'Petrov', 'Петров', 'Muhammad', 'Mohamed', 'Li', 'Lee', 'Johnson'];
const GIVEN = ['Hans', 'Anna', 'Ivan', 'Ali', 'Wei', ''];
const DATES = ['1975-03-04', '1975-04-03', '1980-01-01', undefined];

const person = (id: string, familyName: string, givenNames = '', dateOfBirth?: string): PersonRecord => ({
  id,
  familyName,
  givenNames,
  ...(dateOfBirth !== undefined && { dateOfBirth }),
});
const ids = (index: PatchedPersonIndex, query: PersonQuery) => index.search(query).map((match) => match.id);

describe('PatchedPersonIndex: a built index with changes patched in', () => {
  const base = () =>
    new PatchedPersonIndex(PersonIndex.build([person('n:1', 'Müller', 'Hans'), person('n:2', 'Petrov', 'Ivan')]), 7);

  it('finds a person added after the build, and no longer one removed or renamed', () => {
    const index = base();
    expect(ids(index, { familyName: 'Mueller' })).toEqual(['n:1']);

    index.apply(new Map([['n:3', person('n:3', 'Muhammad', 'Ali')]]), 8);
    expect(ids(index, { familyName: 'Mohamed' })).toEqual(['n:3']);

    index.apply(new Map([['n:1', undefined]]), 9);
    expect(ids(index, { familyName: 'Mueller' })).toEqual([]);

    // A new revision under another name: found by the new name only.
    index.apply(new Map([['n:2', person('n:2', 'Schmidt', 'Ivan')]]), 10);
    expect(ids(index, { familyName: 'Petrov' })).toEqual([]);
    expect(ids(index, { familyName: 'Schmitt' })).toEqual(['n:2']);
    index.apply(new Map([['n:2', person('n:2', 'Petrov', 'Ivan')]]), 11);
    expect(ids(index, { familyName: 'Schmitt' })).toEqual([]);
    expect(ids(index, { familyName: 'Petrov' })).toEqual(['n:2']);

    expect(index.seq).toBe(11);
    expect(index.changed).toBe(3);
  });

  it('keeps few segments however many single changes arrive, none merged past the limit', () => {
    const index = base();
    for (let at = 0; at < 3000; at++) index.apply(new Map([[`d:${at}`, person(`d:${at}`, 'Johnson')]]), at);
    // log2(1000) + 1 for the tail, plus one per SEGMENT_MERGE_LIMIT / 2 changes.
    expect(index.segmentCount).toBeLessThanOrEqual(11 + 3000 / (SEGMENT_MERGE_LIMIT / 2));
    expect(index.search({ familyName: 'Jonson' })).toHaveLength(3000);
  });

  it('answers exactly what a full scan of the current persons answers, after any sequence of changes', () => {
    const key = fc.integer({ min: 0, max: 15 }).map((n) => `k:${n}`);
    const version = fc.option(
      fc.record({
        familyName: fc.constantFrom(...FAMILY),
        givenNames: fc.constantFrom(...GIVEN),
        dateOfBirth: fc.constantFrom(...DATES),
      }),
      { nil: undefined },
    );
    const batch = fc.array(fc.tuple(key, version), { minLength: 1, maxLength: 4 });
    const query = fc.record({
      familyName: fc.constantFrom(...FAMILY),
      givenNames: fc.option(fc.constantFrom(...GIVEN.filter(Boolean)), { nil: undefined }),
      dateOfBirth: fc.option(fc.constantFrom(...DATES.filter(Boolean)), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, version)),
        fc.array(batch, { maxLength: 12 }),
        query,
        (initial, batches, q) => {
          const current = new Map<string, PersonRecord>();
          for (const [id, v] of initial)
            if (v) current.set(id, person(id, v.familyName, v.givenNames, v.dateOfBirth ?? undefined));
          const index = new PatchedPersonIndex(PersonIndex.build([...current.values()]), 0);
          batches.forEach((changes, seq) => {
            const applied = new Map<string, PersonRecord | undefined>();
            for (const [id, v] of changes) {
              const next = v ? person(id, v.familyName, v.givenNames, v.dateOfBirth ?? undefined) : undefined;
              applied.set(id, next);
              if (next) current.set(id, next);
              else current.delete(id);
            }
            index.apply(applied, seq + 1);
          });
          const cleaned: PersonQuery = {
            familyName: q.familyName,
            ...(q.givenNames !== undefined && { givenNames: q.givenNames }),
            ...(q.dateOfBirth !== undefined && { dateOfBirth: q.dateOfBirth }),
          };
          const expected = matchPersons(cleaned, [...current.values()], { limit: 1000 });
          expect(index.search(cleaned)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
