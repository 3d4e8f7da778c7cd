import { createZodDto } from 'nestjs-zod';
import {
  operationAmendRequestSchema,
  operationEndRequestSchema,
  operationSchema,
  requestInstantSchema,
} from '@bureaunet/contracts';

/** The contract's operation, as a request: the id optional (a UUID when absent), one participant at least. */
export class CreateOperationDto extends createZodDto(
  operationSchema.extend({
    id: operationSchema.shape.id.optional().describe('What envelopes name in meta.operationId; a UUID when absent'),
    participants: operationSchema.shape.participants.min(1, 'must name at least one bureau'),
    start: requestInstantSchema,
    end: requestInstantSchema.describe('After start, and in the future'),
  }),
) {}

/** A new name, participants added or removed, a later end (in the future); one of them at least. */
export class AmendOperationDto extends createZodDto(operationAmendRequestSchema) {}

export class EndOperationDto extends createZodDto(operationEndRequestSchema) {}
