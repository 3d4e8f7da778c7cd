import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RoleGuard, Roles } from '@bureaunet/platform';
import { TrailDto, TrailParamDto } from './ledger-api.dto';
import { LedgerQueryService } from './ledger-query.service';

@ApiTags('ledger')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden: only auditor and admin' })
@UseGuards(RoleGuard)
@Roles('auditor', 'admin')
@Controller('api/trail')
export class TrailController {
  constructor(private readonly ledger: LedgerQueryService) {}

  @Get(':messageId')
  @ApiOperation({ summary: 'Evidence bundle: every entry about one message (and its receipts), each with an inclusion proof against the signed tree head included' })
  @ApiOkResponse({ type: TrailDto })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  @ApiNotFoundResponse({ description: 'trail-not-found' })
  trail(@Param() params: TrailParamDto): Promise<TrailDto> {
    return this.ledger.trail(params.messageId);
  }
}
