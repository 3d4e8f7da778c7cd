import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { NOTICE_STATES, NOTICE_TYPES, type NoticeState, type NoticeType } from '@bureaunet/contracts';

export const MAX_SEARCH_RESULTS = 500;

export class NoticeSearchDto {
  @ApiPropertyOptional({ enum: NOTICE_TYPES })
  @IsOptional()
  @IsIn(NOTICE_TYPES)
  type?: NoticeType;

  @ApiPropertyOptional({ enum: NOTICE_STATES, description: 'lapsed = active but past its review-by date' })
  @IsOptional()
  @IsIn(NOTICE_STATES)
  state?: NoticeState;

  @ApiPropertyOptional({
    description: 'Words of the name, accent- and case-insensitive; each matches the start of a name word',
    example: 'muller jo',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '1980-02-29' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({
    description: 'A travel document number (spaces, dashes and case ignored)',
    example: 'X1234567',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  document?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_RESULTS, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_RESULTS)
  limit?: number;
}
