import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@bureaunet/platform';
import { TrailDto, TrailParamDto } from './ledger-api.dto';
import { AuditorOnly } from './auditor-only.decorator';
import { EvidenceBundleDto } from './evidence-bundle.dto';
import { EvidenceBundleService } from './evidence-bundle.service';
import { LedgerQueryService } from './ledger-query.service';

@ApiTags('ledger')
@AuditorOnly()
@Controller('api/trail')
export class TrailController {
  constructor(
    private readonly ledger: LedgerQueryService,
    private readonly bundles: EvidenceBundleService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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

  @Get(':messageId/evidence')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'The evidence bundle to keep or hand over: the trail against the first head that covered it, that head, the latest, the consistency proof between them and the signing certificate',
  })
  @ApiOkResponse({ type: EvidenceBundleDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  @ApiNotFoundResponse({ description: 'trail-not-found' })
  evidence(@Param() params: TrailParamDto): Promise<EvidenceBundleDto> {
    return this.bundles.bundle(params.messageId, this.clock.now());
  }
}
