import { DomainError } from '@bureaunet/contracts';

export type TravelDocumentErrorCode =
  /** Wrong number of lines, a line of the wrong length, or a character outside A-Z, 0-9 and '<'. */
  | 'mrz-lines'
  /** Well-formed lines that are not an ICAO 9303 TD1, TD2 or TD3 zone. */
  | 'mrz-format'
  /** A check digit that does not match the characters it covers. */
  | 'mrz-check-digit'
  /** A field that is not what ICAO 9303 allows there (a document code, a date, a name). */
  | 'mrz-field'
  /** A document number that does not normalise to 1..23 characters A-Z, 0-9. */
  | 'document-number-invalid'
  /** An issuing code that is neither ISO 3166-1 alpha-3 nor one of ICAO's own codes. */
  | 'issuer-unknown'
  /** A real ICAO code with no bureau behind it: an organisation, a specimen, a former state. */
  | 'issuer-not-member'
  /** A POPRF output that is not 64 bytes, or an index or sealing key that is not 32. */
  | 'record-key-invalid'
  /** A record to seal, or a replica entry's public field, that the format does not allow. */
  | 'record-field-invalid'
  /** A sealed blob whose layout is wrong: truncated, extended, an unknown format byte, bad padding. */
  | 'record-malformed'
  /** A well-formed blob that does not authenticate: another key, index, country, status or version. */
  | 'record-unsealable';

/** Where in the MRZ a refusal points: 1-based line and character position, as printed on the document. */
export interface MrzPosition {
  line: number;
  position: number;
}

/** A refused MRZ, document number or issuing code; at an HTTP edge a 400 with its code. */
export class TravelDocumentError extends DomainError {
  override readonly name: string = 'TravelDocumentError';

  /** The field at fault (parseMrz's names: documentNumber, birthDate, …), when there is one. */
  readonly field?: string;
  readonly at?: MrzPosition;

  constructor(
    override readonly code: TravelDocumentErrorCode,
    message: string,
    where: { field?: string; at?: MrzPosition } = {},
  ) {
    super(code, message, 'invalid');
    this.field = where.field;
    this.at = where.at;
  }
}
