import type { BureauCode, DocumentCheckRequest } from '@bureaunet/contracts';
import { icaoToBureauCode, normaliseDocumentNumber, parseMrz } from '@bureaunet/travel-document';

/** The document a check is about: the canonical number (never stored, never logged) and the issuing bureau. */
export interface CheckedDocument {
  documentNumber: string;
  issuingCountry: BureauCode;
}

/**
 * By number and issuer, or read from the MRZ with every check digit verified and the issuing state
 * mapped to a bureau code. Refuses with TravelDocumentError (a 400 naming the field and, for an
 * MRZ, the line and position).
 */
export function checkedDocument(request: DocumentCheckRequest, now: Date): CheckedDocument {
  if ('mrz' in request) {
    const read = parseMrz(request.mrz, { now });
    return { documentNumber: read.documentNumber, issuingCountry: icaoToBureauCode(read.issuingCountry) };
  }
  return {
    documentNumber: normaliseDocumentNumber(request.documentNumber),
    issuingCountry: request.issuingCountry,
  };
}
