import type { ZodError } from 'zod';

// Enough to fix a request in one round trip; a thousand issues would only bury the first.
const MAX_ISSUES = 5;

/**
 * "payload.to: must be …; payload.meta.priority: …" — the path tells a sender which field to fix.
 * The one wording of zod issues, for HTTP 400s, NATS refusals, crypto errors and logs alike.
 */
export function schemaIssues(error: ZodError, root = ''): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${[root, ...issue.path].filter((part) => part !== '').join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
