import type { ZodTypeAny } from 'zod';
import { schemaIssues } from './schema-issues';
import {
  documentCheckRequestSchema,
  personCheckRequestSchema,
  TRAVEL_DOCUMENT_LIMITS,
  travelDocumentRecordSchema,
} from './travel-document';

const record = {
  documentNumber: 'L898902C3',
  issuingCountry: 'DK',
  documentType: 'passport',
  status: 'stolen',
  reportedAt: '2026-12-01T10:00:00.000Z',
  details: {
    familyName: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    dateOfBirth: '1974-08-12',
    nationality: 'DK',
    incidentPlace: 'Copenhagen Central Station',
    incidentDate: '2026-11-30',
  },
};

function issues(schema: ZodTypeAny, value: unknown): string {
  const checked = schema.safeParse(value);
  return checked.success ? '' : schemaIssues(checked.error);
}

describe('travelDocumentRecordSchema', () => {
  it('accepts a record with and without details', () => {
    expect(travelDocumentRecordSchema.parse(record)).toEqual(record);
    const { details: _details, ...bare } = record;
    expect(travelDocumentRecordSchema.safeParse({ ...bare, status: 'recovered' }).success).toBe(true);
  });

  it('names each field at fault', () => {
    expect(
      issues(travelDocumentRecordSchema, {
        ...record,
        documentNumber: 'l898-902',
        issuingCountry: 'DNK',
        status: 'found',
        details: { ...record.details, dateOfBirth: '1974-02-30' },
      }),
    ).toBe(
      [
        'documentNumber: must be a normalised document number: 1 to 23 characters A-Z or 0-9',
        'issuingCountry: must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)',
        "status: Invalid enum value. Expected 'stolen' | 'lost' | 'revoked' | 'invalidated' | 'recovered', received 'found'",
        'details.dateOfBirth: must be a calendar date YYYY-MM-DD',
      ].join('; '),
    );
  });

  it('bounds every free text and refuses unknown fields', () => {
    const long = 'x'.repeat(TRAVEL_DOCUMENT_LIMITS.placeLength + 1);
    expect(issues(travelDocumentRecordSchema, { ...record, details: { incidentPlace: long } })).toMatch(
      /^details\.incidentPlace: String must contain at most 200 character/,
    );
    expect(issues(travelDocumentRecordSchema, { ...record, documentNumber: 'A'.repeat(24) })).toMatch(
      /^documentNumber: /,
    );
    expect(issues(travelDocumentRecordSchema, { ...record, photo: 'x' })).toMatch(
      /Unrecognized key\(s\) in object: 'photo'/,
    );
  });
});

describe('documentCheckRequestSchema', () => {
  const mrz = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

  it('takes a number and issuer, or an MRZ', () => {
    expect(documentCheckRequestSchema.parse({ documentNumber: 'L898902C3', issuingCountry: 'FR' })).toEqual({
      documentNumber: 'L898902C3',
      issuingCountry: 'FR',
    });
    expect(documentCheckRequestSchema.parse({ mrz })).toEqual({ mrz });
  });

  it('refuses both, neither, or half of one', () => {
    expect(issues(documentCheckRequestSchema, { documentNumber: 'L898902C3', issuingCountry: 'FR', mrz })).toBe(
      'documentNumber: must be absent when mrz is given; issuingCountry: must be absent when mrz is given',
    );
    expect(issues(documentCheckRequestSchema, {})).toBe(
      'documentNumber: is required unless mrz is given; issuingCountry: is required unless mrz is given',
    );
    expect(issues(documentCheckRequestSchema, { documentNumber: 'L898902C3' })).toBe(
      'issuingCountry: is required unless mrz is given',
    );
  });

  it('bounds the MRZ', () => {
    expect(issues(documentCheckRequestSchema, { mrz: [mrz[0]] })).toBe('mrz: must hold 2 or 3 MRZ lines');
    expect(issues(documentCheckRequestSchema, { mrz: [...mrz, ...mrz] })).toBe('mrz: must hold 2 or 3 MRZ lines');
    expect(issues(documentCheckRequestSchema, { mrz: [mrz[0], `${mrz[1]}<`] })).toBe(
      'mrz.1: must be at most 44 characters (an MRZ line)',
    );
  });
});

describe('personCheckRequestSchema', () => {
  it('needs a family name, the rest optional', () => {
    expect(personCheckRequestSchema.safeParse({ familyName: 'Eriksson' }).success).toBe(true);
    expect(
      personCheckRequestSchema.safeParse({
        familyName: 'Eriksson',
        givenNames: 'Anna Maria',
        dateOfBirth: '1974-08-12',
        nationality: 'SE',
        documentNumber: 'L898902C3',
      }).success,
    ).toBe(true);
    expect(issues(personCheckRequestSchema, { givenNames: 'Anna', nationality: 'SWE' })).toBe(
      'familyName: Required; nationality: must be a two-letter upper-case bureau code (ISO 3166-1 alpha-2)',
    );
    expect(issues(personCheckRequestSchema, { familyName: '  ' })).toMatch(
      /^familyName: String must contain at least 1/,
    );
  });
});
