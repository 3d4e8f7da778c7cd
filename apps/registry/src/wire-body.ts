import type { ZodType, ZodTypeDef } from 'zod';
import { DomainError } from '@bureaunet/contracts';

/** Checks a NATS request body against its contract schema; refuses with the fields to fix. */
export function parseWireBody<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${['body', ...issue.path].join('.')}: ${issue.message}`)
    .join('; ');
  throw new DomainError('invalid-request', issues, 'invalid');
}
