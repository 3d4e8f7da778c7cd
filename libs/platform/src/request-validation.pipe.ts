import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { DomainError, schemaIssues } from '@bureaunet/contracts';

/**
 * Parses every request DTO (createZodDto over the contracts); a mismatch is a 400
 * {code: invalid-request, reason: "field: problem; …"}. A parameter without a zod DTO passes as it is.
 */
export const RequestValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError ? new DomainError('invalid-request', schemaIssues(error), 'invalid') : (error as Error),
});
