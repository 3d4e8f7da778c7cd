import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SendMessageDto } from './outbox.dto';
import { RecipientPreviewDto } from './recipient-preview.dto';

export { RecipientPreviewDto };

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

export class MessagePreviewDto {
  @ApiProperty({ description: "The version of the gateway's rules that answered" })
  version!: number;

  @ApiProperty({ type: [RecipientPreviewDto] })
  recipients!: RecipientPreviewDto[];
}
