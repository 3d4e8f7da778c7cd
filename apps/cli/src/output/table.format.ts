/** One column of a table: its heading and how a row fills it. */
export interface Column<T> {
  header: string;
  value: (row: T) => string;
}

/** Longest cell text before it is cut with "…" (a subject, a reason): tables stay one line per row. */
export const MAX_CELL = 60;

// C0 and C1 controls and the bidi overrides: a message from another bureau must not move the
// cursor, recolour the terminal or reorder what the next columns show.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text fit for one terminal cell: control characters as spaces, at most `max` characters. */
export function terminalSafe(text: string, max = MAX_CELL): string {
  const characters = [...text.replace(UNSAFE, ' ')];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : characters.join('');
}

/** Rows as a plain-text table: a heading line, then one line per row, columns two spaces apart. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => terminalSafe(column.value(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => [...line[index]].length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        index === values.length - 1 ? value : value + ' '.repeat(widths[index] - [...value].length),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n') + '\n';
}

/** Label/value pairs, one per line, values aligned (a message's header fields). */
export function formatFields(fields: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${terminalSafe(value, 200)}`).join('\n') + '\n';
}

/** An instant as "2026-12-01 20:41:07Z": ISO 8601, UTC, to the second; what is not a date unchanged. */
export function isoSeconds(instant: string | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
