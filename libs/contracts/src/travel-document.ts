import { z } from 'zod';
import { bureauCodeSchema } from './bureau-code';

/**
 * Border checks (issue 11): the travel-document record an issuing bureau signs, and the bodies of
 * the document and person checks. Every limit is stated here, once; libs/travel-document reads
 * the same constants.
 */
export const TRAVEL_DOCUMENT_LIMITS = {
  /**
   * The longest number an ICAO 9303 MRZ can carry: 9 characters in the TD1 number field plus 14
   * continued in its optional field (the 15th position holds the check digit).
   */
  documentNumberLength: 23,
  nameLength: 200,
  placeLength: 200,
  /** TD1 has three lines, TD2 and TD3 two; the longest line is TD3's 44 characters. */
  mrzLines: { min: 2, max: 3 },
  mrzLineLength: 44,
} as const;

const { documentNumberLength, nameLength, placeLength, mrzLines, mrzLineLength } = TRAVEL_DOCUMENT_LIMITS;

/** The canonical document number (normaliseDocumentNumber in @bureaunet/travel-document). */
export const DOCUMENT_NUMBER_PATTERN = new RegExp(`^[A-Z0-9]{1,${documentNumberLength}}$`);

export const documentNumberSchema = z
  .string()
  .regex(
    DOCUMENT_NUMBER_PATTERN,
    `must be a normalised document number: 1 to ${documentNumberLength} characters A-Z or 0-9`,
  );

export const TRAVEL_DOCUMENT_TYPES = ['passport', 'id-card', 'visa', 'residence-permit', 'other'] as const;
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];

/** `recovered` clears an earlier report: a check on the document then finds nothing to report. */
export const TRAVEL_DOCUMENT_STATUSES = ['stolen', 'lost', 'revoked', 'invalidated', 'recovered'] as const;
export type TravelDocumentStatus = (typeof TRAVEL_DOCUMENT_STATUSES)[number];

const calendarDate = z.string().date('must be a calendar date YYYY-MM-DD');
const isoInstant = z.string().datetime({ message: 'must be an ISO 8601 UTC instant' });
const name = z.string().trim().min(1).max(nameLength);

/** What the issuing bureau knows of the holder and the loss; every part optional, every size bounded. */
export const travelDocumentDetailsSchema = z
  .object({
    familyName: name.optional(),
    givenNames: name.optional(),
    dateOfBirth: calendarDate.optional(),
    nationality: bureauCodeSchema.optional(),
    /** Where and when the document was stolen or lost. */
    incidentPlace: z.string().trim().min(1).max(placeLength).optional(),
    incidentDate: calendarDate.optional(),
  })
  .strict();
export type TravelDocumentDetails = z.infer<typeof travelDocumentDetailsSchema>;

/**
 * Body of a travel-document record change, in an envelope signed by the issuing bureau. The
 * receiver also checks that the envelope's sender is `issuingCountry`: only the issuer reports.
 */
export const travelDocumentRecordSchema = z
  .object({
    documentNumber: documentNumberSchema,
    issuingCountry: bureauCodeSchema,
    documentType: z.enum(TRAVEL_DOCUMENT_TYPES),
    status: z.enum(TRAVEL_DOCUMENT_STATUSES),
    reportedAt: isoInstant,
    details: travelDocumentDetailsSchema.optional(),
  })
  .strict();
export type TravelDocumentRecord = z.infer<typeof travelDocumentRecordSchema>;

/** The MRZ as read, one string per line; parseMrz checks each line's length and characters. */
export const mrzLinesSchema = z
  .array(z.string().max(mrzLineLength, `must be at most ${mrzLineLength} characters (an MRZ line)`))
  .min(mrzLines.min, `must hold ${mrzLines.min} or ${mrzLines.max} MRZ lines`)
  .max(mrzLines.max, `must hold ${mrzLines.min} or ${mrzLines.max} MRZ lines`);

/** Where the check is made (a border post, a unit): logged at the checking node and named in a hit. */
const place = z.string().trim().min(1).max(placeLength);

export type DocumentCheckRequest = ({ documentNumber: string; issuingCountry: string } | { mrz: string[] }) & {
  place?: string;
};

/** A document check names the document either by number and issuer, or by its MRZ: one, not both. */
export const documentCheckRequestSchema = z
  .object({
    documentNumber: documentNumberSchema.optional(),
    issuingCountry: bureauCodeSchema.optional(),
    mrz: mrzLinesSchema.optional(),
    place: place.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const byNumber = ['documentNumber', 'issuingCountry'] as const;
    for (const field of byNumber) {
      if (body.mrz !== undefined && body[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be absent when mrz is given' });
      if (body.mrz === undefined && body[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'is required unless mrz is given' });
    }
  })
  // Runs only once the refinement passed: the `?? ''` are never taken.
  .transform(({ documentNumber, issuingCountry, mrz, place }): DocumentCheckRequest => ({
    ...(mrz !== undefined ? { mrz } : { documentNumber: documentNumber ?? '', issuingCountry: issuingCountry ?? '' }),
    ...(place !== undefined ? { place } : {}),
  }));

/** A person check: the family name, narrowed by whatever else the officer has. */
export const personCheckRequestSchema = z
  .object({
    familyName: name,
    givenNames: name.optional(),
    dateOfBirth: calendarDate.optional(),
    nationality: bureauCodeSchema.optional(),
    documentNumber: documentNumberSchema.optional(),
    place: place.optional(),
  })
  .strict();
export type PersonCheckRequest = z.infer<typeof personCheckRequestSchema>;
