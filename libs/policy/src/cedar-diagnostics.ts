import type { DetailedError } from '@cedar-policy/cedar-wasm/nodejs';

/** One line per Cedar diagnostic, with where it points in `source` (line:column) and its hint. */
export function describeCedarError(error: DetailedError, source?: string): string {
  const location = error.sourceLocations?.[0];
  const where = location && source !== undefined ? `line ${lineColumn(source, location.start)}: ` : '';
  const help = error.help ? ` (${error.help})` : '';
  return `${where}${error.message}${help}`;
}

function lineColumn(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}
