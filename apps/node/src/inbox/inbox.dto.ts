import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../message/message.dto';

export class RejectedQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

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
}
