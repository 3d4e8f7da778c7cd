import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { PageQueryDto } from '../message/message.dto';

export class RejectedQueryDto extends createZodDto(PageQueryDto.schema.pick({ limit: true })) {}

export class RejectedDeliveryDto {
  @ApiProperty({ nullable: true, type: String, description: 'The envelope id, when it could be read' })
  envelopeId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  from!: string | null;

  @ApiProperty({ description: 'Refusal code: a RefusalCode, bad-content or bad-receipt', example: 'bad-signature' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ nullable: true, type: String })
  digest!: string | null;

  @ApiProperty()
  receivedAt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The signed rejection sent back to the sender: only for an envelope whose signature verified, once per envelope',
  })
  rejectionId!: string | null;
}
