import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  envelopeIdSchema,
  HIT_ANSWERS,
  hitConfirmationBodySchema,
  TRAVEL_DOCUMENT_STATUSES,
  type HitAnswer,
  type HitNotificationBody,
  type TravelDocumentStatus,
} from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';
import type { HitDirection, HitState } from '../store/hit.entity';

export const HIT_PAGE_SIZE = 50;
const MAX_HIT_PAGE_SIZE = 500;
const HIT_STATES = ['awaiting', 'answered', 'overdue'] as const;

export class HitIdParamDto extends createZodDto(
  z.object({ id: envelopeIdSchema.describe('The hit-notification envelope id') }).strict(),
) {}

export class HitListQueryDto extends createZodDto(
  z
    .object({
      direction: z
        .enum(['received', 'sent'])
        .describe('received: hits on this bureau’s records, to answer; sent: hits from checks made here'),
      state: z.enum(HIT_STATES).optional().describe('awaiting, answered or overdue (past answerBy unanswered)'),
      limit: queryInteger(1, MAX_HIT_PAGE_SIZE).optional().describe(`Page size, ${HIT_PAGE_SIZE} when absent`),
      before: envelopeIdSchema.optional().describe('Cursor: the id of the last hit of the previous page'),
    })
    .strict(),
) {}

/** The owner's answer; the node fills in the check it is about and addresses it to the checker. */
export class AnswerHitDto extends createZodDto(hitConfirmationBodySchema.omit({ checkId: true })) {}

export class HitAnswerDto {
  @ApiProperty({ enum: HIT_ANSWERS })
  answer!: HitAnswer;
  @ApiPropertyOptional({ enum: TRAVEL_DOCUMENT_STATUSES, description: 'The record’s status as the owner states it' })
  status?: TravelDocumentStatus;
  @ApiPropertyOptional()
  note?: string;
  @ApiProperty({ description: 'When this node recorded the answer (sent by the owner, received by the checker)' })
  answeredAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The hit-confirmation envelope; null for a hit on this bureau’s own record',
  })
  envelopeId!: string | null;
  @ApiProperty({ description: 'Recorded after answerBy' })
  late!: boolean;
}

export class HitDto {
  @ApiProperty({ description: 'The hit-notification envelope id (GET /api/messages/:id follows it)' })
  id!: string;
  @ApiProperty({ enum: ['received', 'sent'] })
  direction!: HitDirection;
  @ApiProperty()
  checkId!: string;
  @ApiProperty({ description: 'The owner of the record (sent) or the checking bureau (received)' })
  counterpart!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What matched: {kind: document, index, issuingCountry, status, version} or {kind: person, reference, score, reasons}',
  })
  hit!: HitNotificationBody['hit'];
  @ApiProperty()
  checkedAt!: string;
  @ApiProperty({ description: 'The border post or unit' })
  place!: string;
  @ApiProperty()
  answerBy!: string;
  @ApiProperty({ enum: HIT_STATES, description: 'overdue once past answerBy without an answer' })
  state!: HitState;
  @ApiProperty({ description: 'Milliseconds left until answerBy while awaiting; 0 otherwise' })
  remainingMs!: number;
  @ApiProperty({ type: HitAnswerDto, nullable: true })
  answer!: HitAnswerDto | null;
  @ApiProperty()
  createdAt!: string;
}

export class HitPageDto {
  @ApiProperty({ type: [HitDto] })
  items!: HitDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `before` for the next page; null on the last one',
  })
  next!: string | null;
}

/** What a check's detail shows of its hit (HitProcedure.status). */
export interface HitStatus {
  state: HitState;
  answerBy: string;
  remainingMs: number;
  answer: HitAnswerDto | null;
}
