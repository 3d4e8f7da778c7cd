import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { queryInteger } from '@bureaunet/platform';
import { TRACKED_REQUEST_KINDS } from './tracked-request.entity';

export const REQUEST_STATES = ['open', 'overdue', 'answered', 'escalated'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_PAGE_SIZE = 100;
const MAX_REQUEST_PAGE_SIZE = 500;

export class RequestListQueryDto extends createZodDto(
  z
    .object({
      state: z
        .enum(REQUEST_STATES)
        .optional()
        .describe(
          'open (unanswered, due or overdue; the default), overdue (past due unanswered), answered, escalated (past due unanswered, and escalated)',
        ),
      limit: queryInteger(1, MAX_REQUEST_PAGE_SIZE)
        .optional()
        .describe(`At most this many, due first (${REQUEST_PAGE_SIZE} when absent)`),
    })
    .strict(),
) {}

export class TrackedRequestDto {
  @ApiProperty({ description: 'The request envelope id (read it at GET /api/messages/:id)' })
  id!: string;
  @ApiProperty()
  from!: string;
  @ApiProperty({ enum: TRACKED_REQUEST_KINDS })
  kind!: string;
  @ApiProperty({ enum: ['routine', 'urgent', 'immediate'] })
  priority!: string;
  @ApiProperty({ description: 'When the sender needs the answer' })
  dueAt!: string;
  @ApiProperty()
  receivedAt!: string;
  @ApiProperty({
    enum: ['open', 'overdue', 'answered'],
    description: 'Now: answered, or open before dueAt and overdue after',
  })
  state!: 'open' | 'overdue' | 'answered';
  @ApiProperty({ nullable: true, type: String })
  answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reply that answered it' })
  answerId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "When it was escalated to the bureau's reviewers" })
  escalatedAt!: string | null;
}
