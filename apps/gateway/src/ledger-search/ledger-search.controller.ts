import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditorOnly } from '../ledger-api/auditor-only.decorator';
import { LedgerSearchDto, LedgerSearchQueryDto, TreeHeadsDto, TreeHeadsQueryDto } from './ledger-search.dto';
import { LedgerSearchService } from './ledger-search.service';

@ApiTags('ledger')
@AuditorOnly()
@Controller('api/ledger')
export class LedgerSearchController {
  constructor(private readonly search: LedgerSearchService) {}

  @Get('search')
  @ApiOperation({
    summary:
      'Ledger entries by date, party, kind and status, newest first, within the latest signed tree head (a finding, not evidence: open the trail to verify)',
  })
  @ApiOkResponse({ type: LedgerSearchDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  find(@Query() query: LedgerSearchQueryDto): Promise<LedgerSearchDto> {
    return this.search.search(query);
  }

  @Get('tree-heads')
  @ApiOperation({ summary: 'The signed tree heads kept, newest first' })
  @ApiOkResponse({ type: TreeHeadsDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  treeHeads(@Query() query: TreeHeadsQueryDto): Promise<TreeHeadsDto> {
    return this.search.heads(query);
  }
}
