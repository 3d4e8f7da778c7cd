import { DomainError } from '@bureaunet/contracts';
import type { ZodType, ZodTypeDef } from 'zod';

/** Parses a workflow body; a mismatch is a 400 naming the first fields at fault. */
export function checkBody<T>(schema: ZodType<T, ZodTypeDef, unknown>, value: unknown, prefix = ''): T {
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  const reason = checked.error.issues
    .slice(0, 5)
    .map((issue) => `${[prefix, ...issue.path].filter((part) => part !== '').join('.')}: ${issue.message}`)
    .join('; ');
  throw new DomainError('invalid-body', reason, 'invalid');
}
