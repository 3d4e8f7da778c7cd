import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TrailDto, TrailParamDto } from './ledger-api.dto';
import { AuditorOnly } from './auditor-only.decorator';
import { LedgerQueryService } from './ledger-query.service';

@ApiTags('ledger')
@AuditorOnly()
@Controller('api/trail')
export class TrailController {
  constructor(private readonly ledger: LedgerQueryService) {}

  @Get(':messageId')
  @ApiOperation({
    summary:
      'Evidence bundle: every entry about one message (and its receipts), each with an inclusion proof against the signed tree head included',
  })
  @ApiOkResponse({ type: TrailDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  @ApiNotFoundResponse({ description: 'trail-not-found' })
  trail(@Param() params: TrailParamDto): Promise<TrailDto> {
    return this.ledger.trail(params.messageId);
  }
}
