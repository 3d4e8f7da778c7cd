import fc from 'fast-check';
import { icaoToBureauCode } from './icao-issuer';
import { parseMrz } from './mrz.parser';
import { composeTd3, referenceCheckDigit } from './mrz.reference';
import { SPECIMENS } from './mrz.specimens';
import { TravelDocumentError } from './travel-document.errors';

const now = new Date('2026-12-01T12:00:00Z');

function refusal(run: () => unknown): TravelDocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof TravelDocumentError) return error;
    throw error;
  }
  throw new Error('expected a TravelDocumentError');
}

/** The specimen with one character replaced (line and position 1-based). */
function withChar(lines: readonly string[], line: number, position: number, char: string): string[] {
  return lines.map((text, index) =>
    index === line - 1 ? text.slice(0, position - 1) + char + text.slice(position) : text,
  );
}

const anna = { familyName: 'ERIKSSON', givenNames: 'ANNA MARIA' };

describe('parseMrz: the ICAO 9303 specimens', () => {
  it.each([
    [
      0,
      {
        format: 'TD3',
        documentCode: 'P',
        documentNumber: 'L898902C3',
        issuingCountry: 'UTO',
        nationality: 'UTO',
        names: anna,
        birthDate: '1974-08-12',
        expiryDate: '2012-04-15',
      },
    ],
    [
      1,
      {
        format: 'TD1',
        documentCode: 'I',
        documentNumber: 'D23145890',
        issuingCountry: 'UTO',
        nationality: 'UTO',
        names: anna,
        birthDate: '1974-08-12',
        expiryDate: '2012-04-15',
      },
    ],
    [
      2,
      {
        format: 'TD2',
        documentCode: 'I',
        documentNumber: 'D23145890',
        issuingCountry: 'UTO',
        nationality: 'UTO',
        names: anna,
        birthDate: '1974-08-12',
        expiryDate: '2012-04-15',
      },
    ],
    [
      3,
      {
        format: 'TD1',
        documentCode: 'I',
        documentNumber: 'D23145890734',
        issuingCountry: 'UTO',
        nationality: 'UTO',
        names: { familyName: 'STEVENSON', givenNames: 'PETER JOHN' },
        birthDate: '1934-07-12',
        expiryDate: '1995-07-12',
      },
    ],
    [
      4,
      {
        format: 'TD2',
        documentCode: 'I',
        documentNumber: 'D23145890734',
        issuingCountry: 'UTO',
        nationality: 'UTO',
        names: { familyName: 'STEVENSON', givenNames: 'PETER JOHN' },
        birthDate: '1934-07-12',
        expiryDate: '1995-07-12',
      },
    ],
    [
      5,
      {
        format: 'TD1',
        documentCode: 'ID',
        documentNumber: 'T22000129',
        issuingCountry: 'D',
        nationality: 'D',
        names: { familyName: 'MUSTERMANN', givenNames: 'ERIKA' },
        birthDate: '1964-08-12',
        expiryDate: '2020-10-31',
      },
    ],
  ])('reads specimen %i', (index, expected) => {
    const specimen = SPECIMENS[index];
    expect(parseMrz(specimen.lines, { now })).toEqual(expected);
    expect(parseMrz(`\n  ${specimen.lines.join('\r\n')}  \n`, { now })).toEqual(expected);
  });
});

describe('parseMrz: every check digit corrupted in turn', () => {
  const cases = SPECIMENS.flatMap((specimen) =>
    specimen.checkDigits.map((digit) => ({ ...digit, specimen: specimen.name, lines: specimen.lines })),
  );

  it.each(cases)('$specimen: $field at line $line, position $position', ({ lines, field, line, position }) => {
    const printed = lines[line - 1].charAt(position - 1);
    // A continued number's digit sits before the first filler: a filler in its place moves it.
    const continued = field === 'documentNumber' && position > 15;
    for (const wrong of (continued ? '0123456789' : '0123456789<').replace(printed, '')) {
      const error = refusal(() => parseMrz(withChar(lines, line, position, wrong), { now }));
      expect({ code: error.code, field: error.field, at: error.at }).toEqual({
        code: 'mrz-check-digit',
        field,
        at: { line, position },
      });
      if (wrong !== '<' || field !== 'documentNumber')
        expect(error.message).toBe(
          `${field} check digit at line ${line}, position ${position} is ${wrong}, expected ${printed}`,
        );
    }
  });

  it.each(SPECIMENS)('$name: any digit of a checked field changed to another is refused', ({ lines, checkDigits }) => {
    // Weights 7, 3, 1 are prime to 10: one digit replaced by another always changes the sum.
    const checked = checkDigits.filter((digit) => digit.field !== 'composite');
    const composite = checkDigits.find((digit) => digit.field === 'composite')!;
    lines.forEach((text, lineIndex) => {
      [...text].forEach((char, charIndex) => {
        if (!/\d/.test(char)) return;
        const at = { line: lineIndex + 1, position: charIndex + 1 };
        if (at.line === composite.line && at.position === composite.position) return;
        const corrupted = withChar(lines, at.line, at.position, String((Number(char) + 5) % 10));
        const error = refusal(() => parseMrz(corrupted, { now }));
        expect(error.code).toBe('mrz-check-digit');
        expect(checked.map((digit) => digit.field).concat('composite')).toContain(error.field);
      });
    });
  });
});

describe('parseMrz: lines refused, naming the line', () => {
  const [td3Line1, td3Line2] = SPECIMENS[0].lines as [string, string];

  const lineCases: Array<{ lines: string[]; message: string; at?: { line: number; position: number } }> = [
    { lines: [td3Line1], message: 'the MRZ must have 2 lines (TD2, TD3) or 3 (TD1), has 1' },
    {
      lines: [td3Line1, td3Line2, td3Line2, td3Line2],
      message: 'the MRZ must have 2 lines (TD2, TD3) or 3 (TD1), has 4',
    },
    {
      lines: [td3Line1, td3Line2.slice(0, 43)],
      message: 'line 2 has 43 characters, a TD3 line has 44',
      at: { line: 2, position: 44 },
    },
    {
      lines: [td3Line1 + '<', td3Line2 + '<'],
      message: 'line 1 has 45 characters: a two-line MRZ has lines of 36 (TD2) or 44 (TD3)',
      at: { line: 1, position: 1 },
    },
    {
      lines: [td3Line1, td3Line2.replace('L898', 'l898')],
      message: `line 2, position 1 is "l": an MRZ holds only A-Z, 0-9 and '<'`,
      at: { line: 2, position: 1 },
    },
    {
      lines: [td3Line1.replace('ANNA', 'ANNA-'), td3Line2],
      message: `line 1, position 20 is "-": an MRZ holds only A-Z, 0-9 and '<'`,
      at: { line: 1, position: 20 },
    },
    {
      lines: [...SPECIMENS[1].lines.slice(0, 2), 'ERIKSSON<<ANNA'],
      message: 'line 3 has 14 characters, a TD1 line has 30',
      at: { line: 3, position: 15 },
    },
  ];

  it.each(lineCases)('$message', ({ lines, message, at }) => {
    const error = refusal(() => parseMrz(lines, { now }));
    expect({ code: error.code, message: error.message, at: error.at }).toEqual({ code: 'mrz-lines', message, at });
  });
});

describe('parseMrz: fields refused', () => {
  const anna3 = {
    documentCode: 'P',
    issuingState: 'UTO',
    familyName: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    birthDate: '740812',
    sex: 'F' as const,
    expiryDate: '120415',
    personalNumber: 'ZE184226B',
  };

  it('the reference composer writes the ICAO specimen exactly', () => {
    expect(composeTd3(anna3)).toEqual(SPECIMENS[0].lines);
    expect(referenceCheckDigit('D23145890734')).toBe('9');
  });

  it('refuses a document code that is not a passport in a TD3 zone', () => {
    const error = refusal(() => parseMrz(composeTd3({ ...anna3, documentCode: 'V' }), { now }));
    expect(error.code).toBe('mrz-field');
    expect(error.field).toBe('documentCode');
    expect(error.message).toMatch(/^documentCode at line 1, positions 1-\d is invalid: invalid document code/);
  });

  it('refuses a month 13 and a 30 February, even with right check digits', () => {
    const month = refusal(() => parseMrz(composeTd3({ ...anna3, birthDate: '741312' }), { now }));
    expect([month.code, month.field, month.at]).toEqual(['mrz-field', 'birthDate', { line: 2, position: 14 }]);
    const day = refusal(() => parseMrz(composeTd3({ ...anna3, expiryDate: '300230' }), { now }));
    expect([day.code, day.message]).toEqual([
      'mrz-field',
      'expiryDate at line 2, positions 22-27 is 300230, not a calendar date',
    ]);
  });

  it('puts a birth date in the latest century not after now, an expiry within 50 years of now', () => {
    const read = (birthDate: string, expiryDate = '310101') =>
      parseMrz(composeTd3({ ...anna3, birthDate, expiryDate }), { now });
    expect(read('261201').birthDate).toBe('2026-12-01');
    expect(read('261202').birthDate).toBe('1926-12-02');
    expect(read('000229').birthDate).toBe('2000-02-29');
    expect(read('740812', '760101').expiryDate).toBe('2076-01-01');
    expect(read('740812', '770101').expiryDate).toBe('1977-01-01');
  });

  it('reads the issuer for icaoToBureauCode: D is Germany, UTO no member', () => {
    expect(icaoToBureauCode(parseMrz(SPECIMENS[5].lines, { now }).issuingCountry)).toBe('DE');
    expect(() => icaoToBureauCode(parseMrz(SPECIMENS[0].lines, { now }).issuingCountry)).toThrow(
      expect.objectContaining({ code: 'issuer-not-member' }),
    );
  });

  it('reads unknown parts of a date as null', () => {
    expect(parseMrz(composeTd3({ ...anna3, birthDate: '74<<<<' }), { now }).birthDate).toBeNull();
  });

  it('refuses an issuing code with a digit or an inner filler', () => {
    for (const issuingState of ['U1O', 'U<O']) {
      const error = refusal(() => parseMrz(composeTd3({ ...anna3, issuingState }), { now }));
      expect([error.code, error.field, error.at]).toEqual(['mrz-field', 'issuingCountry', { line: 1, position: 3 }]);
    }
  });

  it('refuses a French pre-2021 identity card, which is not an ICAO TD2 zone', () => {
    const lines = ['IDFRADUPONT<<<<<<<<<<<<<<<<<<<075123', '8806923102858CORINNE<<<<<<<6512068F6'];
    expect(refusal(() => parseMrz(lines, { now })).code).toBe('mrz-format');
  });

  it('refuses a continued number that fills the optional field, which mrz would misread', () => {
    const head = 'D23145890<12345678901234';
    const line1 = `I<UTO${head}${referenceCheckDigit(head)}`;
    const line2 = '7408122F1204159UTO<<<<<<<<<<<';
    const composite = referenceCheckDigit(
      line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
    );
    const error = refusal(() => parseMrz([line1, line2 + composite, SPECIMENS[1].lines[2]], { now }));
    expect([error.code, error.field, error.at]).toEqual(['mrz-field', 'documentNumber', { line: 1, position: 6 }]);
  });
});

describe('parseMrz against the reference composer', () => {
  const letters = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Z]{${min},${max}}$`));
  const yymmdd = fc
    .date({ min: new Date('1930-01-01'), max: new Date('2026-11-30'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(2, 10).replace(/-/g, ''));

  it('reads back whatever valid TD3 zone it is given', () => {
    fc.assert(
      fc.property(
        fc.record({
          documentNumber: fc.stringMatching(/^[A-Z0-9]{1,9}$/),
          familyName: letters(1, 15),
          givenNames: letters(0, 15),
          birthDate: yymmdd,
          personalNumber: fc.stringMatching(/^[A-Z0-9]{0,14}$/),
        }),
        (fields) => {
          const lines = composeTd3({ ...anna3Defaults, ...fields });
          const parsed = parseMrz(lines, { now });
          expect(parsed.documentNumber).toBe(fields.documentNumber);
          expect(parsed.names).toEqual({ familyName: fields.familyName, givenNames: fields.givenNames });
          expect(parsed.birthDate?.slice(2).replace(/-/g, '')).toBe(fields.birthDate);
        },
      ),
    );
  });
});

const anna3Defaults = {
  documentCode: 'P',
  issuingState: 'DNK',
  nationality: 'DNK',
  sex: 'M' as const,
  expiryDate: '310101',
};
