import type { ZodError } from 'zod';

/** "payload.to: must be …; payload.meta.priority: …" — the path tells a sender which field to fix. */
export function schemaIssues(error: ZodError, root: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[root, ...issue.path].join('.')}: ${issue.message}`)
    .join('; ');
}
