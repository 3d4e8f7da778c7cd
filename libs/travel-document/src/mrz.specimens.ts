/**
 * Specimen zones from ICAO Doc 9303 (8th edition): Part 4 (TD3 passport), Part 5 (TD1 card),
 * Part 6 (TD2 card), all issued by Utopia (UTO); Part 11 Appendix D.2's TD1 and TD2 examples
 * with a 12-character number continued in the optional field; and the German identity card
 * specimen (issuer D<<).
 * `checkDigits` lists where ICAO places each check digit (1-based line and position), stated
 * independently of what `mrz` reports.
 */
export interface Specimen {
  name: string;
  lines: string[];
  checkDigits: Array<{ field: string; line: number; position: number }>;
}

export const SPECIMENS: Specimen[] = [
  {
    name: 'TD3 passport (ICAO 9303 Part 4)',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    checkDigits: [
      { field: 'documentNumber', line: 2, position: 10 },
      { field: 'birthDate', line: 2, position: 20 },
      { field: 'expiryDate', line: 2, position: 28 },
      { field: 'personalNumber', line: 2, position: 43 },
      { field: 'composite', line: 2, position: 44 },
    ],
  },
  {
    name: 'TD1 identity card (ICAO 9303 Part 5)',
    lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    checkDigits: [
      { field: 'documentNumber', line: 1, position: 15 },
      { field: 'birthDate', line: 2, position: 7 },
      { field: 'expiryDate', line: 2, position: 15 },
      { field: 'composite', line: 2, position: 30 },
    ],
  },
  {
    name: 'TD2 identity card (ICAO 9303 Part 6)',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
    checkDigits: [
      { field: 'documentNumber', line: 2, position: 10 },
      { field: 'birthDate', line: 2, position: 20 },
      { field: 'expiryDate', line: 2, position: 28 },
      { field: 'composite', line: 2, position: 36 },
    ],
  },
  {
    name: 'TD1 with a 12-character number (ICAO 9303 Part 11, D.2)',
    lines: ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
    checkDigits: [
      { field: 'documentNumber', line: 1, position: 19 },
      { field: 'birthDate', line: 2, position: 7 },
      { field: 'expiryDate', line: 2, position: 15 },
      { field: 'composite', line: 2, position: 30 },
    ],
  },
  {
    name: 'TD2 with a 12-character number (ICAO 9303 Part 11, D.2)',
    lines: ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'],
    checkDigits: [
      { field: 'documentNumber', line: 2, position: 32 },
      { field: 'birthDate', line: 2, position: 20 },
      { field: 'expiryDate', line: 2, position: 28 },
      { field: 'composite', line: 2, position: 36 },
    ],
  },
  {
    name: 'German identity card specimen (TD1, issuer D)',
    lines: ['IDD<<T220001293<<<<<<<<<<<<<<<', '6408125<2010315D<<<<<<<<<<<<<4', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'],
    checkDigits: [
      { field: 'documentNumber', line: 1, position: 15 },
      { field: 'birthDate', line: 2, position: 7 },
      { field: 'expiryDate', line: 2, position: 15 },
      { field: 'composite', line: 2, position: 30 },
    ],
  },
];
