import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { envelopeMetaSchema, operationAlertBodySchema, operationReplyNoteSchema } from '@bureaunet/contracts';

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
  phase!: 'planned' | 'running' | 'ended';
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
