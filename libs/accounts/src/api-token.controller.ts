import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, ROLES, Roles, type Caller } from '@bureaunet/platform/stateless';
import { ApiTokenService, type ApiTokenView, type CreatedApiToken } from './api-token.service';
import { personIdOf } from './caller-person';
import { ApiTokenIdParamDto, ApiTokenViewDto, CreateApiTokenDto, CreatedApiTokenDto } from './profile.dto';

/** A person's API tokens for scripts (Authorization: Bearer bnp_…). */
@ApiTags('me')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('api/me/tokens')
export class ApiTokenController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Get()
  @ApiOkResponse({ type: [ApiTokenViewDto], description: 'The live and expired tokens not revoked, newest first' })
  list(@CurrentCaller() caller: Caller | undefined): Promise<ApiTokenView[]> {
    return this.tokens.list(personIdOf(caller));
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedApiTokenDto, description: 'The token is in this answer only' })
  @ApiConflictResponse({ description: 'too-many-tokens' })
  create(@CurrentCaller() caller: Caller | undefined, @Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.tokens.create(personIdOf(caller), body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: refused from now on' })
  @ApiNotFoundResponse({ description: 'token-not-found' })
  async revoke(@CurrentCaller() caller: Caller | undefined, @Param() params: ApiTokenIdParamDto): Promise<void> {
    await this.tokens.revoke(personIdOf(caller), params.id);
  }
}
