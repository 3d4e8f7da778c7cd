import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Audited, Roles, type AuditedRequest } from '@bureaunet/platform';
import { NoticeDuplicateDto } from './notice-duplicate.dto';
import { NoticeDuplicateFinder } from './notice-duplicate.finder';
import { NoticeSearchDto } from './notice-search.dto';
import { NoticeSearchService } from './notice-search.service';
import { NoticeDto, NoticeFieldsDto, NoticeRequestDto, NoticeStepDto, ReasonDto, RequestNoticeDto } from './notice.dto';
import type { NoticeRequestEntity } from '../store/notice-request.entity';
import { NoticeService } from './notice.service';

@ApiTags('notices')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' })
@ApiForbiddenResponse({ description: "role-forbidden: the token's role may not call this route" })
@Roles('officer', 'admin')
@Controller('api')
export class NoticeController {
  constructor(
    private readonly notices: NoticeService,
    private readonly search: NoticeSearchService,
    private readonly duplicates: NoticeDuplicateFinder,
  ) {}

  @Post('notices/requests')
  @Audited('notice.request')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Ask the hub to publish a notice (bureaus only): a notice-request envelope to XH' })
  @ApiCreatedResponse({ type: NoticeStepDto })
  @ApiBadRequestResponse({ description: '{code, reason}: the reason names the field' })
  request(@Body() dto: RequestNoticeDto): Promise<NoticeStepDto> {
    return this.notices.request(dto);
  }

  @Get('notices/requests')
  @Audited('notice.requests')
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'Notice requests sent from here (a bureau) or received (the hub), newest first, with their state',
  })
  @ApiOkResponse({ type: [NoticeRequestDto] })
  async requests(): Promise<NoticeRequestDto[]> {
    return (await this.notices.listRequests()).map(requestView);
  }

  @Get('review/notices')
  @Audited('review.queue')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'The hub’s review queue: pending notice requests, oldest first' })
  @ApiOkResponse({ type: [NoticeRequestDto] })
  @ApiForbiddenResponse({ description: 'Not the hub' })
  async reviewQueue(): Promise<NoticeRequestDto[]> {
    return (await this.notices.reviewQueue()).map(requestView);
  }

  @Get('review/notices/:id/duplicates')
  @Audited('review.duplicates', { target: 'id' })
  @Roles('reviewer', 'admin')
  @ApiOperation({
    summary:
      'Notices held here that may be about the person a received request names (the person-check matcher: accents, transliterations, phonetics, typos, documents), best first, at most 20',
  })
  @ApiOkResponse({ type: [NoticeDuplicateDto] })
  @ApiNotFoundResponse({ description: 'request-not-found' })
  duplicatesOf(@Param('id') id: string): Promise<NoticeDuplicateDto[]> {
    return this.duplicates.find(id);
  }

  @Post('review/notices/:id/approve')
  @Audited('review.approve', { target: 'id' })
  @Roles('reviewer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Approve a request (hub): publish the notice to every active bureau but the restricted, or execute the owner’s cancellation',
  })
  @ApiCreatedResponse({ type: NoticeStepDto })
  approve(@Param('id') id: string): Promise<NoticeStepDto> {
    return this.notices.approve(id);
  }

  @Post('review/notices/:id/refuse')
  @Audited('review.refuse', { target: 'id' })
  @Roles('reviewer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Refuse a request (hub) with a reason sent back to the requester' })
  @ApiCreatedResponse({ type: NoticeStepDto })
  refuse(@Param('id') id: string, @Body() dto: ReasonDto): Promise<NoticeStepDto> {
    return this.notices.refuse(id, dto.reason);
  }

  @Get('notices')
  @Audited('notice.search', { purpose: 'required', purposeWhen: searchesAPerson })
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({
    summary:
      'Search the notices held here: type, state, name (accents and case ignored, word prefixes), date of birth, document number',
  })
  @ApiOkResponse({ type: [NoticeDto] })
  list(@Query() query: NoticeSearchDto): Promise<NoticeDto[]> {
    return this.search.search(query);
  }

  @Get('notices/:number')
  @Audited('notice.open', { target: 'number' })
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({ summary: 'One notice held here (numbers hold a slash: URL-encode it)' })
  @ApiOkResponse({ type: NoticeDto })
  get(@Param('number') number: string): Promise<NoticeDto> {
    return this.search.get(number);
  }

  @Post('notices/:number/update')
  @Audited('notice.update', { target: 'number' })
  @Roles('reviewer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Update a published notice (hub): a new revision to every bureau it reached' })
  @ApiCreatedResponse({ type: NoticeStepDto })
  update(@Param('number') number: string, @Body() dto: NoticeFieldsDto): Promise<NoticeStepDto> {
    return this.notices.update(number, dto);
  }

  @Post('notices/:number/cancel')
  @Audited('notice.cancel', { target: 'number' })
  @Roles('reviewer', 'admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Cancel a notice: the hub cancels it everywhere; its owner sends the hub a cancellation request',
  })
  @ApiCreatedResponse({ type: NoticeStepDto })
  cancel(@Param('number') number: string, @Body() dto: ReasonDto): Promise<NoticeStepDto> {
    return this.notices.cancel(number, dto.reason);
  }
}

/** A search that names a person or a document consults personal data: a person states why. */
function searchesAPerson(request: AuditedRequest): boolean {
  const { name, dateOfBirth, document } = request.query;
  return [name, dateOfBirth, document].some((value) => value !== undefined && value !== '');
}

function requestView(row: NoticeRequestEntity): NoticeRequestDto {
  return {
    id: row.id,
    direction: row.direction,
    requester: row.requester,
    action: row.body.action,
    body: row.body,
    restrictedTo: row.restrictedTo,
    state: row.state,
    noticeNumber: row.noticeNumber,
    reason: row.reason,
    receivedAt: row.receivedAt,
    decidedAt: row.decidedAt,
  };
}
