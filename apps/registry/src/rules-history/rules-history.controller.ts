import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles } from '@bureaunet/platform';
import {
  RulesDiffDto,
  RulesDiffQueryDto,
  RulesVersionDto,
  RulesVersionParamDto,
  RulesVersionsDto,
  RulesVersionsQueryDto,
} from './rules-history.dto';
import { RulesHistoryService } from './rules-history.service';

@ApiTags('rules')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: 'role-forbidden' })
@Roles('admin', 'auditor')
@Controller('api/rules')
export class RulesHistoryController {
  constructor(private readonly history: RulesHistoryService) {}

  @Get('versions')
  @Audited('rules.versions.list')
  @ApiOkResponse({ type: RulesVersionsDto, description: 'Policy-set versions, newest first' })
  @ApiBadRequestResponse({ description: 'invalid-request' })
  versions(@Query() query: RulesVersionsQueryDto): Promise<RulesVersionsDto> {
    return this.history.versions(query.before, query.limit);
  }

  @Get('versions/:version')
  @Audited('rules.versions.show', { target: 'version' })
  @ApiOkResponse({ type: RulesVersionDto })
  @ApiNotFoundResponse({ description: 'unknown-rules-version' })
  version(@Param() params: RulesVersionParamDto): Promise<RulesVersionDto> {
    return this.history.version(params.version);
  }

  @Get('diff')
  @Audited('rules.diff')
  @ApiOkResponse({ type: RulesDiffDto, description: 'Line diff of the policy text and the limits' })
  @ApiBadRequestResponse({ description: 'invalid-request | diff-too-large' })
  @ApiNotFoundResponse({ description: 'unknown-rules-version' })
  diff(@Query() query: RulesDiffQueryDto): Promise<RulesDiffDto> {
    return this.history.diff(query.from, query.to);
  }
}
