import { TravelDocumentError } from './travel-document.errors';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** ICAO 9303 Parts 4 to 6: how many lines each format has, and how long each is. */
const LINE_LENGTHS: Readonly<Record<MrzFormat, { lines: number; length: number }>> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

const MRZ_CHARACTER = /[A-Z0-9<]/;

/**
 * The lines as read, checked before `mrz` sees them (it checks characters loosely and takes a
 * 36-character zone with digits in the name field for a French identity card). Surrounding
 * whitespace, which scanners add, is dropped; nothing else is corrected.
 */
export function checkMrzLines(input: string | readonly string[]): { format: MrzFormat; lines: string[] } {
  const lines = (typeof input === 'string' ? input.trim().split(/\r?\n/) : [...input]).map((line) => line.trim());
  if (lines.length !== 2 && lines.length !== 3)
    throw new TravelDocumentError('mrz-lines', `the MRZ must have 2 lines (TD2, TD3) or 3 (TD1), has ${lines.length}`);
  lines.forEach(checkCharacters);
  const format = formatOf(lines);
  const { length } = LINE_LENGTHS[format];
  lines.forEach((line, index) => {
    if (line.length !== length)
      throw new TravelDocumentError(
        'mrz-lines',
        `line ${index + 1} has ${line.length} characters, a ${format} line has ${length}`,
        { at: { line: index + 1, position: Math.min(line.length, length) + 1 } },
      );
  });
  return { format, lines };
}

function checkCharacters(line: string, index: number): void {
  const wrong = [...line].findIndex((char) => !MRZ_CHARACTER.test(char));
  if (wrong === -1) return;
  throw new TravelDocumentError(
    'mrz-lines',
    `line ${index + 1}, position ${wrong + 1} is ${JSON.stringify([...line][wrong])}: an MRZ holds only A-Z, 0-9 and '<'`,
    { at: { line: index + 1, position: wrong + 1 } },
  );
}

function formatOf(lines: readonly string[]): MrzFormat {
  if (lines.length === 3) return 'TD1';
  const first = lines[0]?.length ?? 0;
  if (first === LINE_LENGTHS.TD2.length) return 'TD2';
  if (first === LINE_LENGTHS.TD3.length) return 'TD3';
  throw new TravelDocumentError(
    'mrz-lines',
    `line 1 has ${first} characters: a two-line MRZ has lines of 36 (TD2) or 44 (TD3)`,
    { at: { line: 1, position: 1 } },
  );
}
