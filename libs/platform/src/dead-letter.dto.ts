import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { DeadLetterSummary } from '@bureaunet/persistence';
import { queryInteger } from './query-integer.schema';

/** The HTTP shapes of a service's dead letters (GET/POST/DELETE /api/admin/dead-letters), node and gateway alike. */
export const DEAD_LETTER_PAGE_SIZE = 50;
const MAX_DEAD_LETTER_PAGE_SIZE = 5_000;

export class DeadLetterIdParamDto extends createZodDto(
  z.object({ id: queryInteger(1).describe('The dead letter number') }).strict(),
) {}

export class DeadLetterQueryDto extends createZodDto(
  z
    .object({
      limit: queryInteger(1, MAX_DEAD_LETTER_PAGE_SIZE)
        .optional()
        .describe(`Page size, ${DEAD_LETTER_PAGE_SIZE} when absent`),
      before: queryInteger(1).optional().describe('Cursor: the id of the last dead letter of the previous page'),
      dropped: z
        .enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
        .transform((value) => value === 'true')
        .optional()
        .describe('Include the dead letters an administrator dropped (default false)'),
    })
    .strict(),
) {}

export class DeadLetterDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'bn.deliver.MR' })
  subject!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The JetStream msgId (the envelope id on the delivery stream)',
  })
  msgId!: string | null;

  @ApiProperty()
  streamSequence!: number;

  @ApiProperty({ description: 'Failed deliveries, plus failed releases' })
  attempts!: number;

  @ApiProperty()
  lastError!: string;

  @ApiProperty({ description: 'Size of the parked bytes' })
  bytes!: number;

  @ApiProperty()
  firstSeenAt!: string;

  @ApiProperty()
  lastSeenAt!: string;

  @ApiProperty({ nullable: true, type: String })
  droppedAt!: string | null;
}

export class DeadLetterDetailDto extends DeadLetterDto {
  @ApiProperty({ description: 'The parked bytes exactly as delivered, base64' })
  raw!: string;
}

export class ReleaseOutcomeDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ enum: ['released'] })
  outcome!: 'released';
}

export function deadLetterView(letter: DeadLetterSummary): DeadLetterDto {
  const { id, subject, msgId, streamSequence, attempts, lastError, bytes, firstSeenAt, lastSeenAt, droppedAt } = letter;
  return { id, subject, msgId, streamSequence, attempts, lastError, bytes, firstSeenAt, lastSeenAt, droppedAt };
}
