import type { ZodType, ZodTypeDef } from 'zod';
import { DomainError, schemaIssues } from '@bureaunet/contracts';

/** Checks a NATS request body against its contract schema; refuses with the fields to fix. */
export function parseWireBody<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new DomainError('invalid-request', schemaIssues(parsed.error, 'body'), 'invalid');
}
