import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { activityExportLine } from '../activity-export.line';
import { ActivityLog } from './activity.log';
import {
  ActivityExportQueryDto,
  ActivityHeadDto,
  ActivityPageDto,
  ActivityProofDto,
  ActivityQueryDto,
  ActivitySeqParamDto,
  DEFAULT_ACTIVITY_PAGE,
  MAX_ACTIVITY_EXPORT,
} from './activity.dto';

/** The minimal part of an Express response the export writes headers on. */
interface HeaderSink {
  setHeader(name: string, value: string): void;
}

@ApiTags('activity')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/activity')
export class ActivityController {
  constructor(private readonly log: ActivityLog) {}

  @Get()
  @Audited('activity.search', { target: (request) => stringOf(request.query.person) })
  @ApiOperation({ summary: 'Search the attributed activity log (newest first): person, action, from, to' })
  @ApiOkResponse({ type: ActivityPageDto })
  search(@Query() query: ActivityQueryDto): Promise<ActivityPageDto> {
    return this.log.search(query, query.limit ?? DEFAULT_ACTIVITY_PAGE, query.cursor);
  }

  @Get('export')
  @Audited('activity.export', { purpose: 'required', target: (request) => stringOf(request.query.person) })
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary:
      'Export the log as JSON Lines {seq, entry}, oldest first (a person states x-purpose); x-activity-next names the next page',
  })
  async export(
    @Query() query: ActivityExportQueryDto,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<string> {
    const page = await this.log.exportPage(query, query.limit ?? MAX_ACTIVITY_EXPORT, query.cursor);
    response.setHeader('content-disposition', 'attachment; filename="activity.jsonl"');
    if (page.next !== null) response.setHeader('x-activity-next', String(page.next));
    return page.items.map(activityExportLine).join('');
  }

  @Get('head')
  @Roles('admin', 'auditor')
  @Audited('activity.head')
  @ApiOperation({ summary: "The log's head (size, root) and the last head anchored in the gateway's ledger" })
  @ApiOkResponse({ type: ActivityHeadDto })
  async head(): Promise<ActivityHeadDto> {
    const [head, anchor] = await Promise.all([this.log.head(), this.log.latestAnchor()]);
    return {
      treeSize: head.treeSize,
      rootHash: head.rootHash.toString('base64'),
      lastAnchor: anchor && {
        treeSize: anchor.treeSize,
        rootHash: Buffer.from(anchor.rootHash, 'hex').toString('base64'),
        ledgerIndex: anchor.ledgerIndex,
        anchoredAt: anchor.anchoredAt,
      },
    };
  }

  @Get(':seq/proof')
  @Audited('activity.proof', { target: 'seq' })
  @ApiOperation({ summary: 'An entry with its inclusion proof to the current head' })
  @ApiOkResponse({ type: ActivityProofDto })
  async proof(@Param() params: ActivitySeqParamDto): Promise<ActivityProofDto> {
    const view = await this.log.inclusion(params.seq);
    return {
      seq: view.seq,
      entry: view.entry,
      leafHash: view.leafHash.toString('base64'),
      treeSize: view.treeSize,
      rootHash: view.rootHash.toString('base64'),
      proof: view.proof.map((hash) => hash.toString('base64')),
    };
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
