import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  OPERATION_CHANGE_KINDS,
  envelopeMetaSchema,
  operationAlertBodySchema,
  operationAmendRequestSchema,
  operationEndRequestSchema,
  requestInstantSchema,
  operationDraftSchema,
  operationReplyNoteSchema,
} from '@bureaunet/contracts';
import { SentMessageDto } from '../message/message.dto';
import type { OperationPhase } from './operation.phase';

/** A new operation coordinated by this bureau: end after start and in the future, one participant at least. */
export class CreateOperationDto extends createZodDto(
  operationDraftSchema.extend({
    id: operationDraftSchema.shape.id.describe('What envelopes name in meta.operationId; a UUID when absent'),
    participants: operationDraftSchema.shape.participants.min(1, 'must name at least one bureau'),
    start: requestInstantSchema,
    end: requestInstantSchema.describe('After start, and in the future'),
  }),
) {}

/** One change at least: a new name, participants added or removed, a later end (in the future). */
export class AmendOperationDto extends createZodDto(operationAmendRequestSchema) {}

export class EndOperationDto extends createZodDto(operationEndRequestSchema) {}

export class ReportQueryDto extends createZodDto(
  z
    .object({
      download: z
        .enum(['true', 'false'])
        .optional()
        .describe('true: the same JSON as an attachment (operation-<id>-report.json)'),
    })
    .strict(),
) {}

/** The alert's body as the contract has it, and the envelope's priority. */
export class SendAlertDto extends createZodDto(
  operationAlertBodySchema.extend({ priority: envelopeMetaSchema.shape.priority }),
) {}

/** The text of the reply note; the node fills in which alert and operation it answers. */
export class ReplyDto extends createZodDto(operationReplyNoteSchema.pick({ text: true })) {}

export class OperationDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  coordinator!: string;
  @ApiProperty({ type: [String] })
  participants!: string[];
  @ApiProperty()
  start!: string;
  @ApiProperty()
  end!: string;
  @ApiProperty({ enum: ['coordinator', 'participant'] })
  role!: 'coordinator' | 'participant';
  @ApiProperty({ enum: ['planned', 'running', 'ended'] })
  phase!: OperationPhase;
}

export class OperationChangedDto {
  @ApiProperty({ type: OperationDto })
  operation!: OperationDto;
  @ApiProperty({ description: 'The rules version of this change' })
  version!: number;
}

export class OperationChangeDto {
  @ApiProperty()
  version!: number;
  @ApiProperty({ enum: OPERATION_CHANGE_KINDS })
  change!: (typeof OPERATION_CHANGE_KINDS)[number];
  @ApiProperty()
  at!: string;
  @ApiProperty({ description: 'The bureau and the person or role that made it' })
  author!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The operation after the change' })
  operation!: unknown;
  @ApiPropertyOptional({ type: [String] })
  added?: string[];
  @ApiPropertyOptional({ type: [String] })
  removed?: string[];
  @ApiPropertyOptional()
  previousEnd?: string;
  @ApiPropertyOptional()
  reason?: string;
}

export class AlertDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  operationId!: string;
  @ApiProperty()
  from!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  body!: unknown;
  @ApiProperty()
  receivedAt!: string;
}

export class AlertSentDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ type: [String] })
  to!: string[];
}

export class ReportHitDto {
  @ApiProperty({ description: 'The border check (check log id)' })
  checkId!: string;
  @ApiProperty({ enum: ['document', 'person'] })
  kind!: 'document' | 'person';
  @ApiProperty()
  checkedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  place!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The hit procedure it started' })
  hitId!: string | null;
  @ApiPropertyOptional({ description: 'The bureau that owns the record' })
  owner?: string;
  @ApiPropertyOptional({ enum: ['awaiting', 'answered', 'overdue'] })
  state?: string;
  @ApiPropertyOptional({ description: "The owner's answer (confirmed or not)" })
  answer?: string;
}

export class ReportOutcomeDto {
  @ApiProperty()
  at!: string;
  @ApiProperty({ enum: ['participants-added', 'participants-withdrawn', 'extended', 'ended-early', 'ended'] })
  kind!: 'participants-added' | 'participants-withdrawn' | 'extended' | 'ended-early' | 'ended';
  @ApiPropertyOptional({ type: [String] })
  bureaus?: string[];
  @ApiPropertyOptional()
  reason?: string;
  @ApiPropertyOptional()
  author?: string;
}

/** An operation's after-action report, as this bureau holds it (the coordinator's node holds the most). */
export class OperationReportDto {
  @ApiProperty()
  generatedAt!: string;
  @ApiProperty({ description: 'The bureau whose node made the report' })
  bureau!: string;
  @ApiProperty({ type: OperationDto })
  operation!: OperationDto;
  @ApiProperty({ type: [OperationChangeDto], description: 'Creation, amendments and early end, oldest first' })
  changes!: OperationChangeDto[];
  @ApiProperty({ type: [SentMessageDto], description: 'Alerts sent from here, with each recipient’s state' })
  alertsSent!: SentMessageDto[];
  @ApiProperty({ type: [AlertDto], description: 'Alerts received here' })
  alertsReceived!: AlertDto[];
  @ApiProperty({ type: [AlertDto], description: 'Participants’ replies received here' })
  repliesReceived!: AlertDto[];
  @ApiProperty({ type: [SentMessageDto], description: 'Replies sent from here to the coordinator' })
  repliesSent!: SentMessageDto[];
  @ApiProperty({ type: [ReportHitDto], description: 'Border-check hits at this node between start and end' })
  hits!: ReportHitDto[];
  @ApiProperty({ type: [ReportOutcomeDto] })
  outcomes!: ReportOutcomeDto[];
}
