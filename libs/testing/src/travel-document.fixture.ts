import type { TravelDocumentRecord } from '@bureaunet/contracts';

/** A Danish passport's zone (ICAO 9303 TD3), number 206573914, check digits computed by the ICAO rule. */
export const DANISH_PASSPORT_MRZ: string[] = [
  'P<DNKNIELSEN<<KASPER<<<<<<<<<<<<<<<<<<<<<<<<',
  '2065739149DNK8804156M3102204<<<<<<<<<<<<<<<0',
];
export const DANISH_PASSPORT_NUMBER = '206573914';

/** A record Denmark reports of one of its travel documents (a passport, reported stolen unless said). */
export function danishTravelDocument(
  documentNumber: string,
  status: TravelDocumentRecord['status'] = 'stolen',
): TravelDocumentRecord {
  return {
    documentNumber,
    issuingCountry: 'DK',
    documentType: 'passport',
    status,
    reportedAt: '2026-11-30T08:00:00.000Z',
    details: { familyName: 'NIELSEN', givenNames: 'Kasper', incidentPlace: 'Copenhagen Central Station' },
  };
}
