import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DeadLetterSummary } from '@bureaunet/persistence';

/** The HTTP shapes of a service's dead letters (GET/POST/DELETE /api/admin/dead-letters), node and gateway alike. */
export const DEAD_LETTER_PAGE_SIZE = 50;
const MAX_DEAD_LETTER_PAGE_SIZE = 5_000;

export class DeadLetterIdParamDto {
  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'id must be a dead-letter number' })
  @Min(1, { message: 'id must be a dead-letter number' })
  id!: number;
}

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DEAD_LETTER_PAGE_SIZE, default: DEAD_LETTER_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DEAD_LETTER_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor: the id of the last dead letter of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ description: 'Include the dead letters an administrator dropped', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dropped?: boolean;
}

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
