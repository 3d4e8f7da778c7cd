/**
 * A naive composer of ICAO 9303 TD3 zones, for tests: parseMrz (over `mrz`) is checked against
 * what this writes. Check digits per ICAO 9303 Part 3, 4.9: weights 7, 3, 1; A-Z count 10-35.
 */
export function referenceCheckDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (const [index, char] of [...text].entries()) {
    const value = char === '<' ? 0 : /[A-Z]/.test(char) ? char.charCodeAt(0) - 55 : Number(char);
    sum += value * (weights[index % 3] ?? 0);
  }
  return String(sum % 10);
}

export interface Td3Fields {
  documentCode: string;
  issuingState: string;
  familyName: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD, '<' for unknown parts */
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expiryDate: string;
  personalNumber: string;
}

export function composeTd3(fields: Td3Fields): [string, string] {
  const names = `${fields.familyName}<<${fields.givenNames}`.replace(/ /g, '<');
  const line1 = `${fields.documentCode.padEnd(2, '<')}${fields.issuingState.padEnd(3, '<')}${names}`
    .padEnd(44, '<')
    .slice(0, 44);
  const number = fields.documentNumber.padEnd(9, '<');
  const personal = fields.personalNumber.padEnd(14, '<');
  const withDigit = (text: string) => `${text}${referenceCheckDigit(text)}`;
  const personalDigit = fields.personalNumber === '' ? '<' : referenceCheckDigit(personal);
  const body =
    `${withDigit(number)}${fields.nationality.padEnd(3, '<')}${withDigit(fields.birthDate)}${fields.sex}` +
    `${withDigit(fields.expiryDate)}${personal}${personalDigit}`;
  const composite = referenceCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}
