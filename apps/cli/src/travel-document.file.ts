import { parse } from 'csv-parse/sync';
import { schemaIssues, travelDocumentRecordSchema, type TravelDocumentRecord } from '@bureaunet/contracts';
import { normaliseDocumentNumber } from '@bureaunet/travel-document';
import { CliUsageError } from './cli.errors';

/** A file's records, each with the line it came from (for a resumable import's progress). */
export interface TravelDocumentLine {
  line: number;
  record: TravelDocumentRecord;
}

/** The CSV header names: the record's fields, with its details flattened. */
const DETAIL_COLUMNS = [
  'familyName',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'incidentPlace',
  'incidentDate',
] as const;
const RECORD_COLUMNS = ['documentNumber', 'issuingCountry', 'documentType', 'status', 'reportedAt'] as const;
const KNOWN_COLUMNS = new Set<string>([...RECORD_COLUMNS, ...DETAIL_COLUMNS]);

/**
 * Reads a country's list for `sltd import`: CSV with a header row (the fields of a travel-document
 * record, details flattened: documentNumber, issuingCountry, documentType, status, reportedAt,
 * familyName, givenNames, dateOfBirth, nationality, incidentPlace, incidentDate) or JSON lines
 * (one record per line, .jsonl/.ndjson). Numbers are normalised as printed documents write them;
 * `issuingCountry` defaults to `ownCode`. Every line is checked before anything is sent: one bad
 * line refuses the file, naming each bad line and field (at most 20).
 */
export function readTravelDocumentFile(name: string, text: string, ownCode?: string): TravelDocumentLine[] {
  const rows = /\.(jsonl|ndjson)$/i.test(name) ? jsonLines(text) : csvRows(text);
  const problems: string[] = [];
  const lines: TravelDocumentLine[] = [];
  for (const { line, fields } of rows) {
    const record = toRecord(fields, ownCode);
    if ('problem' in record) {
      problems.push(`line ${line}: ${record.problem}`);
      if (problems.length === 20) break;
      continue;
    }
    lines.push({ line, record: record.value });
  }
  if (problems.length > 0) throw new CliUsageError(`${name} has bad lines; nothing was sent:\n${problems.join('\n')}`);
  if (lines.length === 0) throw new CliUsageError(`${name} holds no records`);
  return lines;
}

function csvRows(text: string): { line: number; fields: Record<string, unknown> }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (error) {
    throw new CliUsageError(`not a CSV file with a header row: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((column) => !KNOWN_COLUMNS.has(column));
  if (unknown.length > 0)
    throw new CliUsageError(`unknown CSV column(s) ${unknown.join(', ')}; known: ${[...KNOWN_COLUMNS].join(', ')}`);
  return records.map(({ record, info }) => {
    const details = Object.fromEntries(DETAIL_COLUMNS.filter((key) => record[key]).map((key) => [key, record[key]]));
    const fields: Record<string, unknown> = Object.fromEntries(
      RECORD_COLUMNS.filter((key) => record[key]).map((key) => [key, record[key]]),
    );
    if (Object.keys(details).length > 0) fields.details = details;
    return { line: info.lines, fields };
  });
}

function jsonLines(text: string): { line: number; fields: Record<string, unknown> }[] {
  return text.split('\n').flatMap((content, index) => {
    if (content.trim() === '') return [];
    try {
      const value: unknown = JSON.parse(content);
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [{ line: index + 1, fields: { invalid: 'not a JSON object' } }];
      return [{ line: index + 1, fields: value as Record<string, unknown> }];
    } catch {
      return [{ line: index + 1, fields: { invalid: 'not JSON' } }];
    }
  });
}

function toRecord(
  fields: Record<string, unknown>,
  ownCode: string | undefined,
): { value: TravelDocumentRecord } | { problem: string } {
  if (typeof fields.invalid === 'string') return { problem: fields.invalid };
  const withIssuer: Record<string, unknown> = { ...fields, issuingCountry: fields.issuingCountry ?? ownCode };
  if (typeof withIssuer.documentNumber === 'string') {
    try {
      withIssuer.documentNumber = normaliseDocumentNumber(withIssuer.documentNumber);
    } catch (error) {
      return { problem: `documentNumber: ${(error as Error).message}` };
    }
  }
  const parsed = travelDocumentRecordSchema.safeParse(withIssuer);
  return parsed.success ? { value: parsed.data } : { problem: schemaIssues(parsed.error) };
}
