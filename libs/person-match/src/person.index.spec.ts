import fc from 'fast-check';
import { PersonMatchError } from './person-match.errors';
import { matchPersons } from './person-match.reference';
import type { PersonQuery, PersonRecord } from './person-score';
import { PersonIndex } from './person.index';

// Names that meet in every way the matcher knows, and some that must not.
const FAMILY = [
  'Müller',
  'Mueller',
  'Miller',
  'Moeller',
  'Mulker',
  'Schmidt',
  'Schmitt',
  'Johnson',
  'Jhonson',
  'Li',
  'Lee',
  'Liu',
  'Mohamed',
  'Muhammad',
  'محمد',
  'Mahmoud',
  'Петров',
  'Petrov',
  'Petrob',
  'van der Berg',
  'Berg',
  'al-Rashid',
  'Rashid',
  'Smith',
  'Smiht',
];
const GIVEN = ['Hans', 'Anna', 'Catherine', 'Katherine', 'Ivan', 'Иван', 'Ali', 'Wei', 'Petrov', 'Mohamed'];
const DATES = ['1975-03-04', '1975-04-03', '1975', '1976-01-01', '1990-12-31', '1950-06-01'];

const record = fc.record(
  {
    familyName: fc.constantFrom(...FAMILY),
    givenNames: fc.constantFrom(...GIVEN),
    dateOfBirth: fc.constantFrom(...DATES),
    nationalities: fc.subarray(['DE', 'FR', 'RU']),
    documentNumbers: fc.subarray(['X1', 'X2']),
  },
  { requiredKeys: ['familyName', 'givenNames'] },
);
const query = fc.record(
  {
    familyName: fc.constantFrom(...FAMILY, ...GIVEN),
    givenNames: fc.constantFrom(...GIVEN, ...FAMILY),
    dateOfBirth: fc.constantFrom(...DATES),
    nationality: fc.constantFrom('DE', 'FR'),
    documentNumber: fc.constantFrom('X1', 'X3'),
  },
  { requiredKeys: ['familyName'] },
);

describe('PersonIndex', () => {
  it('finds what scoring every record finds, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.array(query, { minLength: 1, maxLength: 10 }),
        (drawn, queries) => {
          const records: PersonRecord[] = drawn.map((person, at) => ({ id: `p${at}`, ...person }));
          const index = PersonIndex.build(records);
          for (const check of queries as PersonQuery[])
            expect(index.search(check, { limit: 1000 })).toEqual(matchPersons(check, records, { limit: 1000 }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a name with one typo that shares no phonetic code (through the deletion keys)', () => {
    const index = PersonIndex.build([{ id: 'a', familyName: 'Petrov', givenNames: 'Ivan' }]);
    expect(index.search({ familyName: 'Petrob', givenNames: 'Ivan' }).map((match) => match.reasons)).toEqual([
      ['family-name:one-typo', 'given-names:exact'],
    ]);
  });

  it('ranks by score, then id, and stops at the limit', () => {
    const index = PersonIndex.build([
      { id: 'c', familyName: 'Müller', givenNames: 'Hans' },
      { id: 'b', familyName: 'Mueller', givenNames: 'Hans' },
      { id: 'a', familyName: 'Müller', givenNames: 'Hans' },
    ]);
    expect(index.search({ familyName: 'Muller', givenNames: 'Hans' }).map((match) => match.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(index.search({ familyName: 'Muller', givenNames: 'Hans' }, { limit: 1 }).map((match) => match.id)).toEqual([
      'a',
    ]);
  });

  it.each([0.5, 0, 1.01, Number.NaN])('refuses threshold %p', (threshold) => {
    const index = PersonIndex.build([]);
    expect(() => index.search({ familyName: 'Muller' }, { threshold })).toThrow(PersonMatchError);
  });
});
