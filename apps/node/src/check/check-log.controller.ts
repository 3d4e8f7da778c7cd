import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import { ReplicaStatus } from '../replica/replica.status';
import { CheckDetailDto, CheckIdParamDto, CheckLogPageDto, CheckLogQueryDto, ReplicaStatusDto } from './check-log.dto';
import { CheckLogService } from './check-log.service';

@ApiTags('checks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('border-officer', 'officer', 'admin')
@Controller('api/checks')
export class CheckLogController {
  constructor(
    private readonly checks: CheckLogService,
    private readonly replica: ReplicaStatus,
  ) {}

  @Get()
  @Audited('check.list')
  @ApiOperation({ summary: 'Border checks made at this node, newest first (never the checked number)' })
  @ApiOkResponse({ type: CheckLogPageDto })
  list(@Query() query: CheckLogQueryDto): Promise<CheckLogPageDto> {
    return this.checks.list(query);
  }

  // Before ':id', which would take "replica" for an id.
  @Get('replica')
  @Audited('check.replica-status')
  @ApiOperation({ summary: "This node's replica of the travel-document index: size, position, how current" })
  @ApiOkResponse({ type: ReplicaStatusDto })
  replicaStatus(): Promise<ReplicaStatusDto> {
    return this.replica.status();
  }

  @Get(':id')
  @Audited('check.show', { target: 'id' })
  @ApiOperation({ summary: 'One check as logged here' })
  @ApiOkResponse({ type: CheckDetailDto })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'check-not-found' })
  get(@Param() params: CheckIdParamDto): Promise<CheckDetailDto> {
    return this.checks.get(params.id);
  }
}
