import { DOCUMENT_NUMBER_PATTERN } from '@bureaunet/contracts';
import fc from 'fast-check';
import { normaliseDocumentNumber } from './document-number';
import { TravelDocumentError } from './travel-document.errors';

function refusal(value: string): TravelDocumentError {
  try {
    normaliseDocumentNumber(value);
  } catch (error) {
    if (error instanceof TravelDocumentError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

const canonical = fc.stringMatching(/^[A-Z0-9]{1,23}$/);
const separator = fc.constantFrom(' ', '-', '<', '\t', '\u00a0', '\u2013', '\u2212');

describe('normaliseDocumentNumber', () => {
  it.each([
    ['L898902C3', 'L898902C3'],
    [' l898 902-c3 ', 'L898902C3'],
    ['D23145890<<<', 'D23145890'],
    ['ab\u2013123\u00a0456', 'AB123456'],
    ['O0O0', 'O0O0'],
  ])('%j is %j', (value, expected) => {
    expect(normaliseDocumentNumber(value)).toBe(expected);
  });

  it.each([
    ['', 'documentNumber must have 1 to 23 characters A-Z or 0-9, has 0'],
    [' - < ', 'documentNumber must have 1 to 23 characters A-Z or 0-9, has 0'],
    ['A'.repeat(24), 'documentNumber must have 1 to 23 characters A-Z or 0-9, has 24'],
    ['AB/123', 'documentNumber has "/", outside A-Z and 0-9'],
    ['MÜ123', 'documentNumber has "Ü", outside A-Z and 0-9'],
    // Would upper-case to a plain I: refused before upper-casing.
    ['\u0131123', 'documentNumber has "\u0131", outside A-Z and 0-9'],
    ['\uff11\uff12', 'documentNumber has "\uff11", outside A-Z and 0-9'],
  ])('refuses %j', (value, message) => {
    const error = refusal(value);
    expect([error.code, error.field, error.message]).toEqual(['document-number-invalid', 'documentNumber', message]);
  });

  it('leaves a canonical number as it is, and its result is canonical', () => {
    fc.assert(
      fc.property(canonical, (number) => {
        expect(normaliseDocumentNumber(number)).toBe(number);
        expect(DOCUMENT_NUMBER_PATTERN.test(normaliseDocumentNumber(number))).toBe(true);
      }),
    );
  });

  it('ignores case and separators anywhere', () => {
    fc.assert(
      fc.property(canonical, fc.array(fc.tuple(fc.nat(), separator)), (number, inserts) => {
        let written = number.toLowerCase();
        for (const [at, char] of inserts) {
          const index = at % (written.length + 1);
          written = written.slice(0, index) + char + written.slice(index);
        }
        expect(normaliseDocumentNumber(written)).toBe(number);
      }),
    );
  });

  it('either refuses or gives a canonical number, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        let result: string | undefined;
        try {
          result = normaliseDocumentNumber(value);
        } catch (error) {
          expect(error).toBeInstanceOf(TravelDocumentError);
          return;
        }
        expect(result).toMatch(DOCUMENT_NUMBER_PATTERN);
        expect(normaliseDocumentNumber(result)).toBe(result);
      }),
    );
  });
});
