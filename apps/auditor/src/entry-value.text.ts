/**
 * A member of an entry as text for a message. Entries come from a gateway the auditor does not
 * trust: what should be a string may be any JSON value, shown as JSON rather than [object Object].
 */
export function entryValueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}
