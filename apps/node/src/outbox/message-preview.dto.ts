import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { REFUSAL_CODES, type RefusalCode } from '@bureaunet/contracts';
import { SendMessageDto } from './outbox.dto';

/** The parts of a send the access rules read: no body (the gateway never sees one). */
export class PreviewMessageDto extends createZodDto(
  z
    .object({
      kind: SendMessageDto.schema.shape.kind,
      recipients: SendMessageDto.schema.shape.to.describe('Bureau codes, or "all"'),
      meta: SendMessageDto.schema.shape.meta,
    })
    .strict(),
) {}

export class RecipientPreviewDto {
  @ApiProperty({ example: 'FR' })
  recipient!: string;

  @ApiProperty({ description: 'What the gateway would decide now; it decides again when the message arrives' })
  allowed!: boolean;

  @ApiPropertyOptional({ enum: [...REFUSAL_CODES] })
  code?: RefusalCode;

  @ApiPropertyOptional({
    description: 'The access rule that would refuse, when a rule would',
    example: 'bilateral-declarations',
  })
  rule?: string;

  @ApiPropertyOptional()
  reason?: string;
}

export class MessagePreviewDto {
  @ApiProperty({ description: "The version of the gateway's rules that answered" })
  version!: number;

  @ApiProperty({ type: [RecipientPreviewDto] })
  recipients!: RecipientPreviewDto[];
}
