import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Audited, CurrentCaller, Roles, type Caller } from '@bureaunet/platform';
import {
  AskConsentDto,
  ConsentListQueryDto,
  ConsentMessageParamDto,
  ConsentRequestIdParamDto,
  ConsentRequestPageDto,
  GrantConsentDto,
  RefuseConsentDto,
} from './consent.dto';
import { ConsentService } from './consent.service';
import { ConsentRequestDto } from '../handling/consent-request.dto';

/**
 * Consent of the data owner. Officers ask (a recipient's officers, about a received message);
 * officers of the owner bureau decide, and at the hub its reviewers too.
 */
@ApiTags('consent')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Controller('api')
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @Post('messages/:id/consent-requests')
  @Roles('officer')
  @Audited('consent.ask', { target: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Ask the owner of a received message for consent: onward sharing with bureaus, evidence, or coercive action',
    description:
      'Sent as a signed consent-request to the owner of the handling code (the original a forward passes on).',
  })
  @ApiCreatedResponse({ type: ConsentRequestDto })
  @ApiBadRequestResponse({ description: 'A field is invalid ({code, reason} names it)' })
  @ApiNotFoundResponse({ description: 'No such received message' })
  @ApiConflictResponse({ description: 'consent-request-pending: the same purpose is already asked' })
  @ApiUnprocessableEntityResponse({
    description: 'consent-not-needed (H0) | consent-owner-unknown (a forward of an original not held here)',
  })
  ask(@Param() params: ConsentMessageParamDto, @Body() ask: AskConsentDto): Promise<ConsentRequestDto> {
    return this.consents.ask(params.id, ask);
  }

  @Get('consent-requests')
  @Roles('officer', 'reviewer')
  @Audited('consent.list')
  @ApiOperation({ summary: 'Consent requests asked of this bureau (incoming) and by it (outgoing), newest first' })
  @ApiOkResponse({ type: ConsentRequestPageDto })
  @ApiBadRequestResponse({ description: 'A filter is invalid' })
  list(@Query() query: ConsentListQueryDto): Promise<ConsentRequestPageDto> {
    return this.consents.list(query);
  }

  @Post('consent-requests/:id/grant')
  @Roles('officer', 'reviewer')
  @Audited('consent.grant', { target: 'id' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Grant an incoming consent request, until expiresAt: a signed consent-decision to the asker',
  })
  @ApiOkResponse({ type: ConsentRequestDto })
  @ApiBadRequestResponse({ description: 'expiresAt not in the future or too far, or bureaus not asked for' })
  @ApiNotFoundResponse({ description: 'No such incoming consent request' })
  @ApiConflictResponse({ description: 'consent-already-decided' })
  grant(
    @Param() params: ConsentRequestIdParamDto,
    @Body() grant: GrantConsentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentRequestDto> {
    return this.consents.grant(params.id, grant, caller);
  }

  @Post('consent-requests/:id/refuse')
  @Roles('officer', 'reviewer')
  @Audited('consent.refuse', { target: 'id' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Refuse an incoming consent request, with a reason: a signed consent-decision to the asker',
  })
  @ApiOkResponse({ type: ConsentRequestDto })
  @ApiBadRequestResponse({ description: 'The reason is missing or too long' })
  @ApiNotFoundResponse({ description: 'No such incoming consent request' })
  @ApiConflictResponse({ description: 'consent-already-decided' })
  refuse(
    @Param() params: ConsentRequestIdParamDto,
    @Body() refusal: RefuseConsentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentRequestDto> {
    return this.consents.refuse(params.id, refusal, caller);
  }
}
