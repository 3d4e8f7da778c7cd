import fc from 'fast-check';
import { compareBirthDates, parseBirthDate } from './date-of-birth';
import { PersonMatchError } from './person-match.errors';
import { foldName, nameSkeleton, personName } from './person-name';

describe('foldName', () => {
  it.each([
    ['Müller', ['muller']],
    ['MÜLLER-Lüdenscheidt', ['muller', 'ludenscheidt']],
    ["O'Brien", ['obrien']],
    ['Straße', ['strasse']],
    ['Łukasz Øster', ['lukasz', 'oster']],
    ['Владимир Петров', ['vladimir', 'petrov']],
    ['محمد', ['mhmd']],
    ['Μιχάλης Παπαδόπουλος', ['mihalis', 'papadopoylos']],
    ['  José\u00a0María  ', ['jose', 'maria']],
  ])('%j folds to %j', (raw, words) => {
    expect(foldName(raw)).toEqual(words);
  });

  it('gives only a-z words, and folding its own output changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (raw) => {
        const words = foldName(raw);
        for (const word of words) expect(word).toMatch(/^[a-z]+$/);
        expect(foldName(words.join(' '))).toEqual(words);
      }),
    );
  });
});

describe('nameSkeleton', () => {
  it.each([
    ['mueller', 'muler'],
    ['papadopoylos', 'papadopulos'],
    ['youssef', 'iusef'],
    ['wladimir', 'vladimir'],
    ['khaled', 'haled'],
    ['joseph', 'iosef'],
  ])('%s → %s', (text, skeleton) => {
    expect(nameSkeleton(text)).toBe(skeleton);
  });
});

describe('personName', () => {
  it('drops particles from the tokens, keeps them in the joined form', () => {
    const name = personName('van der Berg', 'familyName');
    expect([name.tokens.map((token) => token.text), name.joined.text]).toEqual([['berg'], 'vanderberg']);
  });

  it('keeps a name made only of particles', () => {
    expect(personName('De La', 'familyName').tokens.map((token) => token.text)).toEqual(['de', 'la']);
  });

  it('keeps no one-consonant phonetic code', () => {
    expect(personName('Lee', 'familyName').tokens[0]?.phonetic).toEqual([]);
  });

  it.each(['', ' - ', '1234'])('refuses %j, naming the field', (raw) => {
    expect(() => personName(raw, 'givenNames')).toThrow(
      new PersonMatchError('name-empty', 'givenNames has no letter once transliterated to Latin', 'givenNames'),
    );
  });
});

describe('dates of birth', () => {
  it.each([
    ['1975', { year: 1975 }],
    ['1975-03', { year: 1975, month: 3 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
  ])('reads %s', (value, date) => {
    expect(parseBirthDate(value)).toEqual(date);
  });

  it.each(['1975-13', '1975-02-29', '1975-04-31', '1975-04-00', '75-04-03', '1975/04/03'])('refuses %s', (value) => {
    expect(() => parseBirthDate(value)).toThrow(PersonMatchError);
  });

  it.each([
    ['1975-03-04', '1975-03-04', 'exact'],
    ['1975-03-04', '1975-04-03', 'day-month-swapped'],
    ['1975-03-04', '1975', 'year-only'],
    ['1975-03-04', '1975-03', 'year-only'],
    ['1975-03-04', '1975-05', 'near'],
    ['1975-03-04', '1975-03-05', 'near'],
    ['1975-03-04', '1976-03-04', 'near'],
    ['1975-03-04', '1977-03-04', 'conflict'],
    ['1975', '1985', 'conflict'],
  ])('%s against %s: %s', (query, candidate, agreement) => {
    expect(compareBirthDates(parseBirthDate(query), parseBirthDate(candidate))).toBe(agreement);
  });
});
