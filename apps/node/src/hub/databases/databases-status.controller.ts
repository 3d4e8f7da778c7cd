import { Controller, Get, Logger } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { SLTD_STREAM } from '@bureaunet/contracts';
import { Audited, Roles } from '@bureaunet/platform';
import type { Repository } from 'typeorm';
import { SltdRecordEntity } from '../../store/sltd-record.entity';
import { DatabasesStatusDto, type SltdCountryCountsDto, type SltdStreamStateDto } from './databases-status.dto';
import { SltdJetStream } from './sltd-jetstream';

/** The hub's databases service at a glance: counts per issuing country and the replica stream's size. */
@ApiTags('databases')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('admin')
@Controller('api/databases')
export class DatabasesStatusController {
  private readonly logger = new Logger(DatabasesStatusController.name);

  constructor(
    @InjectRepository(SltdRecordEntity) private readonly records: Repository<SltdRecordEntity>,
    private readonly jetstream: SltdJetStream,
  ) {}

  @Get('status')
  @Audited('databases.status')
  @ApiOperation({ summary: 'Hub only: travel-document index entries per issuing country, and the replica stream' })
  @ApiOkResponse({ type: DatabasesStatusDto })
  async status(): Promise<DatabasesStatusDto> {
    return { countries: await this.counts(), stream: await this.stream() };
  }

  private async counts(): Promise<SltdCountryCountsDto[]> {
    const rows = await this.records
      .createQueryBuilder('record')
      .select('record.issuingCountry', 'issuingCountry')
      .addSelect(`SUM(CASE WHEN record.status = 'withdrawn' THEN 0 ELSE 1 END)`, 'entries')
      .addSelect(`SUM(CASE WHEN record.status = 'withdrawn' THEN 1 ELSE 0 END)`, 'withdrawn')
      .addSelect('SUM(CASE WHEN record.publishedSequence IS NULL THEN 1 ELSE 0 END)', 'unpublished')
      .groupBy('record.issuingCountry')
      .orderBy('record.issuingCountry')
      .getRawMany<Record<keyof SltdCountryCountsDto, string | number>>();
    return rows.map((row) => ({
      issuingCountry: String(row.issuingCountry),
      entries: Number(row.entries),
      withdrawn: Number(row.withdrawn),
      unpublished: Number(row.unpublished),
    }));
  }

  private async stream(): Promise<SltdStreamStateDto | null> {
    try {
      const { state } = await (await this.jetstream.manager()).streams.info(SLTD_STREAM);
      return { messages: state.messages, lastSequence: state.last_seq };
    } catch (error) {
      this.logger.warn(`replica stream state unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
