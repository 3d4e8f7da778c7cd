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
} from '@nestjs/swagger';
import { Audited, CallerRole, Roles, type Role } from '@bureaunet/platform';
import { AnswerHitDto, HitDto, HitIdParamDto, HitListQueryDto, HitPageDto } from './hit.dto';
import { HitService } from './hit.service';

@ApiTags('hits')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({
  description: "role-forbidden: the token's role may not call this route (a border officer: sent hits only)",
})
@Roles('officer', 'admin', 'border-officer')
@Controller('api/hits')
export class HitController {
  constructor(private readonly hits: HitService) {}

  @Get()
  @Audited('hit.list')
  @ApiOperation({
    summary: 'Hits on this bureau’s records to answer (received), or hits from checks made here (sent), newest first',
  })
  @ApiOkResponse({ type: HitPageDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  list(@Query() query: HitListQueryDto, @CallerRole() role: Role | undefined): Promise<HitPageDto> {
    return this.hits.list(query, role);
  }

  @Get(':id')
  @Audited('hit.show', { target: 'id' })
  @ApiOperation({ summary: 'One hit: the countdown to answerBy while awaited, then the answer or overdue' })
  @ApiOkResponse({ type: HitDto })
  @ApiBadRequestResponse({ description: 'The id is not a UUID or a ULID' })
  @ApiNotFoundResponse({ description: 'hit-not-found' })
  get(@Param() params: HitIdParamDto, @CallerRole() role: Role | undefined): Promise<HitDto> {
    return this.hits.get(params.id, role);
  }

  @Post(':id/answer')
  @Audited('hit.answer', { target: 'id' })
  @Roles('officer')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Confirm or correct a hit on this bureau’s record: a signed hit-confirmation to the checking bureau',
    description: 'Still sent after answerBy (the checker records it as late).',
  })
  @ApiCreatedResponse({ type: HitDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  @ApiNotFoundResponse({ description: 'hit-not-found' })
  @ApiConflictResponse({ description: 'hit-answered (the first answer stands) | hit-not-owned (a hit sent from here)' })
  answer(@Param() params: HitIdParamDto, @Body() dto: AnswerHitDto): Promise<HitDto> {
    return this.hits.answer(params.id, dto);
  }
}
