import { CliUsageError } from './cli.errors';
import { readTravelDocumentFile } from './travel-document.file';

const HEADER = 'documentNumber,documentType,status,reportedAt,familyName,incidentPlace';

describe('readTravelDocumentFile', () => {
  it('reads a CSV list with the issuer defaulting to the own code, numbers normalised, details grouped', () => {
    const lines = readTravelDocumentFile(
      'dk.csv',
      `${HEADER}\nab 123-456,passport,stolen,2026-11-30T08:00:00.000Z,"HANSEN, Jr",Copenhagen\nX99,id-card,lost,2026-11-29T08:00:00.000Z,,\n`,
      'DK',
    );
    expect(lines).toEqual([
      {
        line: 2,
        record: {
          documentNumber: 'AB123456',
          issuingCountry: 'DK',
          documentType: 'passport',
          status: 'stolen',
          reportedAt: '2026-11-30T08:00:00.000Z',
          details: { familyName: 'HANSEN, Jr', incidentPlace: 'Copenhagen' },
        },
      },
      {
        line: 3,
        record: {
          documentNumber: 'X99',
          issuingCountry: 'DK',
          documentType: 'id-card',
          status: 'lost',
          reportedAt: '2026-11-29T08:00:00.000Z',
        },
      },
    ]);
  });

  it('reads JSON lines, skipping blank ones', () => {
    const record = {
      documentNumber: 'P1',
      documentType: 'passport',
      status: 'revoked',
      reportedAt: '2026-11-30T08:00:00.000Z',
    };
    expect(readTravelDocumentFile('dk.jsonl', `${JSON.stringify(record)}\n\n`, 'DK')).toEqual([
      { line: 1, record: { ...record, issuingCountry: 'DK' } },
    ]);
  });

  it('refuses the whole file, naming every bad line and field, before anything is sent', () => {
    const read = () =>
      readTravelDocumentFile(
        'dk.csv',
        `${HEADER}\nP1,passport,stolen,yesterday,,\nP/2,passport,stolen,2026-11-30T08:00:00.000Z,,\nP3,boat,stolen,2026-11-30T08:00:00.000Z,,\n`,
        'DK',
      );
    expect(read).toThrow(CliUsageError);
    expect(read).toThrow(/line 2: reportedAt: .*\nline 3: documentNumber: .*\nline 4: documentType: /);
  });

  it('refuses unknown columns and files without records', () => {
    expect(() => readTravelDocumentFile('a.csv', 'documentNumber,colour\nP1,red\n', 'DK')).toThrow(
      /unknown CSV column\(s\) colour/,
    );
    expect(() => readTravelDocumentFile('a.csv', `${HEADER}\n`, 'DK')).toThrow(/holds no records/);
    expect(() => readTravelDocumentFile('a.jsonl', '[1]\nnope\n', 'DK')).toThrow(
      /line 1: not a JSON object\nline 2: not JSON/,
    );
  });
});
