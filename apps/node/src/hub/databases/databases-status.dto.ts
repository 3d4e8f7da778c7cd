import { ApiProperty } from '@nestjs/swagger';

export class SltdCountryCountsDto {
  @ApiProperty({ example: 'DK' })
  issuingCountry!: string;

  @ApiProperty({ description: 'Entries held (any status but withdrawn)' })
  entries!: number;

  @ApiProperty({ description: 'Entries withdrawn by their issuer (kept, so an older copy cannot bring one back)' })
  withdrawn!: number;

  @ApiProperty({ description: 'Rows whose current version is not on the replica stream yet' })
  unpublished!: number;
}

export class SltdStreamStateDto {
  @ApiProperty({ description: 'Messages on BN_SLTD: one per entry' })
  messages!: number;

  @ApiProperty()
  lastSequence!: number;
}

export class DatabasesStatusDto {
  @ApiProperty({ type: [SltdCountryCountsDto] })
  countries!: SltdCountryCountsDto[];

  @ApiProperty({ type: SltdStreamStateDto, nullable: true, description: 'null when the broker did not answer' })
  stream!: SltdStreamStateDto | null;
}
