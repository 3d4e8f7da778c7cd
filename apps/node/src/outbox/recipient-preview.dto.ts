import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFUSAL_CODES, type RefusalCode } from '@bureaunet/contracts';

/** What the gateway's rules would decide for one recipient (a preview, or a send's dry-run). */
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
