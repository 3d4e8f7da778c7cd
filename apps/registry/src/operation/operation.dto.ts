import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_OPERATION_REASON_LENGTH, operationAmendmentSchema, operationSchema } from '@bureaunet/contracts';

// A request may give any offset; the service stores the UTC instant.
const instant = z.string().datetime({ offset: true, message: 'must be an ISO 8601 instant' });

/** The contract's operation, as a request: the id optional (a UUID when absent), one participant at least. */
export class CreateOperationDto extends createZodDto(
  operationSchema.extend({
    id: operationSchema.shape.id.optional().describe('What envelopes name in meta.operationId; a UUID when absent'),
    participants: operationSchema.shape.participants.min(1, 'must name at least one bureau'),
    start: instant,
    end: instant.describe('After start, and in the future'),
  }),
) {}

/** A new name, participants added or removed, a later end (in the future); one of them at least. */
export class AmendOperationDto extends createZodDto(operationAmendmentSchema.extend({ end: instant.optional() })) {}

export class EndOperationDto extends createZodDto(
  z
    .object({
      reason: z
        .string()
        .trim()
        .min(1, 'say why the operation ends early')
        .max(MAX_OPERATION_REASON_LENGTH)
        .describe('Why it ends early; kept in its history and the ledger'),
    })
    .strict(),
) {}
