import type { Details, FieldName } from 'mrz';
import { parse } from 'mrz';
import { normaliseDocumentNumber } from './document-number';
import { checkMrzLines, type MrzFormat } from './mrz-lines.check';
import { resolveMrzDate } from './mrz-date';
import { type MrzPosition, TravelDocumentError } from './travel-document.errors';

export interface MrzDocument {
  format: MrzFormat;
  /** P, PO, I, ID, AC, …: the document code as printed, filler dropped. */
  documentCode: string;
  /** Canonical (normaliseDocumentNumber), long TD1/TD2 numbers joined from the optional field. */
  documentNumber: string;
  /** The ICAO code as printed, filler dropped ('D', 'UTO'); icaoToBureauCode maps it. */
  issuingCountry: string;
  nationality: string;
  names: { familyName: string; givenNames: string };
  /** YYYY-MM-DD, or null where the MRZ marks the date unknown. */
  birthDate: string | null;
  expiryDate: string | null;
}

/** Check digits in the order a refusal names them: a field's own before the composite over all. */
const CHECK_DIGITS: ReadonlyArray<[FieldName, string]> = [
  ['documentNumberCheckDigit', 'documentNumber'],
  ['birthDateCheckDigit', 'birthDate'],
  ['expirationDateCheckDigit', 'expiryDate'],
  ['personalNumberCheckDigit', 'personalNumber'],
  ['compositeCheckDigit', 'composite'],
];

/** mrz's field names where ours differ. */
const OUR_NAMES: Partial<Record<FieldName, string>> = {
  expirationDate: 'expiryDate',
  issuingState: 'issuingCountry',
  lastName: 'familyName',
  firstName: 'givenNames',
};

/**
 * An ICAO 9303 TD1, TD2 or TD3 machine-readable zone, read by `mrz`, every check digit verified.
 * Refuses with TravelDocumentError: mrz-lines, mrz-format, mrz-check-digit, mrz-field, each
 * naming the field and the 1-based line and position as printed.
 */
export function parseMrz(input: string | readonly string[], options: { now: Date }): MrzDocument {
  const { format, lines } = checkMrzLines(input);
  const result = parseWithMrz(lines);
  if (result.format !== format)
    throw new TravelDocumentError('mrz-format', `the MRZ reads as ${result.format}, not an ICAO ${format} zone`);
  const details = new Map(result.details.flatMap((detail) => (detail.field ? [[detail.field, detail]] : [])));
  refuseFullContinuation(lines, details.get('documentNumber'));
  refuseCheckDigits(lines, details);
  refuseFields(result.details);
  const detail = (field: FieldName): { detail: Details; raw: string } => {
    const found = details.get(field);
    if (!found) throw new TravelDocumentError('mrz-format', `the ${format} zone has no ${field}`);
    // The characters of the field's own range, as printed (mrz's Range type omits its `raw`).
    const range = found.ranges[0] ?? found;
    return { detail: found, raw: lines[range.line]?.slice(range.start, range.end) ?? '' };
  };
  const birth = detail('birthDate');
  const expiry = detail('expirationDate');
  return {
    format,
    documentCode: detail('documentCode').raw.replace(/<+$/, ''),
    documentNumber: normaliseDocumentNumber(result.documentNumber ?? ''),
    issuingCountry: stateCode(detail('issuingState'), 'issuingCountry'),
    nationality: stateCode(detail('nationality'), 'nationality'),
    names: { familyName: detail('lastName').detail.value ?? '', givenNames: detail('firstName').detail.value ?? '' },
    birthDate: resolveMrzDate(birth.detail, birth.raw, 'birthDate', options.now),
    expiryDate: resolveMrzDate(expiry.detail, expiry.raw, 'expiryDate', options.now),
  };
}

function parseWithMrz(lines: string[]): ReturnType<typeof parse> {
  try {
    return parse(lines);
  } catch (error) {
    throw new TravelDocumentError('mrz-format', `the MRZ is not a TD1, TD2 or TD3 zone: ${(error as Error).message}`);
  }
}

function refuseCheckDigits(lines: readonly string[], details: ReadonlyMap<FieldName, Details>): void {
  for (const [mrzField, field] of CHECK_DIGITS) {
    const detail = details.get(mrzField);
    if (!detail || detail.valid) continue;
    const at = checkDigitPosition(lines, detail);
    // mrz words it "invalid check digit: 3. Must be 7"; the expected digit is all we take from it.
    const expected = /Must be (\d)/.exec(detail.error ?? '')?.[1] ?? 'another digit';
    throw new TravelDocumentError(
      'mrz-check-digit',
      `${field} check digit at line ${at.line}, position ${at.position} is ${detail.value ?? '?'}, expected ${expected}`,
      { field, at },
    );
  }
}

/**
 * A TD1 or TD2 number longer than 9 characters continues in the optional field, then its check
 * digit, then filler. mrz 5.0.2 finds the check digit before the first filler, so a number that
 * fills the optional field to its end (23 characters in TD1, 15 in TD2) would be read one
 * character short: refused rather than misread.
 */
function refuseFullContinuation(lines: readonly string[], detail: Details | undefined): void {
  const [main, checkDigit, optional] = detail?.ranges ?? [];
  if (!main || !checkDigit || !optional) return;
  const continued = lines[checkDigit.line]?.charAt(checkDigit.start) === '<';
  const filled = !(lines[optional.line]?.slice(optional.start, optional.end) ?? '<').includes('<');
  if (!continued || !filled) return;
  throw new TravelDocumentError(
    'mrz-field',
    `documentNumber at line ${main.line + 1}, position ${main.start + 1} continues to the end of the optional field, which this reader does not support`,
    { field: 'documentNumber', at: { line: main.line + 1, position: main.start + 1 } },
  );
}

/**
 * Where the check digit is, 1-based. mrz reports it, except for a TD1/TD2 number continued in
 * the optional field: there the digit precedes the optional field's first filler, and mrz 5.0.2
 * counts that offset from the check-digit slot instead of the optional field (right for TD1,
 * where the two adjoin; wrong for TD2). Taken from the optional field's range mrz reports.
 */
function checkDigitPosition(lines: readonly string[], detail: Details): MrzPosition {
  const [slot, , optional] = detail.ranges;
  if (detail.field === 'documentNumberCheckDigit' && slot && optional) {
    const continued = lines[slot.line]?.charAt(slot.start) === '<';
    const firstFiller = (lines[optional.line] ?? '').slice(optional.start, optional.end).indexOf('<');
    if (continued && firstFiller > 0) return { line: optional.line + 1, position: optional.start + firstFiller };
  }
  return { line: detail.line + 1, position: detail.start + 1 };
}

// Issuing state and nationality are judged by stateCode and icaoToBureauCode, not by mrz's list
// (which refuses UTO, the specimen state, and would hide it behind a generic field error).
const JUDGED_HERE = new Set<FieldName>(['issuingState', 'nationality']);

function refuseFields(details: readonly Details[]): void {
  for (const detail of details) {
    if (detail.valid || !detail.field || JUDGED_HERE.has(detail.field)) continue;
    const field = OUR_NAMES[detail.field] ?? detail.field;
    const at = { line: detail.line + 1, position: detail.start + 1 };
    throw new TravelDocumentError(
      'mrz-field',
      `${field} at line ${at.line}, positions ${at.position}-${Math.max(detail.end, detail.start + 1)} is invalid: ${detail.error ?? 'unreadable'}`,
      { field, at },
    );
  }
}

/** A three-character ICAO code: letters, then filler ('D<<'). */
function stateCode({ detail, raw }: { detail: Details; raw: string }, field: 'issuingCountry' | 'nationality'): string {
  if (/^[A-Z]{1,3}<*$/.test(raw) && raw.length === 3) return raw.replace(/<+$/, '');
  const at = { line: detail.line + 1, position: detail.start + 1 };
  throw new TravelDocumentError(
    'mrz-field',
    `${field} at line ${at.line}, positions ${at.position}-${detail.end} is ${raw}, not an ICAO state code`,
    { field, at },
  );
}
