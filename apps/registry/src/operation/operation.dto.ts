import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { BUREAU_CODE_PATTERN, OPERATION_ID_PATTERN } from '@bureaunet/contracts';
import { BUREAU_CODE_MESSAGE } from '../directory/directory.dto';

export class CreateOperationDto {
  @ApiPropertyOptional({
    example: 'op-trident-2026',
    description: 'What envelopes name in meta.operationId; a UUID when absent',
  })
  @IsOptional()
  @Matches(OPERATION_ID_PATTERN, { message: 'id must be 1 to 64 letters, digits, dots, dashes or underscores' })
  id?: string;

  @ApiProperty({ example: 'Trident: stolen vehicles across the Baltic' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'DK' })
  @Matches(BUREAU_CODE_PATTERN, { message: `coordinator: ${BUREAU_CODE_MESSAGE}` })
  coordinator!: string;

  @ApiProperty({ example: ['SE', 'FI'], type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @Matches(BUREAU_CODE_PATTERN, { each: true, message: `participants: ${BUREAU_CODE_MESSAGE}` })
  participants!: string[];

  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'start must be an ISO 8601 instant' })
  start!: string;

  @ApiProperty({ example: '2026-12-15T00:00:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'end must be an ISO 8601 instant' })
  end!: string;
}
