/** Bureau codes typed as a list ("MR, fr IT"): upper-cased, each once. */
export function bureauCodesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((code) => code.toUpperCase()),
    ),
  ];
}

/** A datetime-local value (the browser's zone) as an ISO instant, or undefined when empty. */
export function instantOf(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
