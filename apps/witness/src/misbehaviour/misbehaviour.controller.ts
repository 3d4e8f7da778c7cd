import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public, queryInteger } from '@bureaunet/platform';
import { MAX_MISBEHAVIOUR_REPORTS, MisbehaviourRepository } from './misbehaviour.repository';

export class MisbehaviourQueryDto extends createZodDto(
  z
    .object({
      limit: queryInteger(1, MAX_MISBEHAVIOUR_REPORTS)
        .optional()
        .describe(`How many reports, newest first (default and at most ${MAX_MISBEHAVIOUR_REPORTS})`),
    })
    .strict(),
) {}

export class MisbehaviourReportDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the code and both notes' }) id!: string;
  @ApiProperty() origin!: string;
  @ApiProperty({ enum: ['split-view', 'bad-consistency-proof'] }) code!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The checkpoint note this witness had cosigned' }) cosigned!: string;
  @ApiProperty({ description: 'The log-signed checkpoint note that contradicts it' }) presented!: string;
  @ApiProperty() detectedAt!: string;
}

/** Public on purpose: the evidence is two notes the log signed, and anyone may check them. */
@ApiTags('witness')
@Public()
@Controller('api/misbehaviour')
export class MisbehaviourController {
  constructor(private readonly reports: MisbehaviourRepository) {}

  @Get()
  @ApiOperation({ summary: 'Evidence of log misbehaviour this witness refused: split views and failed consistency' })
  @ApiOkResponse({ type: [MisbehaviourReportDto] })
  list(@Query() query: MisbehaviourQueryDto): Promise<MisbehaviourReportDto[]> {
    return this.reports.list(query.limit ?? MAX_MISBEHAVIOUR_REPORTS);
  }
}
