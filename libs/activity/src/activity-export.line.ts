import { ActivityError } from './activity.errors';
import { parseActivityEntry, type ActivityEntry } from './activity-entry';

/** One line of an export (JSON Lines): the entry's position in the log and the entry as hashed. */
export interface ActivityExportLine {
  seq: number;
  entry: ActivityEntry;
}

/** Longest line an export may hold: an entry's bounded fields fit well within it. */
const MAX_LINE_LENGTH = 4_096;

export function activityExportLine(line: ActivityExportLine): string {
  return `${JSON.stringify({ seq: line.seq, entry: line.entry })}\n`;
}

/** Parses an export, refusing any malformed line with its line number. Empty lines are skipped. */
export function parseActivityExport(text: string): ActivityExportLine[] {
  const lines: ActivityExportLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const refuse = (why: string): never => {
      throw new ActivityError('bad-activity-export', `export line ${i + 1}: ${why}`);
    };
    if (raw.length > MAX_LINE_LENGTH) refuse(`longer than ${MAX_LINE_LENGTH} characters`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return refuse('not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null) return refuse('not a JSON object');
    const { seq, entry } = parsed as { seq?: unknown; entry?: unknown };
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) refuse('seq is not a non-negative integer');
    try {
      lines.push({ seq: seq as number, entry: parseActivityEntry(entry) });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  });
  return lines;
}
