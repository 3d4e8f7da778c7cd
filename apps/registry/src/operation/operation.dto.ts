import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { operationSchema } from '@bureaunet/contracts';

// A request may give any offset; the service stores the UTC instant.
const instant = z.string().datetime({ offset: true, message: 'must be an ISO 8601 instant' });

/** The contract's operation, as a request: the id optional (a UUID when absent), one participant at least. */
export class CreateOperationDto extends createZodDto(
  operationSchema.extend({
    id: operationSchema.shape.id.optional().describe('What envelopes name in meta.operationId; a UUID when absent'),
    participants: operationSchema.shape.participants.min(1, 'must name at least one bureau'),
    start: instant,
    end: instant,
  }),
) {}
