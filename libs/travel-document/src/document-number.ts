import { DOCUMENT_NUMBER_PATTERN, TRAVEL_DOCUMENT_LIMITS } from '@bureaunet/contracts';
import { TravelDocumentError } from './travel-document.errors';

// Separators people and scanners put into numbers: spaces of any kind, hyphens and dashes, and
// the MRZ filler '<'. Anything else outside A-Z, 0-9 is refused, never dropped: dropping '/' or
// 'Ö' would make two different numbers one.
const SEPARATORS = /[\s<\-\u2010-\u2015\u2212]/gu;
const ALLOWED = /^[A-Za-z0-9]$/;

/**
 * The canonical document number, the one input of the OPRF index: separators dropped, ASCII
 * letters upper-cased, 1..23 characters A-Z, 0-9. O and 0 stay apart: ICAO 9303 allows both.
 */
export function normaliseDocumentNumber(value: string): string {
  const compact = value.replace(SEPARATORS, '');
  const wrong = [...compact].findIndex((char) => !ALLOWED.test(char));
  if (wrong !== -1)
    throw new TravelDocumentError(
      'document-number-invalid',
      `documentNumber has ${JSON.stringify([...compact][wrong])}, outside A-Z and 0-9`,
      { field: 'documentNumber' },
    );
  // Upper-cased only now: 'ı'.toUpperCase() is 'I', and must have been refused above.
  const canonical = compact.toUpperCase();
  if (!DOCUMENT_NUMBER_PATTERN.test(canonical))
    throw new TravelDocumentError(
      'document-number-invalid',
      `documentNumber must have 1 to ${TRAVEL_DOCUMENT_LIMITS.documentNumberLength} characters A-Z or 0-9, has ${canonical.length}`,
      { field: 'documentNumber' },
    );
  return canonical;
}
