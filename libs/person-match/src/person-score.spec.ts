import {
  DOB_CONFLICT_CAP,
  PERSON_MATCH_THRESHOLD,
  preparePerson,
  scorePerson,
  type PersonQuery,
  type PersonRecord,
  type PersonScore,
} from './person-score';

function score(query: PersonQuery, record: Omit<PersonRecord, 'id'>): PersonScore {
  return scorePerson(preparePerson(query), preparePerson({ id: 'p', ...record }));
}

const isMatch = ({ score }: PersonScore) => score >= PERSON_MATCH_THRESHOLD;

describe('scorePerson: matches, with their reasons', () => {
  it.each<[string, PersonQuery, Omit<PersonRecord, 'id'>, string[]]>([
    [
      'case and accents',
      { familyName: 'MULLER', givenNames: 'jurgen' },
      { familyName: 'Müller', givenNames: 'Jürgen' },
      ['family-name:exact', 'given-names:exact'],
    ],
    [
      "'ue' for 'ü'",
      { familyName: 'Mueller', givenNames: 'Anna' },
      { familyName: 'Müller', givenNames: 'Anna' },
      ['family-name:variant', 'family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'double letters',
      { familyName: 'Mohamed', givenNames: 'Ali' },
      { familyName: 'Mohammed', givenNames: 'Ali' },
      ['family-name:variant', 'family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'Muhammad / Mohammed',
      { familyName: 'Muhammad', givenNames: 'Ali' },
      { familyName: 'Mohammed', givenNames: 'Ali' },
      ['family-name:phonetic', 'given-names:exact'],
    ],
    [
      'Mohammad / Mohamed',
      { familyName: 'Mohammad', givenNames: 'Ali' },
      { familyName: 'Mohamed', givenNames: 'Ali' },
      ['family-name:phonetic', 'given-names:exact'],
    ],
    [
      'Cyrillic',
      { familyName: 'Петров', givenNames: 'Владимир' },
      { familyName: 'Petrov', givenNames: 'Vladimir' },
      ['family-name:exact', 'given-names:exact'],
    ],
    [
      'Arabic script, short vowels unwritten',
      { familyName: 'محمد', givenNames: 'Ali' },
      { familyName: 'Mohamed', givenNames: 'Ali' },
      ['family-name:phonetic', 'given-names:exact'],
    ],
    [
      'Greek ου',
      { familyName: 'Γεωργίου', givenNames: 'Eleni' },
      { familyName: 'Georgiou', givenNames: 'Eleni' },
      ['family-name:variant', 'family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'phonetic family name',
      { familyName: 'Schmitt', givenNames: 'Hans' },
      { familyName: 'Schmidt', givenNames: 'Hans' },
      ['family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'phonetic given name',
      { familyName: 'Smith', givenNames: 'Katherine' },
      { familyName: 'Smith', givenNames: 'Catherine' },
      ['family-name:exact', 'given-names:phonetic', 'given-names:one-typo'],
    ],
    [
      'a letter missing',
      { familyName: 'Jonson', givenNames: 'Mary' },
      { familyName: 'Johnson', givenNames: 'Mary' },
      ['family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'adjacent letters swapped',
      { familyName: 'Jhonson', givenNames: 'Mary' },
      { familyName: 'Johnson', givenNames: 'Mary' },
      ['family-name:phonetic', 'family-name:one-typo', 'given-names:exact'],
    ],
    [
      'a typo only',
      { familyName: 'Petrob', givenNames: 'Ivan' },
      { familyName: 'Petrov', givenNames: 'Ivan' },
      ['family-name:one-typo', 'given-names:exact'],
    ],
    [
      'given and family swapped',
      { familyName: 'Ivan', givenNames: 'Petrov' },
      { familyName: 'Petrov', givenNames: 'Ivan' },
      ['given-names:swapped-with-family', 'family-name:exact', 'given-names:exact'],
    ],
    [
      'particles',
      { familyName: 'Vanderberg', givenNames: 'Jan' },
      { familyName: 'van der Berg', givenNames: 'Jan' },
      ['family-name:exact', 'given-names:exact'],
    ],
    [
      'particle dropped',
      { familyName: 'Rashid', givenNames: 'Omar' },
      { familyName: 'al-Rashid', givenNames: 'Omar' },
      ['family-name:exact', 'given-names:exact'],
    ],
    [
      'day and month swapped',
      { familyName: 'Dupont', givenNames: 'Marie', dateOfBirth: '1980-04-03' },
      { familyName: 'Dupont', givenNames: 'Marie', dateOfBirth: '1980-03-04' },
      ['family-name:exact', 'given-names:exact', 'dob:day-month-swapped'],
    ],
    [
      'year of birth only',
      { familyName: 'Dupont', dateOfBirth: '1980-04-03' },
      { familyName: 'Dupont', givenNames: 'Marie', dateOfBirth: '1980' },
      ['family-name:exact', 'dob:year-only'],
    ],
    [
      'document and nationality',
      { familyName: 'Dupont', nationality: 'FR', documentNumber: '12ab 34567' },
      { familyName: 'Dupond', givenNames: 'Marie', nationalities: ['BE', 'FR'], documentNumbers: ['12AB34567'] },
      ['family-name:phonetic', 'family-name:one-typo', 'nationality', 'document'],
    ],
    [
      'family name alone',
      { familyName: 'Schmidt' },
      { familyName: 'Schmidt', givenNames: 'Hans' },
      ['family-name:exact'],
    ],
  ])('%s', (_case, query, record, reasons) => {
    const result = score(query, record);
    expect(result.reasons).toEqual(reasons);
    expect(isMatch(result)).toBe(true);
    expect(result.score).toBeLessThanOrEqual(1);
  });
});

describe('scorePerson: non-matches stay non-matches', () => {
  it.each<[string, PersonQuery, Omit<PersonRecord, 'id'>, string[]]>([
    [
      'the same common given name only',
      { familyName: 'Kowalski', givenNames: 'Mohamed' },
      { familyName: 'Haddad', givenNames: 'Mohamed' },
      ['given-names:exact'],
    ],
    [
      'the same given name and date of birth only',
      { familyName: 'Kowalski', givenNames: 'Anna', dateOfBirth: '1990-01-01' },
      { familyName: 'Nowak', givenNames: 'Anna', dateOfBirth: '1990-01-01' },
      ['given-names:exact', 'dob:exact'],
    ],
    [
      'the same names, birth years far apart',
      { familyName: 'Schmidt', givenNames: 'Hans', dateOfBirth: '1950-06-01' },
      { familyName: 'Schmidt', givenNames: 'Hans', dateOfBirth: '1985-06-01' },
      ['family-name:exact', 'given-names:exact', 'dob:conflict'],
    ],
    [
      'the same family name, another given name',
      { familyName: 'Schmidt', givenNames: 'Hans' },
      { familyName: 'Schmidt', givenNames: 'Peter' },
      ['family-name:exact', 'given-names:different'],
    ],
    // One consonant is all double metaphone keeps of Li, Lee, Liu, Lai: it does not count as phonetic.
    [
      'Li and Lee',
      { familyName: 'Li', givenNames: 'Wei' },
      { familyName: 'Lee', givenNames: 'Wei' },
      ['given-names:exact'],
    ],
    [
      'Li and Liu',
      { familyName: 'Li', givenNames: 'Wei' },
      { familyName: 'Liu', givenNames: 'Wei' },
      ['given-names:exact'],
    ],
    // Double metaphone keeps four codes (KRLF for both): past them the consonants must still agree.
    [
      'long names alike in their first syllables only',
      { familyName: 'Karalovelmi', givenNames: 'Ali' },
      { familyName: 'Karalovski', givenNames: 'Ali' },
      ['given-names:exact'],
    ],
    // Latin against Latin, the consonants alone do not decide: Mohamed is not Mahmoud.
    [
      'Mohamed and Mahmoud',
      { familyName: 'Mohamed', givenNames: 'Ali' },
      { familyName: 'Mahmoud', givenNames: 'Ali' },
      ['given-names:exact'],
    ],
    [
      'a typo in a short name',
      { familyName: 'Lin', givenNames: 'Ali' },
      { familyName: 'Lim', givenNames: 'Ali' },
      ['given-names:exact'],
    ],
    [
      'a typo in the family name alone',
      { familyName: 'Petrob' },
      { familyName: 'Petrov', givenNames: 'Ivan' },
      ['family-name:one-typo'],
    ],
  ])('%s', (_case, query, record, reasons) => {
    const result = score(query, record);
    expect(result.reasons).toEqual(reasons);
    expect(isMatch(result)).toBe(false);
  });

  it('caps a birth-year conflict whatever else agrees', () => {
    const result = score(
      { familyName: 'Dupont', givenNames: 'Marie', dateOfBirth: '1950-01-01', documentNumber: 'X1', nationality: 'FR' },
      {
        familyName: 'Dupont',
        givenNames: 'Marie',
        dateOfBirth: '1960-01-01',
        documentNumbers: ['X1'],
        nationalities: ['FR'],
      },
    );
    expect(result.score).toBe(DOB_CONFLICT_CAP);
  });
});

describe('scorePerson: ranking', () => {
  const query: PersonQuery = { familyName: 'Müller', givenNames: 'Hans', dateOfBirth: '1975-03-04' };
  const ranked = (records: Omit<PersonRecord, 'id'>[]) =>
    records.map((record) => score(query, record).score).every((value, at, all) => at === 0 || all[at - 1] > value);

  it('orders exact > variant > phonetic > one typo, all else equal', () => {
    expect(
      ranked(['Müller', 'Mueller', 'Moeller', 'Mulker'].map((familyName) => ({ familyName, givenNames: 'Hans' }))),
    ).toBe(true);
  });

  it('orders the date of birth exact > day-month swapped > year only > absent > near', () => {
    expect(
      ranked(
        ['1975-03-04', '1975-04-03', '1975', undefined, '1975-09-09'].map((dateOfBirth) => ({
          familyName: 'Müller',
          givenNames: 'Jens',
          ...(dateOfBirth && { dateOfBirth }),
        })),
      ),
    ).toBe(true);
  });

  it('puts names as given above the same names swapped', () => {
    expect(
      ranked([
        { familyName: 'Müller', givenNames: 'Hans' },
        { familyName: 'Hans', givenNames: 'Müller' },
      ]),
    ).toBe(true);
  });
});
