/** A line that says what a message is about, from whichever of its body's usual fields it has. */
export function summaryOf(body: unknown, max = 120): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  const candidate = record
    ? ['subject', 'title', 'text', 'details', 'offence']
        .map((key) => record[key])
        .find((value) => typeof value === 'string')
    : body;
  const text = typeof candidate === 'string' ? candidate : JSON.stringify(body ?? null);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "FR, dk ,all" → ['FR', 'DK'] or 'all'. */
export function parseRecipients(text: string): string[] | 'all' {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  if (codes.length === 1 && codes[0] === 'ALL') return 'all';
  return [...new Set(codes)];
}
